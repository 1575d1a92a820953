package dev.thr.testing;

import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import dev.thr.api.ThrException;
import java.io.StringWriter;

/**
 * Runs thr code through the public API, as the command line does, and captures what a user
 * would see: stdout, stderr (thread errors and the final error report) and the exit status.
 */
public record Run(String stdout, String stderr, int status) {
    public static Run of(String name, String source) {
        return of(name, source, Thr.builder());
    }

    public static Run of(String name, String source, Thr.Builder builder) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ThrEngine engine = builder.stdout(out).stderr(err).build();
        int status = 0;
        try {
            engine.runMain(engine.compile(name, source));
        } catch (ThrException e) {
            synchronized (err) {
                err.write(e.getMessage());
            }
            status = e.isSyntaxError() ? 2 : e.kind().equals("DeadlockError") ? 3 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 130;
        }
        // as the command line's exit does: daemon threads must not outlive their program
        try {
            engine.cancel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Run(out.toString(), err.toString(), status);
    }

    /** The stdout of code that must run cleanly; a failure shows what went wrong. */
    public static String output(String source) {
        Run r = of("test.thr", source);
        if (r.status != 0 || !r.stderr.isEmpty()) {
            throw new AssertionError("expected a clean run, got status " + r.status + ":\n" + r.stderr + "\nstdout:\n" + r.stdout);
        }
        return r.stdout;
    }

    /** The error report of code that must fail in its main thread or to compile. */
    public static String error(String source) {
        Run r = of("test.thr", source);
        if (r.status == 0) throw new AssertionError("expected an error, but it ran; stdout:\n" + r.stdout);
        return r.stderr;
    }
}
