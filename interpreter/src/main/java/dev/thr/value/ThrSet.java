package dev.thr.value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A thr set: each operation atomic, elements compared as map keys are (1 and 1.0 are one
 * element). Unlike Python's, it keeps the order elements were added in, so a program prints
 * the same set the same way on every run and under every scheduler.
 */
public final class ThrSet {
    private final LinkedHashSet<Object> elements = new LinkedHashSet<>();

    public ThrSet() {}

    public ThrSet(Iterable<?> from) {
        for (Object o : from) elements.add(ThrMap.key(o));
    }

    /** Adds it; false when it was there already. */
    public synchronized boolean add(Object v) { return elements.add(ThrMap.key(v)); }

    public synchronized boolean contains(Object v) { return elements.contains(ThrMap.key(v)); }

    /** Removes it; false when it was not there. */
    public synchronized boolean remove(Object v) { return elements.remove(ThrMap.key(v)); }

    /** Removes and returns the oldest element, or {@link #EMPTY} when there is none. */
    public synchronized Object pop() {
        var it = elements.iterator();
        if (!it.hasNext()) return EMPTY;
        Object v = it.next();
        it.remove();
        return v;
    }

    public static final Object EMPTY = new Object();

    public synchronized int size() { return elements.size(); }

    public synchronized void clear() { elements.clear(); }

    /** A copy of the elements, for iterating or reading without holding the set. */
    public synchronized List<Object> snapshot() { return new ArrayList<>(elements); }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof ThrSet other)) return false;
        List<Object> mine = snapshot();
        if (mine.size() != other.size()) return false;
        for (Object v : mine) if (!other.contains(v)) return false;
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0; // order-free, as equality is
        for (Object o : snapshot()) h += Values.hash(o);
        return h;
    }

    @Override
    public String toString() { return Values.repr(this); }
}
