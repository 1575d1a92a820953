package dev.thr.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A thr set: each operation atomic, elements compared as map keys are (1 and 1.0 are one
 * element). Unlike Python's, it keeps the order elements were added in, so a program prints
 * the same set the same way on every run and under every scheduler.
 */
public final class ThrSet {
    /** Elements as first given (a container copied), by their lookup form (see ThrMap.lookup). */
    private final LinkedHashMap<Object, Object> elements = new LinkedHashMap<>();

    public ThrSet() {}

    public ThrSet(Iterable<?> from) {
        for (Object o : from) add(o);
    }

    /** Adds it; false when it was there already. The copy and its lookup form are made before the lock is taken. */
    public boolean add(Object v) {
        Object kept = ThrMap.kept(v);
        Object look = ThrMap.lookup(kept);
        synchronized (this) {
            return elements.putIfAbsent(look, kept) == null;
        }
    }

    public boolean contains(Object v) {
        Object look = ThrMap.key(v);
        synchronized (this) {
            return elements.containsKey(look);
        }
    }

    /** Removes it; false when it was not there. */
    public boolean remove(Object v) {
        Object look = ThrMap.key(v);
        synchronized (this) {
            return elements.remove(look) != null;
        }
    }

    /** Removes and returns the oldest element, or {@link #EMPTY} when there is none. */
    public Object pop() {
        Object v;
        synchronized (this) {
            var it = elements.values().iterator();
            if (!it.hasNext()) return EMPTY;
            v = it.next();
            it.remove();
        }
        return v;
    }

    public static final Object EMPTY = new Object();

    public synchronized int size() { return elements.size(); }

    public synchronized void clear() { elements.clear(); }

    /**
     * A copy of the elements, for iterating or reading without holding the set; a container
     * element as a fresh copy, so that changing it cannot strand the one kept.
     */
    public List<Object> snapshot() {
        List<Object> out;
        synchronized (this) {
            out = new ArrayList<>(elements.values());
        }
        out.replaceAll(ThrMap::kept);
        return out;
    }

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
