package dev.thr.cli;

import dev.thr.api.ThrEngine;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C while a script runs. A program stuck in a deadlock is the usual reason to press it,
 * so the first Ctrl-C says what every thread was waiting on and where, then stops the
 * program: its threads end at their next blocking call or loop turn, running their finally
 * blocks, and thr exits with 130. A second Ctrl-C exits at once.
 */
final class Interrupts {
    private final AtomicInteger count = new AtomicInteger();

    Interrupts(ThrEngine engine, PrintWriter err) {
        Signal.handle(new Signal("INT"), signal -> {
            if (count.incrementAndGet() > 1) Runtime.getRuntime().halt(Main.INTERRUPTED);
            report(engine, err);
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

    private static void report(ThrEngine engine, PrintWriter err) {
        StringBuilder out = new StringBuilder("\nthr: interrupted. The threads were:\n");
        for (ThrEngine.ThreadInfo t : engine.threads()) {
            out.append("  ").append(t.name()).append(": ").append(t.state());
            if (t.waitingOn() != null) out.append(" on ").append(t.waitingOn());
            if (t.at() != null) out.append(" at ").append(t.at());
            out.append('\n');
        }
        err.print(out);
        err.flush();
    }
}
