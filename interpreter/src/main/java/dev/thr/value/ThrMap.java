package dev.thr.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A thr map: insertion-ordered like a Python dict, each operation atomic. Keys compare as thr
 * values do, so 1 and 1.0 are the same key; the key kept is the first one given, as Python
 * keeps it.
 */
public final class ThrMap {
    /** A key as it was first given (a container copied: see kept) and the value under it. */
    private record Entry(Object key, Object value) {}

    /** Entries by their lookup form (see lookup). */
    private final LinkedHashMap<Object, Entry> entries = new LinkedHashMap<>();

    /**
     * The copy kept of a key (or a set's element): a list, set or map is copied, as Python would
     * insist on an immutable key: changing the original later must not strand its entry. Copied
     * again on the way out, so that nothing can change the one kept.
     */
    static Object kept(Object k) {
        if (k instanceof ThrList l) return new ThrList(l.snapshot());
        if (k instanceof ThrSet s) return new ThrSet(s.snapshot());
        if (k instanceof ThrMap m) {
            ThrMap copy = new ThrMap();
            for (Object[] e : m.entries()) copy.put(e[0], e[1]);
            return copy;
        }
        return k;
    }

    /** The form a kept key is looked up by: equal numbers are one key (1, 1.0 and true stay apart as thr compares them). */
    static Object lookup(Object kept) {
        if (kept instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            if (Math.abs(d) < 9e15) return (long) (double) d;
            return Arith.normalize(new java.math.BigDecimal(d).toBigInteger());
        }
        return kept;
    }

    /** The lookup form of a key as given. Made before a map's lock is taken: copying a list locks it. */
    static Object key(Object k) {
        return lookup(kept(k));
    }

    public Object get(Object k) {
        Object look = key(k);
        synchronized (this) {
            Entry e = entries.get(look);
            return e == null ? null : e.value();
        }
    }

    public boolean containsKey(Object k) {
        Object look = key(k);
        synchronized (this) {
            return entries.containsKey(look);
        }
    }

    public void put(Object k, Object v) {
        Object kept = kept(k);
        Object look = lookup(kept);
        synchronized (this) {
            Entry old = entries.get(look);
            entries.put(look, new Entry(old != null ? old.key() : kept, v));
        }
    }

    public Object remove(Object k) {
        Object look = key(k);
        synchronized (this) {
            Entry e = entries.remove(look);
            return e == null ? null : e.value();
        }
    }

    public synchronized int size() { return entries.size(); }

    public synchronized void clear() { entries.clear(); }

    public List<Object> keys() {
        List<Object> out = new ArrayList<>();
        for (Object[] e : entries()) out.add(e[0]);
        return out;
    }

    public synchronized List<Object> values() {
        List<Object> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) out.add(e.value());
        return out;
    }

    /** A snapshot of the entries as [key, value] pairs (a container key as a fresh copy). */
    public List<Object[]> entries() {
        List<Object[]> out;
        synchronized (this) {
            out = new ArrayList<>(entries.size());
            for (Entry e : entries.values()) out.add(new Object[] {e.key(), e.value()});
        }
        for (Object[] e : out) e[0] = kept(e[0]); // copied outside the lock: copying locks the copy
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof ThrMap other)) return false;
        var a = entries(); var b = other.entries();
        if (a.size() != b.size()) return false;
        for (var e : a) {
            if (!other.containsKey(e[0]) || !Values.equal(e[1], other.get(e[0]))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() { return size(); }

    @Override
    public String toString() { return Values.repr(this); }
}
