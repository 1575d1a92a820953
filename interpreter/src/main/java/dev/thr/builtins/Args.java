package dev.thr.builtins;

import dev.thr.eval.Signature;
import dev.thr.eval.ThreadContext;
import dev.thr.value.Cancelled;
import dev.thr.value.ThrError;
import dev.thr.value.Values;

/** Reading bound arguments with their types checked and worded errors. */
final class Args {
    private Args() {}

    static boolean given(Object arg) { return arg != Signature.ABSENT; }

    static Object or(Object arg, Object fallback) { return arg == Signature.ABSENT ? fallback : arg; }

    static long integer(Object arg, String what) {
        if (arg instanceof Long l) return l;
        if (arg instanceof Boolean b) return b ? 1 : 0;
        if (arg instanceof java.math.BigInteger b) throw new ThrError("OverflowError", what + " is too large: " + Values.brief(b));
        throw ThrError.type(what + " must be an integer, not " + Values.typeName(arg));
    }

    static long integer(Object arg, String what, long fallback) {
        return arg == Signature.ABSENT || arg == null ? fallback : integer(arg, what);
    }

    static double number(Object arg, String what) {
        if (Values.isNumber(arg)) return dev.thr.value.Arith.toDouble(arg);
        throw ThrError.type(what + " must be a number, not " + Values.typeName(arg));
    }

    static String string(Object arg, String what) {
        if (arg instanceof String s) return s;
        throw ThrError.type(what + " must be a string, not " + Values.typeName(arg));
    }

    static boolean truthy(Object arg, boolean fallback) {
        return arg == Signature.ABSENT ? fallback : Values.truthy(arg);
    }

    static dev.thr.eval.Callable callable(Object arg, String what) {
        if (arg instanceof dev.thr.eval.Callable c) return c;
        throw ThrError.type(what + " must be a function, not " + Values.typeName(arg));
    }

    /** A timeout in seconds as nanoseconds; absent or nil means none (-1). */
    static long timeout(Object arg, String what) {
        return dev.thr.eval.Blocking.timeout(arg == Signature.ABSENT ? null : arg, what);
    }

    /**
     * Iterates as Values.iterate does, but stops (Cancelled) when the run is being stopped:
     * `sum(range(10 ** 12))` must not outlive a Ctrl-C or a host's cancel(). The state is
     * looked at every few thousand items, which costs nothing measurable.
     */
    static java.util.Iterator<Object> iterate(ThreadContext ctx, Object v) {
        java.util.Iterator<Object> it = Values.iterate(v);
        return new java.util.Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                if ((++n & 4095) == 0 && ctx.thread().stopped()) throw new Cancelled();
                return it.hasNext();
            }

            @Override
            public Object next() { return it.next(); }
        };
    }

    /** Values.toList, stoppable as iterate is. */
    static dev.thr.value.ThrList toList(ThreadContext ctx, Object v) {
        if (v instanceof dev.thr.value.ThrList l) return new dev.thr.value.ThrList(l.snapshot());
        dev.thr.value.ThrList out = new dev.thr.value.ThrList();
        for (var it = iterate(ctx, v); it.hasNext(); ) out.add(it.next());
        return out;
    }
}
