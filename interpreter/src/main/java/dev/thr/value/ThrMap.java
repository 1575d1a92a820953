package dev.thr.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A thr map: insertion-ordered like a Python dict, each operation atomic. Keys compare as thr
 * values do, so 1 and 1.0 are the same key (they are normalised to the integer on the way in).
 */
public final class ThrMap {
    private final LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();

    /**
     * The form a key is stored and looked up in. A list key is copied, as Python would insist
     * on an (immutable) tuple: changing the list later must not strand its entry.
     */
    static Object key(Object k) {
        if (k instanceof ThrList l) return new ThrList(l.snapshot());
        if (k instanceof ThrSet s) return new ThrSet(s.snapshot());
        if (k instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            if (Math.abs(d) < 9e15) return (long) (double) d;
            return Arith.normalize(new java.math.BigDecimal(d).toBigInteger());
        }
        return k;
    }

    public synchronized Object get(Object k) { return entries.get(key(k)); }

    public synchronized boolean containsKey(Object k) { return entries.containsKey(key(k)); }

    public synchronized void put(Object k, Object v) { entries.put(key(k), v); }

    public synchronized Object remove(Object k) { return entries.remove(key(k)); }

    public synchronized int size() { return entries.size(); }

    public synchronized void clear() { entries.clear(); }

    public synchronized List<Object> keys() { return new ArrayList<>(entries.keySet()); }

    public synchronized List<Object> values() { return new ArrayList<>(entries.values()); }

    /** A snapshot of the entries as [key, value] pairs. */
    public synchronized List<Object[]> entries() {
        List<Object[]> out = new ArrayList<>(entries.size());
        for (var e : entries.entrySet()) out.add(new Object[] {e.getKey(), e.getValue()});
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
