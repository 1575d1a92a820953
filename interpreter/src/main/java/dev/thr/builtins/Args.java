package dev.thr.builtins;

import dev.thr.eval.Signature;
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
        if (arg instanceof java.math.BigInteger) throw new ThrError("OverflowError", what + " is too large: " + arg);
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
}
