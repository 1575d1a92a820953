package dev.thr.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.thr.value.Formatting.Digits;
import java.util.Random;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FloatDigits (long arithmetic) must give exactly the digits of Formatting's BigDecimal path
 * wherever it answers, and must answer for the values programs usually print; otherwise the
 * fast path could drift from CPython unseen, or quietly stop being fast. Seeded, so every run
 * checks the same doubles.
 */
class FloatDigitsTest {

    /** Finite doubles of every magnitude: random bit patterns, subnormals included. */
    static DoubleStream anyBits() {
        Random rnd = new Random(16);
        return DoubleStream.generate(() -> Double.longBitsToDouble(rnd.nextLong()))
                .filter(Double::isFinite).limit(1500);
    }

    /** Subnormals, where the gaps between doubles are widest relative to the value. */
    static DoubleStream subnormals() {
        Random rnd = new Random(17);
        return DoubleStream.generate(() -> Double.longBitsToDouble(rnd.nextLong() >>> (12 + rnd.nextInt(52))))
                .limit(300);
    }

    /**
     * What programs print: short decimals (0.1, 2.675, 1234.5), decimal ties that are not
     * ties in binary (x.xx5), integers as floats, powers of two and ten and their neighbours,
     * and the limits of the double range.
     */
    static DoubleStream everyday() {
        Random rnd = new Random(18);
        DoubleStream shortDecimals = DoubleStream.generate(
                () -> rnd.nextInt(1_000_000) / Math.pow(10, rnd.nextInt(12)) * (rnd.nextBoolean() ? 1 : -1)).limit(800);
        DoubleStream ties = DoubleStream.generate(
                () -> (rnd.nextInt(100_000) * 10 + 5) / Math.pow(10, 1 + rnd.nextInt(8))).limit(400);
        DoubleStream integers = DoubleStream.generate(() -> (double) (rnd.nextLong() >> rnd.nextInt(64))).limit(300);
        DoubleStream uniform = DoubleStream.generate(() -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20)).limit(500);
        DoubleStream.Builder edges = DoubleStream.builder();
        for (int e = -30; e <= 30; e++) {
            double p = Double.parseDouble("1e" + e);
            edges.add(p).add(Math.nextUp(p)).add(Math.nextDown(p)).add(p * 9.5).add(p * 9.9999999);
        }
        for (int e = -80; e <= 80; e++) {
            double p = Math.scalb(1.0, e);
            edges.add(p).add(Math.nextUp(p)).add(Math.nextDown(p));
        }
        for (double d : new double[] {0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
                Math.nextUp(Double.MIN_NORMAL), Double.MAX_VALUE, 1e22, 1e23, 9007199254740993.0, 0x1p62, 0x1p63,
                4611686018427387904.5, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 99.995, 9.9999, 1e16, 1e100, 5e-324}) {
            edges.add(d);
        }
        return Stream.of(shortDecimals, ties, integers, uniform, edges.build()).flatMapToDouble(s -> s);
    }

    @ParameterizedTest
    @MethodSource({"anyBits", "subnormals", "everyday"})
    void longArithmeticAgreesWithBigDecimal(double d) {
        double abs = Math.abs(d);
        agree(abs, 'r', 0, FloatDigits.shortest(abs));
        for (int places = 0; places <= 30; places++) {
            agree(abs, 'f', places, FloatDigits.fixed(abs, places));
        }
        for (int n = 1; n <= 20; n++) {
            agree(abs, 'e', n, FloatDigits.significant(abs, n));
        }
    }

    private static void agree(double abs, char code, int precision, Digits fast) {
        if (fast == null) return; // outside long arithmetic: the exact path answers alone
        Digits exact = Formatting.exactDigits(abs, code, precision);
        assertEquals(exact, fast, () -> Double.toString(abs) + " " + code + precision);
    }

    /** The ranges below are what long arithmetic holds; losing them would make the first float slow again. */
    @ParameterizedTest
    @MethodSource("everyday")
    void everydayValuesTakeTheFastPath(double d) {
        double abs = Math.abs(d);
        if (abs == 0 || abs >= Double.MIN_NORMAL) assertNotNull(FloatDigits.shortest(abs), () -> abs + " repr");
        if (abs != 0 && (abs < 1e-10 || abs >= 1e18)) return;
        for (int n = 1; n <= 17; n++) {
            int digits = n;
            assertNotNull(FloatDigits.significant(abs, n), () -> abs + " to " + digits + " digits");
        }
        for (int places = 0; places <= 27 && abs * Math.pow(10, places) < 1e18; places++) {
            int p = places;
            assertNotNull(FloatDigits.fixed(abs, places), () -> abs + " to " + p + " places");
        }
    }

    @Test
    void commonFormatsAreExact() {
        assertEquals(new Digits("1", 0), FloatDigits.shortest(0.1));
        assertEquals(new Digits("314", 1), FloatDigits.fixed(3.14159, 2));
        assertEquals(new Digits("3142", 1), FloatDigits.significant(3.14159, 4));
        assertEquals(new Digits("267", 1), FloatDigits.fixed(2.675, 2)); // 2.67499999999999982236431605997495353221893310546875
        assertEquals(new Digits("12", 0), FloatDigits.fixed(0.125, 2)); // an exact tie rounds to even
        assertEquals(new Digits("1", 2), FloatDigits.significant(9.9999, 3)); // carries into 1.00e+01
    }
}
