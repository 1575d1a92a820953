package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.value.ThrError;

/**
 * The JVM's heap ran out: a MemoryError a program can catch, at the line it was running, as
 * Python's is. The allocation that failed is gone, so there is usually room again to report it.
 */
final class OutOfMemory {
    private OutOfMemory() {}

    /**
     * Loads this class and makes its error once, while there is memory: loading a class and
     * its strings takes heap, and when the heap has run out the first use would fail before
     * it could give the memory set aside back.
     */
    static void prepare() {
        new ThrError("MemoryError", MESSAGE).at(Span.NONE);
    }

    private static final String MESSAGE = "out of memory (a larger heap: THR_JAVA_OPTS=-Xmx4g)";

    static ThrError error(ThreadContext ctx) {
        ctx.interpreter.releaseReserve(); // room to make the error, catch it and report it
        return new ThrError("MemoryError", MESSAGE);
    }

    /** Placed where the thread last was, when nothing nearer knew the place. */
    static ThrError placed(ThreadContext ctx) {
        ThrError e = error(ctx);
        if (ctx.thread.site() instanceof Span at) e.at(at);
        return e;
    }
}
