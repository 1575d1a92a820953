package dev.thr.value;

import static java.math.RoundingMode.HALF_EVEN;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Renders numbers exactly as CPython does: {@code repr(float)} and {@code format(value, spec)}.
 * thr programs must print character-for-character what the equivalent Python prints, so the
 * structure below mirrors CPython's {@code Python/formatter_unicode.c} and
 * {@code Python/pystrtod.c} (format_float_short); the comments name the CPython step copied.
 * Errors are {@link IllegalArgumentException}s carrying Python's message text.
 */
public final class Formatting {

    private Formatting() {}

    /** A parsed format spec; {@code width}/{@code precision} are -1 when absent, {@code type} 0. */
    private record Spec(int fill, int align, int sign, boolean noNeg0, boolean alternate,
                        int width, int grouping, int precision, int type) {}

    /**
     * Decimal digits (no trailing zeros, never empty) with the decimal point {@code decpt}
     * places from their start: value = 0.DIGITS x 10^decpt, as dtoa returns them.
     */
    record Digits(String digits, int decpt) {}

    /** CPython's {@code repr(float)}: shortest round-trip digits, exponent if exp < -4 or >= 16. */
    public static String floatRepr(double d) {
        return formatFloat(d, 'r', 0, false, false, true);
    }

    /**
     * CPython's {@code format(value, spec)} for Long, BigInteger, Double, Boolean and String;
     * any other value is formatted as the string {@code str.apply(value)}.
     */
    public static String format(Object value, String spec, Function<Object, String> str) {
        if (spec.isEmpty()) return str.apply(value); // Python: an empty spec is str(value)
        // bool inherits int.__format__, so any non-empty spec formats 1 or 0
        if (value instanceof Boolean b) return formatInteger(BigInteger.valueOf(b ? 1 : 0), spec, "bool");
        if (value instanceof Long l) return formatInteger(BigInteger.valueOf(l), spec, "int");
        if (value instanceof BigInteger bi) return formatInteger(bi, spec, "int");
        if (value instanceof Double d) {
            Spec s = parse(spec, 0, '>', "float");
            if (s.type != 0 && "eEfFgGn%".indexOf(s.type) < 0) throw unknownCode(s.type, "float");
            return formatFloatSpec(d, s);
        }
        return formatString(value instanceof String s ? s : str.apply(value), spec);
    }

    // ---- spec parsing: parse_internal_render_format_spec --------------------------------------

    private static Spec parse(String text, int defaultType, int defaultAlign, String typeName) {
        int n = text.codePointCount(0, text.length());
        int[] cp = Arrays.copyOf(text.codePoints().toArray(), n + 2);
        cp[n] = cp[n + 1] = -1; // sentinels, so lookahead needs no bounds checks
        int pos = 0;
        int fill = ' ';
        int align = defaultAlign;
        boolean fillGiven = isAlign(cp[1]) && n >= 2;
        boolean alignGiven = fillGiven || isAlign(cp[0]);
        if (fillGiven) fill = cp[pos++];
        if (alignGiven) align = cp[pos++];
        int sign = "+- ".indexOf(cp[pos]) >= 0 ? cp[pos++] : 0;
        boolean noNeg0 = cp[pos] == 'z';
        if (noNeg0) pos++;
        boolean alternate = cp[pos] == '#';
        if (alternate) pos++;
        // Backwards-compatible '0' flag: zero fill, and '=' alignment for numbers only.
        if (!fillGiven && cp[pos] == '0') {
            fill = '0';
            if (!alignGiven && defaultAlign == '>') align = '=';
            pos++;
        }
        int start = pos;
        long width = 0;
        for (; Character.isDigit(cp[pos]); pos++) width = accumulate(width, cp[pos]);
        if (pos == start) width = -1;
        int grouping = cp[pos] == ',' ? cp[pos++] : 0;
        check(cp[pos] != '_' || grouping == 0, "Cannot specify both ',' and '_'.");
        if (cp[pos] == '_') grouping = cp[pos++];
        check(cp[pos] != ',' || grouping != '_', "Cannot specify both ',' and '_'.");
        long precision = -1;
        if (cp[pos] == '.') {
            start = ++pos;
            precision = 0;
            for (; Character.isDigit(cp[pos]); pos++) precision = accumulate(precision, cp[pos]);
            check(pos > start, "Format specifier missing precision");
            check(precision <= 1_000_000, "precision too big"); // digits past that are only zeros, and memory
        }
        if (n - pos > 1) {
            throw new IllegalArgumentException(
                    "Invalid format specifier '" + text + "' for object of type '" + typeName + "'");
        }
        int type = pos < n ? cp[pos] : defaultType;
        // PEP 378 / PEP 515: which presentation types accept a thousands separator.
        if (grouping != 0 && type != 0 && "defgEG%F".indexOf(type) < 0
                && !(grouping == '_' && "boxX".indexOf(type) >= 0)) {
            throw new IllegalArgumentException(
                    "Cannot specify '" + (char) grouping + "' with " + quoteCode(type) + ".");
        }
        return new Spec(fill, align, sign, noNeg0, alternate, (int) width, grouping, (int) precision, type);
    }

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    private static long accumulate(long acc, int digitChar) {
        long next = acc * 10 + Character.digit(digitChar, 10);
        check(next <= Integer.MAX_VALUE, "Too many decimal digits in format string");
        return next;
    }

    private static void check(boolean ok, String pythonMessage) {
        if (!ok) throw new IllegalArgumentException(pythonMessage);
    }

    /** Python prints printable ASCII codes as 'c' and anything else as '\xNN'. */
    private static String quoteCode(int type) {
        return type > 32 && type < 128 ? "'" + (char) type + "'" : "'\\x" + Integer.toHexString(type) + "'";
    }

    private static IllegalArgumentException unknownCode(int type, String typeName) {
        return new IllegalArgumentException(
                "Unknown format code " + quoteCode(type) + " for object of type '" + typeName + "'");
    }

    // ---- strings: format_string_internal -------------------------------------------------------

    private static String formatString(String value, String specText) {
        Spec s = parse(specText, 's', '<', "str");
        if (s.type != 's') throw unknownCode(s.type, "str");
        check(s.sign != ' ', "Space not allowed in string format specifier");
        check(s.sign == 0, "Sign not allowed in string format specifier");
        check(!s.noNeg0, "Negative zero coercion (z) not allowed in string format specifier");
        check(!s.alternate, "Alternate form (#) not allowed in string format specifier");
        check(s.align != '=', "'=' alignment not allowed in string format specifier");
        // Python counts code points, not UTF-16 units.
        int len = value.codePointCount(0, value.length());
        if (s.precision >= 0 && len > s.precision) {
            value = value.substring(0, value.offsetByCodePoints(0, s.precision));
            len = s.precision;
        }
        return pad(s, "", value, s.width - len);
    }

    // ---- integers: format_long_internal --------------------------------------------------------

    private static String formatInteger(BigInteger v, String specText, String typeName) {
        Spec s = parse(specText, 'd', '>', typeName);
        if ("eEfFgG%".indexOf(s.type) >= 0) {
            double d = v.doubleValue(); // correctly rounded, like PyLong_AsDouble
            check(!Double.isInfinite(d), "int too large to convert to float"); // OverflowError in Python
            return formatFloatSpec(d, s);
        }
        if ("bcdoxXn".indexOf(s.type) < 0) throw unknownCode(s.type, typeName);
        check(s.precision < 0, "Precision not allowed in integer format specifier");
        check(!s.noNeg0, "Negative zero coercion (z) not allowed in integer format specifier");
        if (s.type == 'c') return formatChar(v, s);
        int base = switch (s.type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10; // 'n' is 'd' in the C locale Python starts in: no separators
        };
        String digits = base == 10 ? Values.digits(v.abs()) : v.abs().toString(base); // powers of two are quick
        String prefix = !s.alternate || base == 10 ? "" : "0" + (char) s.type;
        if (s.type == 'X') digits = digits.toUpperCase();
        return layout(s, v.signum() < 0, prefix, digits, "");
    }

    private static String formatChar(BigInteger v, Spec s) {
        check(s.sign == 0, "Sign not allowed with integer format specifier 'c'");
        check(!s.alternate, "Alternate form (#) not allowed with integer format specifier 'c'");
        // Both are OverflowErrors in Python.
        check(v.bitLength() <= 63, "Python int too large to convert to C long");
        check(v.signum() >= 0 && v.longValue() <= 0x10ffff, "%c arg not in range(0x110000)");
        // CPython treats the character as "remainder", never as digits, so it is never grouped.
        return layout(s, false, "", "", Character.toString(v.intValue()));
    }

    // ---- floats: format_float_internal --------------------------------------------------------

    private static String formatFloatSpec(double val, Spec s) {
        int type = s.type;
        int precision = s.precision;
        int defaultPrecision = 6;
        boolean addDot0 = false;
        if (type == 0) {
            // No type: repr without precision, else 'g' keeping at least one decimal digit.
            addDot0 = true;
            type = 'r';
            defaultPrecision = 0;
        }
        if (type == 'n') type = 'g'; // C locale, so no separators
        boolean percent = type == '%';
        if (percent) {
            type = 'f';
            val *= 100;
        }
        if (precision < 0) {
            precision = defaultPrecision;
        } else if (type == 'r') {
            type = 'g';
        }
        String body = formatFloat(val, (char) type, precision, s.alternate, s.noNeg0, addDot0);
        if (percent) body += "%";
        boolean negative = body.startsWith("-");
        if (negative) body = body.substring(1);
        int intEnd = 0;
        while (intEnd < body.length() && Character.isDigit(body.charAt(intEnd))) intEnd++;
        return layout(s, negative, "", body.substring(0, intEnd), body.substring(intEnd));
    }

    /**
     * PyOS_double_to_string + format_float_short: type is e E f F g G or r (repr); the
     * result carries a '-' when negative.
     */
    private static String formatFloat(double d, char type, int precision,
                                      boolean alt, boolean noNeg0, boolean addDot0) {
        boolean upper = Character.isUpperCase(type);
        char code = Character.toLowerCase(type);
        if (Double.isNaN(d)) return upper ? "NAN" : "nan"; // the sign of a nan is never shown
        boolean negative = (Double.doubleToRawLongBits(d) < 0);
        if (Double.isInfinite(d)) return (negative ? "-" : "") + (upper ? "INF" : "inf");
        double abs = Math.abs(d);
        if (code == 'e') precision++; // 'e' precision counts digits after the first
        if (code == 'g' && precision == 0) precision = 1;
        // Long arithmetic first: BigDecimal's first use costs a fresh JVM tens of milliseconds.
        Digits dg = switch (code) {
            case 'r' -> FloatDigits.shortest(abs);
            case 'f' -> FloatDigits.fixed(abs, precision);
            default -> FloatDigits.significant(abs, precision);
        };
        if (dg == null) dg = exactDigits(abs, code, precision);
        if (noNeg0 && dg.digits.equals("0")) negative = false;
        String body = render(dg, code, precision, alt, addDot0);
        if (upper) body = body.toUpperCase();
        // concat, not +: every float passes here, and the first run of a + links an
        // invokedynamic call site, about a third of what a first float still costs.
        return negative ? "-".concat(body) : body;
    }

    /**
     * The digits of abs (finite, not negative) for code r, f or e/g, where precision is the
     * places after the point for f and the significant digits for e and g. Exact BigDecimal
     * arithmetic with half-even rounding, which is what dtoa's correctly rounded modes 2 and
     * 3 produce; FloatDigits gives the same answers faster where it can.
     */
    static Digits exactDigits(double abs, char code, int precision) {
        return switch (code) {
            case 'r' -> shortest(abs);
            case 'f' -> fromDecimal(new BigDecimal(abs).setScale(precision, HALF_EVEN)); // dtoa mode 3
            default -> fromDecimal(new BigDecimal(abs).round(new MathContext(precision, HALF_EVEN))); // mode 2
        };
    }

    /** The body of format_float_short: choose exponent or not and pad digits with zeros. */
    private static String render(Digits dg, char code, int precision, boolean alt, boolean addDot0) {
        String digits = dg.digits;
        int decpt = dg.decpt;
        // 'e' and alternate 'g' keep trailing zeros up to the precision; 'f' counts from the point.
        int end = code == 'e' || code == 'g' && alt ? precision
                : code == 'f' ? decpt + precision : digits.length();
        int expAbove = code == 'r' ? 16 : addDot0 ? precision - 1 : precision; // for 'g' and 'r'
        boolean useExp = code == 'e' || code != 'f' && (decpt <= -4 || decpt > expAbove);
        int exp = decpt - 1;
        if (useExp) decpt = 1;
        int start = decpt <= 0 ? decpt - 1 : 0;
        end = Math.max(end, !useExp && addDot0 ? decpt + 1 : decpt);
        // Slice [start, end) of the digits padded with zeros both ways; '.' goes before index decpt.
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            if (i == decpt) sb.append('.');
            sb.append(i >= 0 && i < digits.length() ? digits.charAt(i) : '0');
        }
        if (decpt == end && alt) sb.append('.'); // a trailing point is kept only in alternate form
        if (useExp) {
            sb.append('e').append(exp < 0 ? '-' : '+');
            if (Math.abs(exp) < 10) sb.append('0');
            sb.append(Math.abs(exp));
        }
        return sb.toString();
    }

    private static Digits fromDecimal(BigDecimal bd) {
        if (bd.signum() == 0) return new Digits("0", 1);
        bd = bd.stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        return new Digits(digits, digits.length() - bd.scale());
    }

    /**
     * Shortest round-trip digits. Java 19+'s Double.toString picks the closest of the shortest
     * decimals, like dtoa mode 0, except that it never emits fewer than 2 digits: when a single
     * digit would do (5e-324 prints as 4.9E-324) we must pick that digit ourselves.
     */
    private static Digits shortest(double abs) {
        if (abs == 0) return new Digits("0", 1);
        Digits two = fromDecimal(new BigDecimal(Double.toString(abs)));
        if (two.digits.length() != 2) return two;
        int first = two.digits.charAt(0) - '0';
        Digits down = new Digits(String.valueOf(first), two.decpt);
        Digits up = first == 9 ? new Digits("1", two.decpt + 1)
                : new Digits(String.valueOf(first + 1), two.decpt);
        BigDecimal downValue = toDecimal(down);
        BigDecimal upValue = toDecimal(up);
        boolean downOk = downValue.doubleValue() == abs;
        boolean upOk = upValue.doubleValue() == abs;
        if (downOk && upOk) {
            // Both round-trip (wide gaps of tiny subnormals): take the one nearer the exact value.
            BigDecimal exact = new BigDecimal(abs);
            return upValue.subtract(exact).compareTo(exact.subtract(downValue)) < 0 ? up : down;
        }
        return downOk ? down : upOk ? up : two;
    }

    private static BigDecimal toDecimal(Digits dg) {
        return new BigDecimal(new BigInteger(dg.digits), dg.digits.length() - dg.decpt);
    }

    // ---- layout: calc_number_widths + fill_number ----------------------------------------------

    /**
     * Lays out sign, prefix ("0x"), integer digits (grouped) and the rest (".5e+10", "%",
     * "inf") within the width. With '0' fill and '=' alignment CPython zero-extends the digits
     * before grouping, so the padding zeros get separators too: format(1234, '08,') is '0,001,234'.
     */
    private static String layout(Spec s, boolean negative, String prefix, String digits, String rest) {
        String sign = negative ? "-" : s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
        String head = sign + prefix;
        int nonDigits = head.length() + rest.codePointCount(0, rest.length()); // 'c' may be astral
        int minWidth = s.fill == '0' && s.align == '=' ? s.width - nonDigits : 0;
        int groupSize = s.grouping == '_' && "boxX".indexOf(s.type) >= 0 ? 4 : 3; // PEP 515
        String grouped = digits.isEmpty() ? "" : group(digits, s.grouping, groupSize, minWidth);
        String body = grouped + rest;
        if (s.align == '=') {
            return head + fillOf(s.fill, s.width - nonDigits - grouped.length()) + body;
        }
        return pad(s, head, body, s.width - nonDigits - grouped.length());
    }

    /** _PyUnicode_InsertThousandsGrouping with a fixed group size, zero-extending to minWidth. */
    private static String group(String digits, int separator, int size, int minWidth) {
        if (separator == 0) return "0".repeat(Math.max(0, minWidth - digits.length())) + digits;
        StringBuilder out = new StringBuilder();
        int remaining = digits.length();
        while (true) {
            int len = Math.min(size, Math.max(Math.max(remaining, minWidth), 1));
            int chars = Math.min(remaining, len);
            // inserts, not +: a String-and-char + would spin a class of its own on first use
            if (!out.isEmpty()) out.insert(0, (char) separator);
            out.insert(0, digits, remaining - chars, remaining).insert(0, "0".repeat(len - chars));
            remaining -= chars;
            minWidth -= len;
            if (remaining <= 0 && minWidth <= 0) return out.toString();
            minWidth -= 1; // the separator's width
        }
    }

    /** Pads head+body to the spec's width for '<', '>' and '^' (centring puts the odd one right). */
    private static String pad(Spec s, String head, String body, int padding) {
        if (padding <= 0) return head + body;
        return switch (s.align) {
            case '<' -> head + body + fillOf(s.fill, padding);
            case '^' -> fillOf(s.fill, padding / 2) + head + body + fillOf(s.fill, padding - padding / 2);
            default -> fillOf(s.fill, padding) + head + body;
        };
    }

    private static String fillOf(int fill, int count) {
        return count <= 0 ? "" : Character.toString(fill).repeat(count);
    }
}
