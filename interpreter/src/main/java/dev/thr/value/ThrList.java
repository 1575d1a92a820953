package dev.thr.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A thr list. Each operation is atomic, like a Python list's under the GIL: threads that append
 * to one list without a lock lose nothing and never corrupt it. A read-modify-write across two
 * operations (`xs[0] += 1`) is not atomic, which is the race thr programs are there to show.
 */
public final class ThrList {
    private final ArrayList<Object> items;
    /** Counts changes, so a sort that ran user code without the lock can tell it was overtaken. */
    private long changes;

    public ThrList() { items = new ArrayList<>(); }

    public ThrList(Collection<?> from) { items = new ArrayList<>(from); }

    private ThrList(ArrayList<Object> items) { this.items = items; }

    /** A list around `items`, not copied: the caller built them for it and keeps no reference. */
    public static ThrList adopt(ArrayList<Object> items) { return new ThrList(items); }

    public static ThrList of(Object... values) { return new ThrList(List.of(values)); }

    public synchronized int size() { return items.size(); }

    public synchronized Object get(int i) { return items.get(i); }

    public synchronized void set(int i, Object v) { changes++; items.set(i, v); }

    public synchronized void add(Object v) { changes++; items.add(v); }

    /** Marks a Python index out of range (see at, setAt, removeAt). */
    public static final Object OUT = new Object();

    /** The item at a Python index (negative counts from the end), or OUT: one lock for the check and the read. */
    public synchronized Object at(long index) {
        long p = index < 0 ? index + items.size() : index;
        return p < 0 || p >= items.size() ? OUT : items.get((int) p);
    }

    /** Sets the item at a Python index; false when out of range. */
    public synchronized boolean setAt(long index, Object v) {
        long p = index < 0 ? index + items.size() : index;
        if (p < 0 || p >= items.size()) return false;
        changes++;
        items.set((int) p, v);
        return true;
    }

    /** Removes the item at a Python index; false when out of range. */
    public synchronized boolean removeAtIndex(long index) {
        long p = index < 0 ? index + items.size() : index;
        if (p < 0 || p >= items.size()) return false;
        changes++;
        items.remove((int) p);
        return true;
    }

    public synchronized void insert(int i, Object v) { changes++; items.add(i, v); }

    public synchronized Object removeAt(int i) {
        changes++;
        return items.remove(i);
    }

    public synchronized void addAll(ThrList other) {
        List<Object> copy = other == this ? new ArrayList<>(items) : other.snapshot();
        changes++;
        items.addAll(copy);
    }

    public synchronized void clear() { changes++; items.clear(); }


    public synchronized long changes() { return changes; }

    /** Replaces the items, unless the list changed since `changes()` said `seen`; false then. */
    public synchronized boolean replaceIfUnchanged(long seen, java.util.List<Object> replacement) {
        if (changes != seen) return false;
        changes++;
        items.clear();
        items.addAll(replacement);
        return true;
    }

    public synchronized void reverse() { changes++; java.util.Collections.reverse(items); }

    /** A copy of the items, for iterating or reading without holding the list. */
    public synchronized List<Object> snapshot() { return new ArrayList<>(items); }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof ThrList other)) return false;
        List<Object> a = snapshot(), b = other.snapshot();
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!Values.equal(a.get(i), b.get(i))) return false;
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Object o : snapshot()) h = 31 * h + Values.hash(o);
        return h;
    }

    @Override
    public String toString() { return Values.repr(this); }
}
