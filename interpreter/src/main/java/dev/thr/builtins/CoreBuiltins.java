package dev.thr.builtins;

import static dev.thr.eval.Signature.of;

import dev.thr.value.Arith;
import dev.thr.value.Range;
import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.ThrMap;
import dev.thr.value.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Conversions and type questions: str, repr, int, float, bool, type, len, range, list, abs, round. */
final class CoreBuiltins {
    private CoreBuiltins() {}

    static void register(Registry r) {
        r.function("str", of("str", "value="), (ctx, a) -> Args.given(a[0]) ? Values.str(a[0], ctx.thread()) : "");
        r.function("repr", of("repr", "value"), (ctx, a) -> Values.repr(a[0], ctx.thread()));
        r.function("input", of("input", "prompt="), (ctx, a) -> {
            ctx.scheduler().shared("input");
            String line = ctx.interpreter().readLine(ctx, Args.given(a[0]) ? Values.str(a[0]) : "");
            if (line == null) throw new ThrError("EOFError", "input() reached the end of the input");
            return line;
        });
        r.function("type", of("type", "value"), (ctx, a) -> Values.typeName(a[0]));
        r.function("bool", of("bool", "value="), (ctx, a) -> Args.given(a[0]) && Values.truthy(a[0]));
        r.function("len", of("len", "value"), (ctx, a) -> Values.length(a[0]));
        r.function("int", of("int", "value=", "base="), (ctx, a) -> toInt(a[0], a[1]));
        r.function("float", of("float", "value="), (ctx, a) -> toFloat(a[0]));
        r.function("list", of("list", "items="), (ctx, a) -> Args.given(a[0]) ? Args.toList(ctx, a[0]) : new ThrList());
        r.function("dict", of("dict", "pairs="), (ctx, a) -> toMap(ctx, a[0]));
        r.function("range", of("range", "start", "stop=", "step="), (ctx, a) -> range(a));
        r.function("exit", of("exit", "code="), (ctx, a) -> {
            // as sys.exit: nil is 0, an integer is the status, anything else is written to stderr with status 1
            Object code = Args.given(a[0]) ? a[0] : null;
            ctx.scheduler().shared("exit"); // the run's exit status
            if (code == null) throw new dev.thr.eval.ExitRequest(0);
            if (code instanceof java.math.BigInteger) throw new dev.thr.eval.ExitRequest(255); // as CPython, past a C int
            if (code instanceof Long || code instanceof Boolean) {
                long n = code instanceof Boolean b ? (b ? 1 : 0) : (Long) code;
                throw new dev.thr.eval.ExitRequest((int) (n & 0xff));
            }
            ctx.interpreter().scheduler().err().write(Values.str(code) + "\n");
            throw new dev.thr.eval.ExitRequest(1);
        });
        r.function("abs", of("abs", "x"), (ctx, a) -> a[0] instanceof Double d ? (Object) Math.abs(d)
                : Values.isNumber(a[0]) && Values.compare(a[0], 0L, "<") < 0 ? Arith.negate(a[0]) : number(a[0], "abs"));
        r.function("round", of("round", "x", "digits="), (ctx, a) -> round(a[0], a[1]));
        r.function("chr", of("chr", "code"), (ctx, a) -> {
            long code = Args.integer(a[0], "chr code");
            if (code < 0 || code > Character.MAX_CODE_POINT) throw ThrError.value("chr() arg not in range(0x110000)");
            return Character.toString((int) code);
        });
        r.function("ord", of("ord", "char"), (ctx, a) -> {
            String s = Args.string(a[0], "ord's argument");
            if (s.codePointCount(0, s.length()) != 1) throw ThrError.type("ord() needs a string of one character");
            return (long) s.codePointAt(0);
        });
    }

    private static Object number(Object v, String what) {
        if (!Values.isNumber(v)) throw ThrError.type(what + "() needs a number, not " + Values.typeName(v));
        return v;
    }

    static Object toInt(Object v, Object base) {
        if (!Args.given(v)) return 0L;
        if (Args.given(base)) {
            String s = Args.string(v, "int() with a base: the value").trim().replace("_", "").toLowerCase(java.util.Locale.ROOT);
            int radix = (int) Args.integer(base, "base");
            boolean negative = s.startsWith("-");
            String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
            String prefix = digits.length() > 2 ? digits.substring(0, 2) : "";
            int prefixRadix = switch (prefix) { case "0x" -> 16; case "0o" -> 8; case "0b" -> 2; default -> 0; };
            if (prefixRadix != 0 && (radix == prefixRadix || radix == 0)) {
                digits = digits.substring(2);
                radix = prefixRadix;
            }
            if (radix == 0) radix = 10;
            try {
                if (radix < 2 || radix > 36) throw ThrError.value("int() base must be 0 or between 2 and 36");
                if (Integer.bitCount(radix) != 1) tooLong(digits.length());
                BigInteger n = new BigInteger(digits, radix);
                return normalize(negative ? n.negate() : n);
            } catch (NumberFormatException e) {
                throw ThrError.value("invalid literal for int() with base " + base + ": " + (v instanceof String t ? Values.briefRepr(t) : Values.repr(v)));
            }
        }
        if (v instanceof Long l) return l;
        if (v instanceof BigInteger b) return b;
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) throw ThrError.value("cannot convert float " + Values.str(d) + " to integer");
            // a long holds every float below 2 ** 63 exactly, truncated as Python's int() does
            if (Math.abs(d) < 0x1p63) return (long) (double) d;
            return normalize(new BigDecimal(d).toBigInteger());
        }
        if (v instanceof String s) {
            try {
                String digits = s.trim().replace("_", "");
                tooLong(digits.length() - (digits.startsWith("-") || digits.startsWith("+") ? 1 : 0));
                return normalize(new BigInteger(digits));
            } catch (NumberFormatException e) {
                throw ThrError.value("invalid literal for int(): " + Values.briefRepr(s));
            }
        }
        throw ThrError.type("int() cannot convert " + Values.typeName(v));
    }

    private static Object normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    static Object toFloat(Object v) {
        if (!Args.given(v)) return 0.0;
        if (v instanceof Boolean b) return b ? 1.0 : 0.0;
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            try {
                return switch (t) {
                    case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
                    case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                    case "nan" -> Double.NaN;
                    default -> {
                        // the same numbers as `\d[\d_]*\.?[\d_]*`, without its two stars that could split a long run of digits in as many ways (quadratic time)
                        if (!FLOAT.matcher(t).matches()) throw new NumberFormatException();
                        yield Double.parseDouble(t.replace("_", ""));
                    }
                };
            } catch (NumberFormatException e) {
                throw ThrError.value("could not convert string to float: " + Values.briefRepr(s));
            }
        }
        if (Values.isNumber(v)) return Arith.toDouble(v);
        throw ThrError.type("float() cannot convert " + Values.typeName(v));
    }

    private static ThrMap toMap(dev.thr.eval.ThreadContext ctx, Object pairs) {
        ThrMap out = new ThrMap();
        if (!Args.given(pairs)) return out;
        if (pairs instanceof ThrMap m) {
            int n = 0;
            for (Object[] e : m.entries()) {
                if ((++n & 4095) == 0) ctx.thread().check();
                out.put(e[0], e[1]);
            }
            return out;
        }
        var it = Args.iterate(ctx, pairs);
        while (it.hasNext()) {
            ThrList pair = Values.toList(it.next());
            if (pair.size() != 2) throw ThrError.value("dict() needs [key, value] pairs");
            out.put(pair.get(0), pair.get(1));
        }
        return out;
    }

    private static final java.util.regex.Pattern FLOAT =
            java.util.regex.Pattern.compile("[+-]?(\\d[\\d_]*+(\\.[\\d_]*+)?|\\.\\d[\\d_]*+)(e[+-]?\\d++)?");

    /** Reading more digits than an integer may have as text takes time that grows with the square of their number: see Values.MAX_STR_DIGITS. */
    private static void tooLong(int digits) {
        if (digits > Values.MAX_STR_DIGITS) {
            throw ThrError.value("int() reads at most " + Values.MAX_STR_DIGITS + " digits (Python's limit too), not " + digits);
        }
    }

    private static Range range(Object[] a) {
        long start = 0, stop, step = Args.integer(a[2], "range step", 1);
        if (Args.given(a[1])) {
            start = Args.integer(a[0], "range start");
            stop = Args.integer(a[1], "range stop");
        } else {
            stop = Args.integer(a[0], "range stop");
        }
        if (step == 0) throw ThrError.value("range() step cannot be zero");
        return new Range(start, stop, step);
    }

    /** Python's round: halves go to the even neighbour. */
    private static Object round(Object x, Object digits) {
        number(x, "round");
        if (!Args.given(digits) || digits == null) {
            if (Values.isInteger(x)) return x;
            double d = (Double) x;
            if (Double.isNaN(d) || Double.isInfinite(d)) throw ThrError.value("cannot round " + Values.str(d) + " to an integer");
            if (Math.abs(d) < 0x1p62) return (long) Math.rint(d); // rint rounds halves to even, as Python does
            return normalize(new BigDecimal(d).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
        }
        long n = Args.integer(digits, "round digits");
        // past a few hundred digits either way, a float is itself or zero and an integer itself or zero
        if (n > 400) return x;
        if (n < -400) return Values.isInteger(x) ? (Object) 0L : (Object) Math.copySign(0.0, (Double) x);
        if (Values.isInteger(x)) {
            if (n >= 0) return x;
            BigDecimal v = new BigDecimal(x instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) x);
            return normalize(v.setScale((int) n, RoundingMode.HALF_EVEN).toBigInteger());
        }
        double d = (Double) x;
        if (Double.isNaN(d) || Double.isInfinite(d)) return d;
        // Python rounds the float's exact value to n places, as format(d, ".nf") does: that path
        // is cheap for everyday values (BigDecimal's first use costs milliseconds)
        double r = n >= 0 ? Double.parseDouble(dev.thr.value.Formatting.format(d, "." + n + "f", Values::str))
                : new BigDecimal(d).setScale((int) n, RoundingMode.HALF_EVEN).doubleValue();
        return r == 0 ? Math.copySign(0.0, d) : r; // a zero keeps x's sign, as in Python: round(-1.5, -1) is -0.0
    }
}
