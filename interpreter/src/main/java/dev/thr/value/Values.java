package dev.thr.value;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What every thr value means: its type name, truth, printed forms, equality and order.
 * The representation: nil is null, booleans Boolean, integers Long (BigInteger past 64 bits,
 * never a BigInteger that fits a long), floats Double, strings String, and thr's own classes.
 */
public final class Values {
    private Values() {}

    // These helpers test types with instanceof, not with a `switch` over type patterns: each
    // such switch makes a class the first time it runs (the JDK's bootstrap), which nearly
    // every script pays for at start-up (see bench/README.md).

    public static String typeName(Object v) {
        if (v == null) return "nil";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Long || v instanceof BigInteger) return "int";
        if (v instanceof Double) return "float";
        if (v instanceof String) return "str";
        if (v instanceof ThrList) return "list";
        if (v instanceof ThrMap) return "map";
        if (v instanceof ThrSet) return "set";
        if (v instanceof Range) return "range";
        if (v instanceof ErrorValue) return "error";
        if (v instanceof Typed t) return t.typeName();
        return v.getClass().getSimpleName();
    }

    /** Objects of thr's runtime (threads, locks, queues, functions) name their own type. */
    public interface Typed {
        String typeName();
    }

    public static boolean truthy(Object v) {
        if (v instanceof Boolean b) return b; // the common case first
        if (v == null) return false;
        if (v instanceof Long l) return l != 0;
        if (v instanceof BigInteger b) return b.signum() != 0;
        if (v instanceof Double d) return d != 0.0;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof ThrList l) return l.size() > 0;
        if (v instanceof ThrMap m) return m.size() > 0;
        if (v instanceof ThrSet z) return z.size() > 0;
        if (v instanceof Range r) return r.length() > 0;
        return true;
    }

    /**
     * Integers longer than this many digits are not turned into text: it takes time that
     * grows with the square of the length (`str(7 ** 3000000)` would run for seconds and
     * could not be stopped). Python 3.11 has the same limit.
     */
    public static final int MAX_STR_DIGITS = 4300;

    static String digits(BigInteger b) {
        String text = b.bitLength() > MAX_STR_DIGITS * 3.33 + 32 ? null : b.toString();
        if (text == null || text.length() - (b.signum() < 0 ? 1 : 0) > MAX_STR_DIGITS) {
            throw ThrError.value("an integer of more than " + MAX_STR_DIGITS + " digits is not turned into text (Python's limit too: "
                    + "the time it takes grows with the square of its length); print it in hex with \"{n:x}\"");
        }
        return text;
    }

    /** An integer for a message: itself, or only its size when it is long (its digits could take seconds to make). */
    public static String brief(BigInteger b) {
        return b.bitLength() <= 256 ? b.toString() : "an integer of about " + (long) (b.bitLength() * 0.30103) + " digits";
    }

    /**
     * A string's repr for a message: whole when short, else its ends and its length (a message
     * should not be 100,000 characters long because the text it quotes is).
     */
    public static String briefRepr(String s) {
        if (s.length() <= 80) return repr(s);
        return repr(s.substring(0, 40)) + "..." + repr(s.substring(s.length() - 20)) + " (" + s.length() + " characters)";
    }

    /** The form `print` and `str()` use. */
    public static String str(Object v) {
        return str(v, StopSignal.NEVER);
    }

    /** str(v), asking `stop` now and then while it shows a container of millions of items. */
    public static String str(Object v, StopSignal stop) {
        if (v instanceof String s) return s;
        if (v instanceof ErrorValue e) return e.message();
        return repr(v, null, stop);
    }

    /** The form shown inside lists and maps and by `repr()`: strings quoted, as Python does. */
    public static String repr(Object v) {
        return repr(v, null, StopSignal.NEVER);
    }

    /** repr(v), asking `stop` as str(v, stop) does. */
    public static String repr(Object v, StopSignal stop) {
        return repr(v, null, stop);
    }

    /** `open`: the containers being shown, outside in (by identity): one met again is shown as [...] or {...}, as Python does. */
    private static String repr(Object v, java.util.Set<Object> open, StopSignal stop) {
        if ((v instanceof ThrList || v instanceof ThrMap || v instanceof ThrSet) && open != null && open.contains(v)) {
            return v instanceof ThrList ? "[...]" : "{...}";
        }
        if (v == null) return "nil";
        if (v instanceof BigInteger b) return digits(b);
        if (v instanceof Boolean b) return b ? "true" : "false";
        if (v instanceof Double d) return Formatting.floatRepr(d);
        if (v instanceof String s) return quote(s);
        if (v instanceof ThrList l) {
            stop.check(); // at every container too: a list of lists of lists is big with few items in each
            java.util.Set<Object> inside = enter(open, l);
            String text = joined(l.snapshot(), '[', ']', inside, stop);
            inside.remove(l);
            return text;
        }
        if (v instanceof ThrMap m) {
            stop.check();
            java.util.Set<Object> inside = enter(open, m);
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            int n = 0;
            for (Object[] e : m.entries()) {
                if ((++n & 1023) == 0) stop.check();
                if (!first) out.append(", ");
                first = false;
                out.append(repr(e[0], inside, stop)).append(": ").append(repr(e[1], inside, stop));
            }
            inside.remove(m);
            return out.append('}').toString();
        }
        if (v instanceof ThrSet z) {
            List<Object> items = z.snapshot();
            if (items.isEmpty()) return "set()"; // `{}` is the empty map
            stop.check();
            java.util.Set<Object> inside = enter(open, z);
            String text = joined(items, '{', '}', inside, stop);
            inside.remove(z);
            return text;
        }
        if (v instanceof ErrorValue e) return e.kind() + "(" + quote(e.message()) + ")";
        return v.toString();
    }

    /** A list's or a set's items as repr shows each, between its brackets. */
    private static String joined(List<Object> items, char open, char close, java.util.Set<Object> inside, StopSignal stop) {
        StringBuilder out = new StringBuilder().append(open);
        for (int i = 0; i < items.size(); i++) {
            if ((i & 1023) == 1023) stop.check();
            if (i > 0) out.append(", ");
            out.append(repr(items.get(i), inside, stop));
        }
        return out.append(close).toString();
    }

    private static java.util.Set<Object> enter(java.util.Set<Object> open, Object container) {
        java.util.Set<Object> s = open != null ? open : java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        s.add(container);
        return s;
    }

    /** Python's string repr: single quotes unless the text has a single quote and no double one. */
    public static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c == q) out.append('\\');
                    if (c < 0x20) out.append(String.format("\\x%02x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append(q).toString();
    }

    public static boolean equal(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double x && x.isNaN() || b instanceof Double y && y.isNaN()) return false;
            return Arith.compareNumbers(a, b) == 0;
        }
        return a.equals(b);
    }

    /**
     * `a is b`: the same object. Numbers, strings and booleans have no identity a program could
     * observe, so for them it means the same type and the same value (what Python gives for
     * small integers and short strings); `x is nil` is the common use.
     */
    public static boolean identical(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Long || a instanceof BigInteger || a instanceof Double || a instanceof String || a instanceof Boolean) {
            return a.getClass() == b.getClass() && a.equals(b);
        }
        return false;
    }

    public static int hash(Object v) {
        if (v == null) return 0;
        Object k = ThrMap.key(v);
        return k.hashCode();
    }

    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof BigInteger;
    }

    public static boolean isInteger(Object v) {
        return v instanceof Long || v instanceof BigInteger;
    }

    /** Order for <, sorted, min and max: numbers with numbers, strings with strings, lists element-wise. */
    public static int compare(Object a, Object b, String op) {
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double x && Double.isNaN(x) || b instanceof Double y && Double.isNaN(y)) return 2;
            return Arith.compareNumbers(a, b);
        }
        if (a instanceof String x && b instanceof String y) return Integer.signum(x.compareTo(y));
        if (a instanceof Boolean x && b instanceof Boolean y) return Boolean.compare(x, y);
        if (a instanceof ThrSet x && b instanceof ThrSet y) {
            // subsets: a partial order, so two sets may be neither (2, as for NaN)
            boolean in = SetOps.subset(x, y), out = SetOps.subset(y, x);
            return in && out ? 0 : in ? -1 : out ? 1 : 2;
        }
        if (a instanceof ThrList x && b instanceof ThrList y) {
            List<Object> p = x.snapshot(), q = y.snapshot();
            for (int i = 0; i < Math.min(p.size(), q.size()); i++) {
                if (!equal(p.get(i), q.get(i))) return compare(p.get(i), q.get(i), op);
            }
            return Integer.compare(p.size(), q.size());
        }
        throw ThrError.type("'" + op + "' is not supported between " + typeName(a) + " and " + typeName(b));
    }

    public static long length(Object v) {
        if (v instanceof String s) return s.codePointCount(0, s.length()); // characters, as Python counts them
        if (v instanceof ThrList l) return l.size();
        if (v instanceof ThrMap m) return m.size();
        if (v instanceof ThrSet z) return z.size();
        if (v instanceof Range r) return r.length();
        if (v instanceof Sized s) return s.length();
        throw ThrError.type(typeName(v) + " has no length");
    }

    /** Runtime objects with a length (a queue). */
    public interface Sized {
        long length();
    }

    /**
     * Iterates a list by index, so a thread may append to a list another thread is walking:
     * the walker sees the new items, as in Python, instead of a Java ConcurrentModificationException.
     */
    public static Iterator<Object> iterate(Object v) {
        if (v instanceof ThrList l) {
            return new Iterator<>() {
                int i;
                @Override public boolean hasNext() { return i < l.size(); }
                @Override public Object next() {
                    try {
                        return l.get(i++);
                    } catch (IndexOutOfBoundsException e) {
                        throw new NoSuchElementException();
                    }
                }
            };
        }
        if (v instanceof Range r) {
            return new Iterator<>() {
                long i;
                final long n = r.length();
                @Override public boolean hasNext() { return i < n; }
                @Override public Object next() { return r.at(i++); }
            };
        }
        if (v instanceof String s) return s.codePoints().mapToObj(c -> (Object) Character.toString(c)).iterator();
        if (v instanceof ThrMap m) return m.keys().iterator();
        if (v instanceof ThrSet z) return z.snapshot().iterator();
        if (v instanceof Iterable<?> it) return ((Iterable<Object>) it).iterator();
        throw ThrError.type(typeName(v) + " is not iterable");
    }

    public static ThrList toList(Object v) {
        ThrList out = new ThrList();
        Iterator<Object> it = iterate(v);
        while (it.hasNext()) out.add(it.next());
        return out;
    }
}
