package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.value.ThrError;

/**
 * The JVM's heap ran out: a MemoryError a program can catch, at the line it was running, as
 * Python's is. The allocation that failed is gone, so there is usually room again to report it.
 */
final class OutOfMemory {
    private OutOfMemory() {}

    static ThrError error() {
        return new ThrError("MemoryError", "out of memory (a larger heap: THR_JAVA_OPTS=-Xmx4g)");
    }

    /** Placed where the thread last was, when nothing nearer knew the place. */
    static ThrError error(ThreadContext ctx) {
        ThrError e = error();
        if (ctx.thread.site() instanceof Span at) e.at(at);
        return e;
    }
}
