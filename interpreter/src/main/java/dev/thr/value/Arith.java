package dev.thr.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Arithmetic with Python's meaning: integers never wrap (a long that overflows becomes a
 * BigInteger), `/` is true division, `//` and `%` floor, `**` of integers stays exact.
 * The long path comes first and stays short: it is the hot one.
 */
public final class Arith {
    private Arith() {}

    static Object normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    static BigInteger big(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf((Long) v);
    }

    public static double toDouble(Object v) {
        // instanceof, not a switch over type patterns: see Values
        if (v instanceof Long l) return l;
        if (v instanceof Double d) return d;
        if (v instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) throw new ThrError("OverflowError", "int too large to convert to float");
            return d;
        }
        throw new IllegalArgumentException();
    }

    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            // overflow iff both operands have the sign the result lacks (Math.addExact's test)
            if (((x ^ r) & (y ^ r)) < 0) return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            return r;
        }
        // a sum that has outgrown 64 bits, growing on (`total += i * i`)
        if (a instanceof BigInteger x && b instanceof Long y) return normalize(x.add(BigInteger.valueOf(y)));
        if (a instanceof String x && b instanceof String y) return x.concat(y);
        if (Values.isNumber(a) && Values.isNumber(b)) {
            if (a instanceof Double || b instanceof Double) return toDouble(a) + toDouble(b);
            return normalize(big(a).add(big(b)));
        }
        if (a instanceof ThrList x && b instanceof ThrList y) {
            ThrList out = new ThrList(x.snapshot());
            out.addAll(y);
            return out;
        }
        if (a instanceof String) throw ThrError.type("cannot add " + Values.typeName(b) + " to str: use str(x) or \"{x}\"");
        throw unsupported("+", a, b);
    }

    public static Object sub(Object a, Object b, StopSignal stop) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
            return r;
        }
        if (Values.isNumber(a) && Values.isNumber(b)) {
            if (a instanceof Double || b instanceof Double) return toDouble(a) - toDouble(b);
            return normalize(big(a).subtract(big(b)));
        }
        if (a instanceof ThrSet x && b instanceof ThrSet y) return SetOps.difference(x, y, stop);
        throw unsupported("-", a, b);
    }

    /** `&`: bitwise on integers, both on booleans, the common elements of two sets. */
    public static Object and(Object a, Object b, StopSignal stop) {
        if (a instanceof Long x && b instanceof Long y) return x & y;
        if (Values.isInteger(a) && Values.isInteger(b)) return normalize(big(a).and(big(b)));
        if (a instanceof Boolean x && b instanceof Boolean y) return x & y;
        if (a instanceof ThrSet x && b instanceof ThrSet y) return SetOps.intersection(x, y, stop);
        throw unsupported("&", a, b);
    }

    /** `|`: bitwise on integers, either on booleans, every element of two sets, two maps merged (the right one wins). */
    public static Object or(Object a, Object b, StopSignal stop) {
        if (a instanceof Long x && b instanceof Long y) return x | y;
        if (Values.isInteger(a) && Values.isInteger(b)) return normalize(big(a).or(big(b)));
        if (a instanceof Boolean x && b instanceof Boolean y) return x | y;
        if (a instanceof ThrSet x && b instanceof ThrSet y) return SetOps.union(x, y.snapshot(), stop);
        if (a instanceof ThrMap x && b instanceof ThrMap y) {
            ThrMap out = new ThrMap();
            for (Object[] e : x.entries()) out.put(e[0], e[1]);
            for (Object[] e : y.entries()) out.put(e[0], e[1]);
            return out;
        }
        throw unsupported("|", a, b);
    }

    /** `^`: bitwise on integers, one or the other on booleans, the elements in exactly one of two sets. */
    public static Object xor(Object a, Object b, StopSignal stop) {
        if (a instanceof Long x && b instanceof Long y) return x ^ y;
        if (Values.isInteger(a) && Values.isInteger(b)) return normalize(big(a).xor(big(b)));
        if (a instanceof Boolean x && b instanceof Boolean y) return x ^ y;
        if (a instanceof ThrSet x && b instanceof ThrSet y) return SetOps.symmetricDifference(x, y, stop);
        throw unsupported("^", a, b);
    }

    /** `*`; repeating a string or list a huge number of times asks `stop` as it goes. */
    public static Object mul(Object a, Object b, StopSignal stop) {
        if (a instanceof Long x && b instanceof Long y) {
            long hi = Math.multiplyHigh(x, y), lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
            return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
        }
        if (Values.isNumber(a) && Values.isNumber(b)) {
            if (a instanceof Double || b instanceof Double) return toDouble(a) * toDouble(b);
            return normalize(HugeProducts.multiply(big(a), big(b), stop));
        }
        if ((a instanceof String || a instanceof ThrList) && b instanceof BigInteger
                || a instanceof BigInteger && (b instanceof String || b instanceof ThrList)) {
            throw new ThrError("OverflowError", "cannot fit 'int' into an index-sized integer");
        }
        if (a instanceof String s && b instanceof Long n) return repeat(s, count(n, s.length()), stop);
        if (a instanceof Long n && b instanceof String s) return repeat(s, count(n, s.length()), stop);
        if (a instanceof ThrList l && b instanceof Long n) return repeat(l, n, stop);
        if (a instanceof Long n && b instanceof ThrList l) return repeat(l, n, stop);
        throw unsupported("*", a, b);
    }

    private static int count(long n, int unit) {
        if (n <= 0 || unit == 0) return 0; // nothing repeated is nothing, however often
        if (unit > 0 && n > Integer.MAX_VALUE / unit) throw new ThrError("MemoryError", "repeat count too large: " + n);
        return (int) n;
    }

    /** Characters or items copied between two looks at `stop`: about a millisecond's work. */
    private static final int CHUNK = 1 << 20;

    private static String repeat(String s, int n, StopSignal stop) {
        long total = (long) n * s.length();
        if (total <= CHUNK) return s.repeat(n);
        String block = s.repeat(Math.max(1, CHUNK / s.length()));
        StringBuilder out = new StringBuilder((int) total);
        while (out.length() + block.length() <= total) {
            stop.check();
            out.append(block);
        }
        while (out.length() < total) out.append(s);
        stop.check();
        return out.toString();
    }

    private static ThrList repeat(ThrList l, long n, StopSignal stop) {
        var items = l.snapshot();
        int times = count(n, items.size());
        var out = new java.util.ArrayList<Object>(Math.min(times * items.size(), CHUNK)); // grown as it goes: a stop can come first
        for (int i = 0; i < times; i++) {
            if (items.size() >= 1024 || (i & 1023) == 0) stop.check();
            out.addAll(items);
        }
        stop.check();
        return ThrList.adopt(out);
    }

    public static Object div(Object a, Object b, StopSignal stop) {
        if (Values.isNumber(a) && Values.isNumber(b)) {
            if (isZero(b)) throw ThrError.zeroDivision("division by zero");
            if (a instanceof BigInteger && Values.isInteger(b) || b instanceof BigInteger && Values.isInteger(a)) {
                double q = new BigDecimal(big(a)).divide(new BigDecimal(big(b)), java.math.MathContext.DECIMAL64).doubleValue();
                stop.check(); // one long Java call for huge operands: a stop during it lets no result land
                if (Double.isInfinite(q)) throw new ThrError("OverflowError", "integer division result too large for a float");
                return q;
            }
            return toDouble(a) / toDouble(b);
        }
        throw unsupported("/", a, b);
    }

    public static Object floorDiv(Object a, Object b, StopSignal stop) {
        if (Values.isNumber(a) && Values.isNumber(b)) {
            if (isZero(b)) throw ThrError.zeroDivision(a instanceof Double || b instanceof Double ? "float floor division by zero" : "integer division by zero");
            if (a instanceof Long x && b instanceof Long y) {
                if (x == Long.MIN_VALUE && y == -1) return BigInteger.valueOf(x).negate();
                return Math.floorDiv(x, y);
            }
            if (a instanceof Double || b instanceof Double) return Math.floor(toDouble(a) / toDouble(b));
            BigInteger[] qr = big(a).divideAndRemainder(big(b));
            stop.check();
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && qr[1].signum() != big(b).signum()) q = q.subtract(BigInteger.ONE);
            return normalize(q);
        }
        throw unsupported("//", a, b);
    }

    public static Object mod(Object a, Object b, StopSignal stop) {
        if (Values.isNumber(a) && Values.isNumber(b)) {
            if (isZero(b)) throw ThrError.zeroDivision(a instanceof Double || b instanceof Double ? "float modulo" : "integer modulo by zero");
            if (a instanceof Long x && b instanceof Long y) return Math.floorMod(x, y);
            if (a instanceof Double || b instanceof Double) {
                double x = toDouble(a), y = toDouble(b), r = x % y;
                if (r == 0) return Math.copySign(0.0, y); // the sign of the divisor, as in Python
                return (r < 0) != (y < 0) ? r + y : r;
            }
            BigInteger r = big(a).mod(big(b).abs());
            stop.check();
            if (big(b).signum() < 0 && r.signum() != 0) r = r.add(big(b));
            return normalize(r);
        }
        throw unsupported("%", a, b);
    }

    /** `**`; a power with millions of digits asks `stop` between its multiplications. */
    public static Object pow(Object a, Object b, StopSignal stop) {
        if (Values.isInteger(a) && Values.isInteger(b)) {
            BigInteger e = big(b);
            if (e.signum() < 0) {
                if (big(a).signum() == 0) throw ThrError.zeroDivision("0 cannot be raised to a negative power");
                return Math.pow(toDouble(a), toDouble(b));
            }
            if (e.bitLength() > 31) {
                // only 0, 1 and -1 have a power this large that fits in memory
                BigInteger base = big(a);
                if (base.abs().compareTo(BigInteger.ONE) <= 0) return normalize(base.pow(e.testBit(0) ? 1 : 2));
                throw new ThrError("MemoryError", "exponent too large: " + e);
            }
            return normalize(pow(big(a), e.intValue(), stop));
        }
        if (Values.isNumber(a) && Values.isNumber(b)) {
            double x = toDouble(a), y = toDouble(b);
            if (x == 0 && y < 0) throw ThrError.zeroDivision("0.0 cannot be raised to a negative power");
            return Math.pow(x, y);
        }
        throw unsupported("**", a, b);
    }

    public static Object negate(Object a) {
        if (a instanceof Long l) return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : (Object) (-l);
        if (a instanceof Double d) return -d;
        if (a instanceof BigInteger b) return normalize(b.negate());
        throw ThrError.type("bad operand for unary -: " + Values.typeName(a));
    }

    public static Object plus(Object a) {
        if (Values.isNumber(a)) return a;
        throw ThrError.type("bad operand for unary +: " + Values.typeName(a));
    }

    /** Numbers by their exact values, as Python compares them (NaN is handled by the callers). */
    static int compareNumbers(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue() ? 0 : Double.compare(x, y); // -0.0 == 0.0
        if (a instanceof Double || b instanceof Double) {
            double d = a instanceof Double x ? x : (Double) b;
            if (Double.isInfinite(d)) {
                int sign = d > 0 ? 1 : -1;
                return a instanceof Double ? sign : -sign;
            }
            // an integer and a float: exactly, without rounding the integer to a float (a long
            // within 2 ** 53 is a float exactly: the common case, kept off BigDecimal)
            if (a instanceof Long x && Math.abs(x) <= 1L << 53) return compare((double) x, (Double) b);
            if (b instanceof Long y && Math.abs(y) <= 1L << 53) return compare((Double) a, (double) y);
            BigDecimal p = a instanceof Double x ? new BigDecimal(x) : new BigDecimal(big(a));
            BigDecimal q = b instanceof Double y ? new BigDecimal(y) : new BigDecimal(big(b));
            return p.compareTo(q);
        }
        return big(a).compareTo(big(b));
    }

    /**
     * base ** e. BigInteger.pow is one uninterruptible call (seconds for a result of tens of
     * millions of digits), so a large result is built by squaring, each product in stoppable
     * pieces (HugeProducts).
     */
    private static BigInteger pow(BigInteger base, int e, StopSignal stop) {
        if ((long) base.bitLength() * e <= 1L << 20) return base.pow(e);
        int twos = base.getLowestSetBit(); // base = odd * 2 ** twos: the twos are a shift at the end
        if (twos > 0) return pow(base.shiftRight(twos), e, stop).shiftLeft(Math.multiplyExact(twos, e));
        if (base.abs().equals(BigInteger.ONE)) return base.pow(e);
        BigInteger result = BigInteger.ONE;
        for (int bit = 31 - Integer.numberOfLeadingZeros(e); bit >= 0; bit--) {
            stop.check();
            result = HugeProducts.multiply(result, result, stop);
            if ((e >>> bit & 1) != 0) result = HugeProducts.multiply(result, base, stop);
        }
        stop.check();
        return result;
    }

    private static boolean isZero(Object v) {
        return v instanceof Long l ? l == 0 : v instanceof Double d ? d == 0.0 : ((BigInteger) v).signum() == 0;
    }

    private static ThrError unsupported(String op, Object a, Object b) {
        return ThrError.type("unsupported operand types for " + op + ": " + Values.typeName(a) + " and " + Values.typeName(b));
    }

    /** -1, 0 or 1, with -0.0 equal to 0.0 (neither may be NaN). */
    private static int compare(double x, double y) {
        return x < y ? -1 : x > y ? 1 : 0;
    }
}
