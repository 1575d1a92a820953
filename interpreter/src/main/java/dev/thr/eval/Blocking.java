package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.runtime.ThrThread;
import dev.thr.runtime.ThreadState;
import dev.thr.value.Arith;
import dev.thr.value.Cancelled;
import dev.thr.value.ThrError;
import dev.thr.value.Values;

/** Joins and timeouts, shared by the `join` statement and the thread, queue and lock builtins. */
public final class Blocking {
    private Blocking() {}

    /** Seconds (int or float) as nanoseconds; nil means "no timeout", shown as -1. */
    public static long nanos(Object seconds, String what, Span span) {
        if (seconds == null) return -1;
        if (!Values.isNumber(seconds)) {
            ThrError e = ThrError.type(what + " needs a number of seconds, not " + Values.typeName(seconds));
            throw span == null ? e : e.at(span);
        }
        double s;
        try {
            s = Arith.toDouble(seconds);
        } catch (ThrError e) {
            throw span == null ? e : e.at(span); // an integer too large for a float
        }
        if (Double.isNaN(s)) {
            ThrError e = ThrError.value(what + " needs a number of seconds, not nan");
            throw span == null ? e : e.at(span);
        }
        if (s < 0) return Long.MIN_VALUE;
        return s >= 9.2e9 ? Long.MAX_VALUE : (long) (s * 1e9);
    }

    /** A timeout argument: nil waits forever; a negative number is an error. */
    public static long timeout(Object seconds, String what) {
        long n = nanos(seconds, what, null);
        if (n == Long.MIN_VALUE) throw ThrError.value(what + " timeout must be 0 or more seconds");
        return n == Long.MAX_VALUE ? -1 : n;
    }

    /** Waits for a thread to end; false when the timeout ran out first. */
    public static boolean join(ThreadContext ctx, Object target, long timeoutNanos) {
        if (!(target instanceof ThrThread t)) throw ThrError.type("join needs a thread, not " + Values.typeName(target));
        if (t == ctx.thread) throw ThrError.runtime("a thread cannot join itself: it would wait forever");
        if (t.isMain()) throw ThrError.runtime("cannot join the main thread");
        if (!t.started()) throw ThrError.runtime("cannot join thread " + t.name() + " before it is started");
        if (ctx.thread.stopped()) throw new Cancelled();
        var clock = ctx.scheduler();
        ctx.thread.waiting(ThreadState.WAITING, t, "join", timeoutNanos >= 0, clock.nanoTime());
        try {
            boolean ended = t.strand().join(timeoutNanos);
            if (ctx.thread.stopped()) throw new Cancelled();
            return ended;
        } catch (InterruptedException e) {
            throw new Cancelled();
        } finally {
            ctx.thread.resumed(clock.nanoTime());
        }
    }
}
