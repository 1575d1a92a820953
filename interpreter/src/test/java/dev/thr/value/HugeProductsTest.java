package dev.thr.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HugeProducts cuts a product of huge integers into pieces a stop can come between; every cut
 * must give BigInteger's own product. Pieces of 64 bits make numbers of a few thousand bits go
 * through every path (halves, slices of a long number times a short one, squares, signs) that
 * numbers of millions of digits take with the real piece size. Seeded: every run checks the
 * same numbers.
 */
class HugeProductsTest {
    static IntStream seeds() {
        return IntStream.range(0, 400);
    }

    private static BigInteger random(Random rnd, int maxBits) {
        BigInteger v = new BigInteger(rnd.nextInt(maxBits + 1), rnd);
        return rnd.nextInt(4) == 0 ? v.negate() : v;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theProductIsBigIntegersProduct(int seed) {
        Random rnd = new Random(seed);
        BigInteger a = random(rnd, 3000), b = rnd.nextInt(3) == 0 ? random(rnd, 100) : random(rnd, 3000);
        int piece = 32 + rnd.nextInt(64);
        assertEquals(a.multiply(b), HugeProducts.multiply(a, b, StopSignal.NEVER, piece), a + " * " + b);
        assertEquals(b.multiply(a), HugeProducts.multiply(b, a, StopSignal.NEVER, piece), b + " * " + a);
        assertEquals(a.multiply(a), HugeProducts.multiply(a, a, StopSignal.NEVER, piece), a + " squared");
    }

    @Test
    void aStopEndsTheProductBetweenPieces() {
        Random rnd = new Random(7);
        BigInteger a = new BigInteger(4000, rnd), b = new BigInteger(4000, rnd);
        int[] asked = {0};
        StopSignal afterThree = () -> ++asked[0] > 3;
        assertThrows(Cancelled.class, () -> HugeProducts.multiply(a, b, afterThree, 64));
        assertEquals(4, asked[0], "stopped at the first look after the stop");
    }

    @Test
    void powersAndProductsOfHugeIntegersAreExact() {
        // 3 ** 700000 has 1.1 million bits: built by squaring, not by BigInteger.pow
        assertEquals(BigInteger.valueOf(3).pow(700000), Arith.pow(3L, 700000L, StopSignal.NEVER));
        assertEquals(BigInteger.valueOf(-3).pow(700001), Arith.pow(-3L, 700001L, StopSignal.NEVER));
        // a base with factors of two: the odd part squared, the twos shifted in
        assertEquals(BigInteger.ONE.shiftLeft(3_000_000), Arith.pow(2L, 3_000_000L, StopSignal.NEVER));
        assertEquals(BigInteger.valueOf(-12).pow(400_001), Arith.pow(-12L, 400_001L, StopSignal.NEVER));
        assertEquals(BigInteger.TEN.pow(400_000), Arith.pow(10L, 400_000L, StopSignal.NEVER));
        assertEquals(-1L, Arith.pow(-1L, 3_000_001L, StopSignal.NEVER));
        BigInteger x = BigInteger.ONE.shiftLeft(2_500_000).subtract(BigInteger.valueOf(977));
        assertEquals(x.multiply(x.negate()), Arith.mul(x, x.negate(), StopSignal.NEVER));
    }
}
