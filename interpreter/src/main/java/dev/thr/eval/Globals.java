package dev.thr.eval;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The values of an engine's module variables, by the indexes of its GlobalTable. Reads and
 * writes are acquire/release: a thread spinning on `while not done { }` sees another thread's
 * `done = true`, as it would in Python, and on x86 this costs what a plain access does.
 */
final class Globals {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private volatile Object[] values = new Object[64];

    Globals() { Arrays.fill(values, Unset.VALUE); }

    Object get(int index) {
        Object[] v = values;
        return index < v.length ? SLOT.getAcquire(v, index) : Unset.VALUE;
    }

    void set(int index, Object value) {
        Object[] v = values;
        if (index >= v.length) v = grow(index);
        SLOT.setRelease(v, index, value);
    }

    /** Growing copies the array under a lock; writers that raced with it write again. */
    private synchronized Object[] grow(int index) {
        Object[] v = values;
        if (index < v.length) return v;
        Object[] bigger = Arrays.copyOf(v, Math.max(index + 1, v.length * 2));
        Arrays.fill(bigger, v.length, bigger.length, Unset.VALUE);
        values = bigger;
        return bigger;
    }
}
