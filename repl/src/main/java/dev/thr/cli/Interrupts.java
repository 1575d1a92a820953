package dev.thr.cli;

import dev.thr.api.ThrEngine;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Signals while a script runs. A stuck program is the usual reason to press Ctrl-C, so the
 * first one says what every thread was doing (a thread dump), then stops the program: its
 * threads end at their next blocking call, loop turn, call or print (`with` blocks let go of
 * their locks on the way out), and thr exits with 130. A second Ctrl-C exits at once.
 *
 * <p>SIGUSR1 (`kill -USR1 PID`) prints the same thread dump and lets the program go on. (The
 * JVM keeps SIGQUIT for its own Java thread dump, which stays there for debugging thr itself.)
 */
final class Interrupts {
    private final AtomicInteger count = new AtomicInteger();

    Interrupts(ThrEngine engine, PrintWriter err) {
        try {
            Signal.handle(new Signal("USR1"), signal -> dump(engine, err, "\nthr: the threads are:\n"));
        } catch (IllegalArgumentException e) {
            // a platform without SIGUSR1 (Windows): Ctrl-C still shows the dump
        }
        Signal.handle(new Signal("INT"), signal -> {
            if (count.incrementAndGet() > 1) Runtime.getRuntime().halt(Main.INTERRUPTED);
            dump(engine, err, "\nthr: interrupted. The threads were:\n");
            Thread stopper = new Thread(() -> {
                try {
                    engine.cancel();
                } catch (InterruptedException | RuntimeException e) {
                    Runtime.getRuntime().halt(Main.INTERRUPTED);
                }
            }, "thr-interrupt");
            stopper.setDaemon(true);
            stopper.start();
        });
    }

    boolean happened() { return count.get() > 0; }

    private static void dump(ThrEngine engine, PrintWriter err, String title) {
        String dump = engine.threadDump();
        err.print(title + (dump.isEmpty() ? "(none alive)\n" : dump.indent(2)));
        err.flush();
    }
}
