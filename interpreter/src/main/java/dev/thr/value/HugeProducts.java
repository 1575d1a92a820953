package dev.thr.value;

import java.math.BigInteger;

/**
 * Products of integers with millions of digits, in pieces a stop can come between.
 * BigInteger.multiply is one uninterruptible call: squaring a number of ten million digits
 * takes seconds. Above {@link #PIECE} bits each operand is cut in two and the product made of
 * three smaller ones (Karatsuba's identity), down to pieces of well under a tenth of a second each;
 * `stop` is asked before each. The cut costs time (products of ten million digits take 1.2 to
 * 1.4 times as long), paid only by products that would otherwise keep a stopped thread busy
 * for seconds.
 */
final class HugeProducts {
    /** Operands at most this long (bits, about 630,000 digits) are multiplied in one call: under 100 ms on a slow machine. */
    static final int PIECE = 1 << 21;

    private HugeProducts() {}

    static BigInteger multiply(BigInteger a, BigInteger b, StopSignal stop) {
        return multiply(a, b, stop, PIECE);
    }

    /** With pieces of `piece` bits: tests cut small numbers as the runtime cuts huge ones. */
    static BigInteger multiply(BigInteger a, BigInteger b, StopSignal stop, int piece) {
        if (a.bitLength() <= piece && b.bitLength() <= piece) return a.multiply(b);
        stop.check();
        int sign = a.signum() * b.signum();
        BigInteger x = a.abs(), y = a == b ? x : b.abs(); // the same object twice: BigInteger squares, which is quicker
        BigInteger product = x.bitLength() >= y.bitLength() ? split(x, y, stop, piece) : split(y, x, stop, piece);
        stop.check();
        return sign < 0 ? product.negate() : product;
    }

    /** x * y for non-negative x at least as long as y. */
    private static BigInteger split(BigInteger x, BigInteger y, StopSignal stop, int piece) {
        if (y.bitLength() <= piece) {
            // a long number times a short one: the long one in slices, each multiplied apart
            BigInteger sum = BigInteger.ZERO;
            for (int at = 0; at < x.bitLength(); at += piece) {
                stop.check();
                sum = sum.add(low(x.shiftRight(at), piece).multiply(y).shiftLeft(at));
            }
            return sum;
        }
        int half = (x.bitLength() / 2 + 31) & ~31;
        BigInteger x1 = x.shiftRight(half), x0 = low(x, half);
        boolean square = x == y;
        BigInteger y1 = square ? x1 : y.shiftRight(half), y0 = square ? x0 : low(y, half);
        BigInteger high = multiply(x1, square ? x1 : y1, stop, piece);
        BigInteger low = multiply(x0, square ? x0 : y0, stop, piece);
        BigInteger xs = x1.add(x0), ys = square ? xs : y1.add(y0);
        BigInteger middle = multiply(xs, ys, stop, piece).subtract(high).subtract(low);
        return high.shiftLeft(2 * half).add(middle.shiftLeft(half)).add(low);
    }

    private static BigInteger low(BigInteger v, int bits) {
        return v.bitLength() <= bits ? v : v.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }
}
