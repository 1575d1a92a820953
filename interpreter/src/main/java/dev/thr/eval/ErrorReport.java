package dev.thr.eval;

import dev.thr.diag.Renderer;
import dev.thr.diag.Span;
import dev.thr.value.ErrorValue;
import dev.thr.value.ThrError;

/** How an uncaught thr error reads: where, what, the source line with a caret, then the thr stack. */
public final class ErrorReport {
    private ErrorReport() {}

    public static String format(ErrorValue e) {
        StringBuilder out = new StringBuilder();
        String headline = e.kind() + ": " + e.message();
        Span origin = e.origin();
        if (origin == null) {
            out.append(headline).append('\n');
        } else {
            out.append(Renderer.render(origin, headline));
        }
        String previous = null;
        int repeats = 0;
        for (ErrorValue.Frame f : e.trace()) {
            String line = "  at " + f.function() + " (" + f.at().where() + ")\n";
            if (line.equals(previous) && ++repeats > REPEATS_SHOWN) continue;
            if (!line.equals(previous)) {
                flushRepeats(out, repeats);
                repeats = 0;
            }
            out.append(line);
            previous = line;
        }
        flushRepeats(out, repeats);
        return out.toString();
    }

    private static final int REPEATS_SHOWN = 2;

    /** A runaway recursion repeats one frame a thousand times: show a few, then count the rest. */
    private static void flushRepeats(StringBuilder out, int repeats) {
        if (repeats > REPEATS_SHOWN) {
            out.append("  ... the line above repeated ").append(repeats - REPEATS_SHOWN).append(" more times\n");
        }
    }

    /** Python's "Exception in thread NAME:" report for an error nobody caught in a thread. */
    public static String inThread(String thread, ErrorValue e) {
        return "Exception in thread " + thread + ":\n" + format(e);
    }

    /** A Java exception that escaped the interpreter is a bug in thr: say so in one line, no Java trace. */
    public static ThrError internal(Throwable t) {
        String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return new ThrError("InternalError", what
                + " (this is a bug in thr, not in your program; please report it with the script that caused it)");
    }
}
