package dev.thr.eval;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The values of an engine's module variables, by the indexes of its GlobalTable. Reads and
 * writes are acquire/release: a thread spinning on `while not done { }` sees another thread's
 * `done = true`, as it would in Python, and on x86 this costs what a plain access does.
 *
 * <p>Values live in fixed-size chunks that are never copied: when more variables appear, only
 * the directory of chunks grows, and it holds the same chunk objects, so a write racing with
 * the growth still lands where every later read looks.
 */
final class Globals {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int CHUNK_BITS = 6;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private volatile Object[][] chunks = {newChunk()};

    private static Object[] newChunk() {
        Object[] c = new Object[CHUNK];
        Arrays.fill(c, Unset.VALUE);
        return c;
    }

    Object get(int index) {
        Object[][] dir = chunks;
        int c = index >>> CHUNK_BITS;
        return c < dir.length ? SLOT.getAcquire(dir[c], index & (CHUNK - 1)) : Unset.VALUE;
    }

    void set(int index, Object value) {
        Object[][] dir = chunks;
        int c = index >>> CHUNK_BITS;
        if (c >= dir.length) dir = grow(c);
        SLOT.setRelease(dir[c], index & (CHUNK - 1), value);
    }

    private synchronized Object[][] grow(int chunk) {
        Object[][] dir = chunks;
        if (chunk < dir.length) return dir;
        Object[][] bigger = Arrays.copyOf(dir, Math.max(chunk + 1, dir.length * 2));
        for (int i = dir.length; i < bigger.length; i++) bigger[i] = newChunk();
        chunks = bigger;
        return bigger;
    }
}
