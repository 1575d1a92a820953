package dev.thr.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected strings in the tables were produced by CPython 3.11 ({@code repr(x)}, {@code format(x, spec)})
 * and pasted in literally; the randomised tests check properties against independent JDK oracles.
 */
class FormattingTest {

    /** What thr's str() does for the values used here. */
    private static final Function<Object, String> STR = o -> o instanceof Double d ? Formatting.floatRepr(d)
            : o instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(o);

    private static Object value(String kind, String text) {
        return switch (kind) {
            case "int" -> Long.parseLong(text);
            case "big" -> new BigDecimal(text).toBigIntegerExact();
            case "float" -> Double.parseDouble(text);
            case "bool" -> Boolean.parseBoolean(text);
            default -> text;
        };
    }

    // ---- explicit cases, expected values from CPython --------------------------------------------

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0 | 1.0
            0.1 | 0.1
            0.30000000000000004 | 0.30000000000000004
            1e+16 | 1e+16
            1.5e-05 | 1.5e-05
            123456789012345.0 | 123456789012345.0
            1e-05 | 1e-05
            0.0001 | 0.0001
            9999999999999998.0 | 9999999999999998.0
            1234567890123456.8 | 1234567890123456.8
            Infinity | inf
            -Infinity | -inf
            NaN | nan
            -0.0 | -0.0
            0.0 | 0.0
            0x0.0000000000001p-1022 | 5e-324
            0x0.0000000000002p-1022 | 1e-323
            0x0.0000000000005p-1022 | 2.5e-323
            1.7976931348623157e+308 | 1.7976931348623157e+308
            0x1.0000000000000p-1022 | 2.2250738585072014e-308
            1e+23 | 1e+23
            1e+22 | 1e+22
            2.000000000000001e+16 | 2.000000000000001e+16
            100.0 | 100.0
            1.5 | 1.5
            -2.75 | -2.75
            0.3 | 0.3
            0.6666666666666666 | 0.6666666666666666
            0.3333333333333333 | 0.3333333333333333
            123.456 | 123.456
            0.0001 | 0.0001
            9.999999999999999e-05 | 9.999999999999999e-05
            4.35 | 4.35
            1e+308 | 1e+308
            2.0951218323850843e-171 | 2.0951218323850843e-171
            -8.095896314512539e-11 | -8.095896314512539e-11
            1.0271471865319853e-06 | 1.0271471865319853e-06
            1.3305406583752764e-136 | 1.3305406583752764e-136
            2.7416277501616697e-182 | 2.7416277501616697e-182
            -6.4576804899972755e-12 | -6.4576804899972755e-12
            -9.936982866895821e-253 | -9.936982866895821e-253
            -4.4342582195166703e-197 | -4.4342582195166703e-197
            1.7897179706846397e-269 | 1.7897179706846397e-269
            3.8920410665109616e-193 | 3.8920410665109616e-193
            8.3815053749933375e-22 | 8.3815053749933375e-22
            -7.0366560133932934e-183 | -7.0366560133932934e-183
            """)
    void floatReprMatchesPython(double d, String expected) {
        assertEquals(expected, Formatting.floatRepr(d));
    }

    @Test
    void negativeNanHasNoSign() {
        double negativeNan = Double.longBitsToDouble(0xfff8000000000000L);
        assertEquals("nan", Formatting.floatRepr(negativeNan));
        assertEquals("+nan", Formatting.format(negativeNan, "+", STR));
    }

    @ParameterizedTest(name = "format({0} {1}, \"{2}\") = \"{3}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            float | "1234.5678" | ",.2f" | "1,234.57"
            float | "1234.5678" | "_.3f" | "1_234.568"
            float | "1.5" | "" | "1.5"
            float | "2.0" | ".3" | "2.0"
            float | "123.0" | ".3" | "1.23e+02"
            float | "1e+20" | "#" | "1.e+20"
            float | "0.1" | ".20f" | "0.10000000000000000555"
            float | "0.125" | ".2f" | "0.12"
            float | "0.375" | ".2f" | "0.38"
            float | "2.5" | ".0f" | "2"
            float | "3.5" | ".0f" | "4"
            float | "0.0" | "#.0f" | "0."
            float | "1e-05" | "#.3g" | "1.00e-05"
            float | "1.0" | "#g" | "1.00000"
            float | "100.0" | ".0e" | "1e+02"
            float | "100.0" | "#.0e" | "1.e+02"
            float | "0.0" | "g" | "0"
            float | "1e+100" | "E" | "1.000000E+100"
            float | "Infinity" | "F" | "INF"
            float | "Infinity" | "010" | "0000000inf"
            float | "NaN" | "+" | "+nan"
            float | "NaN" | "" | "nan"
            float | "NaN" | "E" | "NAN"
            float | "-Infinity" | "z" | "-inf"
            float | "-0.0" | "z" | "0.0"
            float | "-0.0" | "z.1%" | "0.0%"
            float | "-0.0001" | "z.2f" | "0.00"
            float | "-0.0001" | ".2f" | "-0.00"
            float | "-0.0" | "+" | "-0.0"
            float | "0.25" | "%" | "25.000000%"
            float | "0.25" | ".1%" | "25.0%"
            float | "1234567.0" | "n" | "1.23457e+06"
            float | "1234.5" | "n" | "1234.5"
            float | "12345678.9" | "_" | "12_345_678.9"
            float | "12345678.9" | "012," | "12,345,678.9"
            float | "1.5" | "<05" | "1.500"
            float | "1.5" | " =8" | "     1.5"
            float | "1.5" | "*^9.2f" | "**1.50***"
            float | "-1.5" | "010.3f" | "-00001.500"
            float | "-1.5" | "+" | "-1.5"
            float | "1.5" | "+" | "+1.5"
            float | "1.5" | " " | " 1.5"
            float | "1234.5" | "012,.2f" | "0,001,234.50"
            float | "1234.5" | "015,.1e" | "0,000,001.2e+03"
            float | "9.9999" | ".3g" | "10"
            float | "99.995" | ".2f" | "100.00"
            float | "1e+16" | "" | "1e+16"
            float | "1e+16" | "f" | "10000000000000000.000000"
            float | "1e+22" | ",.0f" | "10,000,000,000,000,000,000,000"
            float | "123456789.0" | "g" | "1.23457e+08"
            float | "0.0001" | "g" | "0.0001"
            float | "1e-05" | "g" | "1e-05"
            float | "1e-05" | ".3" | "1e-05"
            float | "0x0.0000000000001p-1022" | "e" | "4.940656e-324"
            float | "3.14159" | "^+12.3f" | "   +3.142   "
            float | "3.14159" | "é>10.2f" | "éééééé3.14"
            float | "1e-07" | "" | "1e-07"
            float | "0.5" | ".0f" | "0"
            float | "1.5" | ".0f" | "2"
            float | "1.0" | ".0%" | "100%"
            int | "1234" | "" | "1234"
            int | "1234" | "," | "1,234"
            int | "1234" | "08," | "0,001,234"
            int | "1234" | "0=12," | "0,000,001,234"
            int | "1234" | "x=12," | "xxxxxxx1,234"
            int | "-1234" | "012," | "-000,001,234"
            int | "-1234" | "=+10" | "-     1234"
            int | "-31" | "#010x" | "-0x000001f"
            int | "255" | "#X" | "0XFF"
            int | "255" | "#_b" | "0b1111_1111"
            int | "255" | "_x" | "ff"
            int | "123456789" | "_x" | "75b_cd15"
            int | "123456789" | "#_o" | "0o7_2674_6425"
            int | "255" | "b" | "11111111"
            int | "-255" | "#o" | "-0o377"
            int | "42" | "+d" | "+42"
            int | "42" | " d" | " 42"
            int | "-42" | " d" | "-42"
            int | "42" | "^7" | "  42   "
            int | "42" | "*<6" | "42****"
            int | "65" | "c" | "A"
            int | "49" | "05c" | "00001"
            int | "128512" | "^5c" | "  😀  "
            int | "1234" | "n" | "1234"
            int | "5" | ".2f" | "5.00"
            int | "5" | "%" | "500.000000%"
            int | "12345678901234567" | "e" | "1.234568e+16"
            big | "100000000000000000000" | "g" | "1e+20"
            big | "100000000000000000000" | "," | "100,000,000,000,000,000,000"
            int | "-9223372036854775808" | "_" | "-9_223_372_036_854_775_808"
            int | "-9223372036854775808" | "#x" | "-0x8000000000000000"
            big | "123456789012345678901234567890" | "," | "123,456,789,012,345,678,901,234,567,890"
            big | "-123456789012345678901234567890" | "#_x" | "-0x1_8ee9_0ff6_c373_e0ee_4e3f_0ad2"
            big | "18446744073709551616" | ".3e" | "1.845e+19"
            big | "1000000000000000000000000000000" | "030," | "1,000,000,000,000,000,000,000,000,000,000"
            bool | "true" | "5" | "    1"
            bool | "true" | "^5" | "  1  "
            bool | "false" | "x" | "0"
            bool | "true" | ".2f" | "1.00"
            bool | "true" | "" | "True"
            bool | "false" | "#b" | "0b0"
            str | "ab" | "05" | "ab000"
            str | "ab" | "^5" | " ab  "
            str | "ab" | "x^6" | "xxabxx"
            str | "abc" | ".1" | "a"
            str | "abc" | ">6.2" | "    ab"
            str | "hello" | "<3" | "hello"
            str | "abc" | "s" | "abc"
            str | "ab" | "*>5s" | "***ab"
            str | "😀x" | "^6" | "  😀x  "
            str | "😀😀x" | ".2" | "😀😀"
            str | "ab" | "😀^6" | "😀😀ab😀😀"
            str | "ab" | "010" | "ab00000000"
            """)
    void formatMatchesPython(String kind, String value, String spec, String expected) {
        assertEquals(expected, Formatting.format(value(kind, value), spec, STR));
    }

    @ParameterizedTest(name = "format({0} {1}, \"{2}\") raises \"{3}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            str | "ab" | "=5" | "'=' alignment not allowed in string format specifier"
            str | "ab" | "+" | "Sign not allowed in string format specifier"
            str | "ab" | " " | "Space not allowed in string format specifier"
            str | "ab" | "z" | "Negative zero coercion (z) not allowed in string format specifier"
            str | "ab" | "#" | "Alternate form (#) not allowed in string format specifier"
            str | "ab" | "," | "Cannot specify ',' with 's'."
            str | "ab" | "d" | "Unknown format code 'd' for object of type 'str'"
            str | "ab" | ".2f" | "Unknown format code 'f' for object of type 'str'"
            str | "x" | "abc" | "Invalid format specifier 'abc' for object of type 'str'"
            bool | "true" | "s" | "Unknown format code 's' for object of type 'bool'"
            float | "1.5" | "d" | "Unknown format code 'd' for object of type 'float'"
            float | "1.5" | "c" | "Unknown format code 'c' for object of type 'float'"
            float | "1.5" | "s" | "Unknown format code 's' for object of type 'float'"
            float | "1.5" | "abc" | "Invalid format specifier 'abc' for object of type 'float'"
            float | "1.5" | "." | "Format specifier missing precision"
            float | "1.5" | ",_" | "Cannot specify both ',' and '_'."
            int | "255" | ",x" | "Cannot specify ',' with 'x'."
            int | "1234" | ",," | "Cannot specify ',' with ','."
            int | "1234" | ",_" | "Cannot specify both ',' and '_'."
            int | "1234" | "_," | "Cannot specify both ',' and '_'."
            int | "1234" | ".2" | "Precision not allowed in integer format specifier"
            int | "1234" | "z" | "Negative zero coercion (z) not allowed in integer format specifier"
            int | "65" | "+c" | "Sign not allowed with integer format specifier 'c'"
            int | "65" | "#c" | "Alternate form (#) not allowed with integer format specifier 'c'"
            int | "-1" | "c" | "%c arg not in range(0x110000)"
            int | "1114112" | "c" | "%c arg not in range(0x110000)"
            big | "1000000000000000000000000000000" | "c" | "Python int too large to convert to C long"
            int | "65" | ",c" | "Cannot specify ',' with 'c'."
            int | "1234" | ",n" | "Cannot specify ',' with 'n'."
            int | "1" | "é" | "Unknown format code '\\xe9' for object of type 'int'"
            int | "1" | "99999999999999999999999" | "Too many decimal digits in format string"
            int | "1" | "q" | "Unknown format code 'q' for object of type 'int'"
            float | "1.0" | "_n" | "Cannot specify '_' with 'n'."
            big | "1e400" | "f" | "int too large to convert to float"
            """)
    void formatErrorsReadLikePython(String kind, String value, String spec, String message) {
        Object v = value(kind, value);
        var e = assertThrows(IllegalArgumentException.class, () -> Formatting.format(v, spec, STR));
        assertEquals(message, e.getMessage());
    }

    @Test
    void otherValuesAreFormattedAsTheirStr() {
        assertEquals("[1, 2]", Formatting.format(List.of(1, 2), "", STR));
        assertEquals("  [1, 2]", Formatting.format(List.of(1, 2), ">8", STR));
        assertEquals("[1,", Formatting.format(List.of(1, 2), ".3", STR));
        var e = assertThrows(IllegalArgumentException.class, () -> Formatting.format(List.of(), "d", STR));
        assertEquals("Unknown format code 'd' for object of type 'str'", e.getMessage());
    }

    @Test
    void emptySpecIsStr() {
        assertEquals("True", Formatting.format(true, "", STR));
        assertEquals("1e+16", Formatting.format(1e16, "", STR));
        assertEquals("12345678901234567890", Formatting.format(new BigInteger("12345678901234567890"), "", STR));
        assertEquals("", Formatting.format("", "", STR));
    }

    // ---- seeded random properties --------------------------------------------------------------

    private static final Pattern POSITIONAL = Pattern.compile("-?(0|[1-9]\\d*)\\.(0|\\d*[1-9])");
    private static final Pattern EXPONENT = Pattern.compile("-?[1-9](\\.\\d*[1-9])?e[+-](0\\d|[1-9]\\d{1,2})");

    /** 2,000 finite doubles of every magnitude (random bit patterns), seeded for reproducibility. */
    static DoubleStream randomDoubles() {
        Random rnd = new Random(42);
        return DoubleStream.generate(() -> Double.longBitsToDouble(rnd.nextLong()))
                .filter(Double::isFinite).limit(2000);
    }

    @ParameterizedTest
    @MethodSource("randomDoubles")
    void reprRoundTripsWithPythonShape(double d) {
        String r = Formatting.floatRepr(d);
        assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(r)), r);
        double abs = Math.abs(d);
        boolean positional = abs >= 1e-4 && abs < 1e16;
        assertTrue((positional ? POSITIONAL : EXPONENT).matcher(r).matches(), r);
    }

    @ParameterizedTest
    @MethodSource("randomDoubles")
    void reprIsTheShortestAndClosestRoundTrip(double d) {
        BigDecimal shown = new BigDecimal(Formatting.floatRepr(Math.abs(d))).stripTrailingZeros();
        BigDecimal exact = new BigDecimal(Math.abs(d));
        int n = shown.precision();
        if (n > 1) { // no decimal with one digit fewer may round-trip
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                assertNotEquals(Math.abs(d), exact.round(new MathContext(n - 1, mode)).doubleValue());
            }
        }
        BigDecimal nearest = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
        if (nearest.doubleValue() == Math.abs(d)) { // the nearest n-digit decimal wins when it qualifies
            assertEquals(0, nearest.compareTo(shown), () -> nearest + " vs " + shown);
        }
    }

    @ParameterizedTest
    @MethodSource("randomDoubles")
    void precisionFormatsRoundTripAndAgreeWithBigDecimal(double d) {
        assertEquals(d, Double.parseDouble(Formatting.format(d, ".17g", STR)));
        assertEquals(d, Double.parseDouble(Formatting.format(d, ".16e", STR)));
        if (Math.abs(d) >= 0.01 && Math.abs(d) < 1e30) { // below that, Python keeps the sign of -0.00
            String fixed = Formatting.format(d, ",.2f", STR);
            BigDecimal rounded = new BigDecimal(d).setScale(2, RoundingMode.HALF_EVEN);
            assertEquals(rounded.toPlainString(), fixed.replace(",", ""));
            assertEquals(String.format(Locale.ROOT, "%,.2f", rounded), fixed);
        }
    }

    static LongStream randomLongs() {
        Random rnd = new Random(42);
        return LongStream.generate(() -> rnd.nextLong() >> rnd.nextInt(64)).limit(500);
    }

    @ParameterizedTest
    @MethodSource("randomLongs")
    void integersAgreeWithJdk(long n) {
        assertEquals(String.format(Locale.ROOT, "%,d", n), Formatting.format(n, ",", STR));
        assertEquals(String.format(Locale.ROOT, "%,d", n).replace(',', '_'), Formatting.format(n, "_d", STR));
        String sign = n < 0 ? "-" : "";
        BigInteger abs = BigInteger.valueOf(n).abs();
        assertEquals(sign + "0x" + abs.toString(16), Formatting.format(n, "#x", STR));
        assertEquals(sign + abs.toString(16).toUpperCase(Locale.ROOT), Formatting.format(n, "X", STR));
        assertEquals(sign + "0o" + abs.toString(8), Formatting.format(n, "#o", STR));
        assertEquals(sign + abs.toString(2), Formatting.format(n, "b", STR));
        assertEquals(Formatting.format(BigInteger.valueOf(n), "+_b", STR), Formatting.format(n, "+_b", STR));
    }

    @ParameterizedTest
    @MethodSource("randomLongs")
    void paddingReachesTheWidthExactly(long n) {
        String plain = Long.toString(n);
        int width = (int) Math.floorMod(n, 30L);
        int padding = Math.max(0, width - plain.length());
        assertEquals(" ".repeat(padding) + plain, Formatting.format(n, width + "", STR));
        assertEquals(plain + "*".repeat(padding), Formatting.format(n, "*<" + width, STR));
        String centred = Formatting.format(n, "^" + width, STR);
        assertEquals(" ".repeat(padding / 2) + plain + " ".repeat(padding - padding / 2), centred);
        String zeroPadded = Formatting.format(n, "0" + width, STR);
        assertEquals(Math.max(width, plain.length()), zeroPadded.length());
        assertEquals(n, Long.parseLong(zeroPadded));
    }
}
