package dev.thr.eval;

import dev.thr.value.Range;
import dev.thr.value.StopSignal;
import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.ThrMap;
import dev.thr.value.ThrSet;
import dev.thr.value.Values;
import java.util.List;

/** x[i], x[i] = v, x[a:b:c], `del x[i]` and `in`, with Python's negative indexes and messages. */
final class Indexing {
    private Indexing() {}

    static Object get(Object target, Object index) {
        if (target instanceof ThrList l) {
            Object v = index instanceof Long i ? l.at(i) : ThrList.OUT;
            if (v == ThrList.OUT) throw badIndex(index, "list"); // a wrong type, or out of range
            return v;
        }
        if (target instanceof ThrMap m) {
            Object v = m.get(index);
            if (v == null && !m.containsKey(index)) throw ThrError.key("no key " + Values.repr(index) + " in the map");
            return v;
        }
        if (target instanceof String s) {
            int at = position(index, s.codePointCount(0, s.length()), "string");
            return Character.toString(s.codePointAt(s.offsetByCodePoints(0, at)));
        }
        if (target instanceof Range r) return r.at(position(index, r.length(), "range"));
        throw ThrError.type(Values.typeName(target) + " cannot be indexed");
    }

    static void set(Object target, Object index, Object value) {
        if (target instanceof ThrList l) { // one lock for the position and the write: another thread's append or removal falls before or after
            if (!(index instanceof Long i && l.setAt(i, value))) throw badIndex(index, "list");
        } else if (target instanceof ThrMap m) m.put(index, value);
        else throw ThrError.type(Values.typeName(target) + " does not support item assignment");
    }

    /** `del xs[i]`, `del m[k]`. */
    static void delete(Object target, Object index) {
        if (target instanceof ThrList l) { // as set: `del xs[-1]` removes what is last when it runs
            if (!(index instanceof Long i && l.removeAtIndex(i))) throw badIndex(index, "list");
        } else if (target instanceof ThrMap m) {
            synchronized (m) { // no other thread's put between the test and the removal
                if (!m.containsKey(index)) throw ThrError.key("no key " + Values.repr(index) + " in the map");
                m.remove(index);
            }
        } else throw ThrError.type(Values.typeName(target) + " does not support item deletion");
    }

    /** `del xs[a:b:c]`: the items the slice would give, removed at once. */
    static void deleteSlice(Object target, Object lo, Object hi, Object step) {
        long st = step == null ? 1 : integer(step);
        if (st == 0) throw ThrError.value("slice step cannot be zero");
        if (!(target instanceof ThrList l)) throw ThrError.type(Values.typeName(target) + " does not support slice deletion");
        while (true) {
            long seen = l.changes();
            List<Object> items = l.snapshot();
            long[] range = indexes(items.size(), lo, hi, st);
            boolean[] gone = new boolean[items.size()];
            for (long i = 0; i < range[1]; i++) gone[(int) (range[0] + i * st)] = true;
            List<Object> kept = new java.util.ArrayList<>(items.size() - (int) range[1]);
            for (int i = 0; i < items.size(); i++) if (!gone[i]) kept.add(items.get(i));
            if (l.replaceIfUnchanged(seen, kept)) return; // else another thread changed it meanwhile: again
        }
    }

    /** The error for an index that is not a usable one: not an integer, or out of range. */
    private static ThrError badIndex(Object index, String what) {
        if (!(index instanceof Long) && !(index instanceof java.math.BigInteger)) {
            return ThrError.type(what + " indexes must be integers, not " + Values.typeName(index));
        }
        return outOfRange(what, index);
    }

    private static int position(Object index, long size, String what) {
        if (index instanceof java.math.BigInteger) throw outOfRange(what, index);
        if (!(index instanceof Long i)) throw ThrError.type(what + " indexes must be integers, not " + Values.typeName(index));
        long p = i < 0 ? i + size : i;
        if (p < 0 || p >= size) throw outOfRange(what, index);
        return (int) p;
    }

    private static ThrError outOfRange(String what, Object index) {
        return ThrError.index(what + " index " + (index instanceof java.math.BigInteger b ? Values.brief(b) : index) + " out of range");
    }

    /** `target[lo:hi:step]`; a slice of millions of items asks `stop` as it goes. */
    static Object slice(Object target, Object lo, Object hi, Object step, StopSignal stop) {
        long st = step == null ? 1 : integer(step);
        if (st == 0) throw ThrError.value("slice step cannot be zero");
        if (target instanceof ThrList l) {
            List<Object> items = l.snapshot();
            long[] range = indexes(items.size(), lo, hi, st);
            int start = (int) range[0], n = (int) range[1];
            if (st == 1) return new ThrList(items.subList(start, start + n));
            var out = new java.util.ArrayList<Object>(n);
            for (int i = 0; i < n; i++) {
                if ((i & 4095) == 0) stop.check();
                out.add(items.get((int) (start + i * st)));
            }
            return ThrList.adopt(out);
        }
        if (target instanceof String s) {
            boolean plain = s.codePointCount(0, s.length()) == s.length(); // no pair of surrogates: a char is a character
            int[] chars = plain ? null : s.codePoints().toArray();
            long[] range = indexes(plain ? s.length() : chars.length, lo, hi, st);
            int start = (int) range[0], n = (int) range[1];
            if (plain && st == 1) return s.substring(start, start + n);
            StringBuilder out = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                if ((i & 4095) == 0) stop.check();
                int at = (int) (start + i * st);
                if (plain) out.append(s.charAt(at)); else out.appendCodePoint(chars[at]);
            }
            return out.toString();
        }
        throw ThrError.type(Values.typeName(target) + " cannot be sliced");
    }

    private static long integer(Object v) {
        if (v instanceof Long l) return l;
        // beyond any list's length either way: clamped as Python clamps it
        if (v instanceof java.math.BigInteger b) return b.signum() > 0 ? Long.MAX_VALUE / 2 : Long.MIN_VALUE / 2;
        throw ThrError.type("slice bounds must be integers or nil, not " + Values.typeName(v));
    }

    /** Python's slice.indices(): the bounds clamped, then the first index and how many. */
    private static long[] indexes(long size, Object lo, Object hi, long step) {
        long start, stop;
        if (step > 0) {
            start = lo == null ? 0 : clamp(integer(lo), size, 0, size);
            stop = hi == null ? size : clamp(integer(hi), size, 0, size);
        } else {
            start = lo == null ? size - 1 : clamp(integer(lo), size, -1, size - 1);
            stop = hi == null ? -1 : clamp(integer(hi), size, -1, size - 1);
        }
        return new long[] {start, new Range(start, stop, step).length()};
    }

    private static long clamp(long v, long size, long min, long max) {
        if (v < 0) v += size;
        return Math.max(min, Math.min(max, v));
    }

    /** `item in container`; a search through millions of list items asks `stop` as it goes. */
    static boolean contains(Object container, Object item, StopSignal stop) {
        if (container instanceof ThrList l) {
            int n = 0;
            for (Object o : l.snapshot()) {
                if ((++n & 4095) == 0) stop.check();
                if (Values.equal(o, item)) return true;
            }
            return false;
        }
        if (container instanceof ThrMap m) return m.containsKey(item);
        if (container instanceof ThrSet z) return z.contains(item);
        if (container instanceof String s) {
            if (!(item instanceof String sub)) throw ThrError.type("'in <string>' needs a string on the left, not " + Values.typeName(item));
            return s.contains(sub);
        }
        if (container instanceof Range r) return item instanceof Long v && r.contains(v);
        throw ThrError.type("'in' needs a list, map, set, string or range, not " + Values.typeName(container));
    }
}
