package dev.thr.value;

import dev.thr.value.Formatting.Digits;

/**
 * The digits {@link Formatting} needs for the floats programs usually print, worked out with
 * long arithmetic. Formatting's exact path uses BigDecimal, whose class initialiser squares
 * 5 up to 5^65536 (JDK 24 and later): 15-50 ms in a fresh JVM, paid by the first float a run
 * printed. Every answer here is exact too, not an approximation; where long arithmetic cannot
 * hold the value (huge or tiny magnitudes, many digits, subnormals) the methods return null
 * and the caller takes the exact path. FloatDigitsTest pins them to that path.
 */
final class FloatDigits {

    private FloatDigits() {}

    /** 5^0 .. 5^27, the powers below 2^63: scaling by 10^k for |k| <= 27 stays within 128 bits. */
    private static final long[] FIVES = new long[28];

    /** 10^0 .. 10^18. */
    private static final long[] TENS = new long[19];

    static {
        FIVES[0] = 1;
        for (int i = 1; i < FIVES.length; i++) FIVES[i] = FIVES[i - 1] * 5;
        TENS[0] = 1;
        for (int i = 1; i < TENS.length; i++) TENS[i] = TENS[i - 1] * 10;
    }

    /**
     * Shortest round-trip digits (repr). Double.toString (JDK 19 and later, so on every JDK
     * thr runs on) is the closest of the shortest decimals, as dtoa's mode 0, except that
     * where one digit would do it may print two that are closer. Two 2-digit decimals fit
     * between a double's neighbours only when their gap is about a hundredth of the value:
     * never for normal doubles; subnormals are left to the exact path.
     */
    static Digits shortest(double abs) {
        if (abs == 0) return new Digits("0", 1);
        if (!(abs >= Double.MIN_NORMAL) || abs == Double.POSITIVE_INFINITY) return null;
        String s = Double.toString(abs); // "123.456", "0.001", "1.0E-5", "1.7976931348623157E308"
        int e = s.indexOf('E');
        int end = e < 0 ? s.length() : e;
        int dot = s.indexOf('.');
        int exp = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        StringBuilder digits = new StringBuilder(end);
        int decpt = dot + exp;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') continue;
            if (c == '0' && digits.isEmpty()) {
                decpt--; // a leading zero: "0.001" is 0.1 x 10^-2
                continue;
            }
            digits.append(c);
        }
        int len = digits.length();
        while (digits.charAt(len - 1) == '0') len--;
        digits.setLength(len);
        return new Digits(digits.toString(), decpt);
    }

    /** Digits of abs rounded half-even to {@code places} after the point (dtoa mode 3, 'f'). */
    static Digits fixed(double abs, int places) {
        if (abs == 0) return new Digits("0", 1);
        if (places > 27 || !Double.isFinite(abs)) return null;
        long[] r = scaled(abs, places);
        if (r == null) return null;
        long rounded = r[0] + r[1];
        return rounded == 0 ? new Digits("0", 1) : digits(rounded, places);
    }

    /** Digits of abs rounded half-even to {@code n} significant digits (dtoa mode 2, 'e' and 'g'). */
    static Digits significant(double abs, int n) {
        if (abs == 0) return new Digits("0", 1);
        if (n < 1 || n > 17 || !Double.isFinite(abs)) return null;
        // decpt: abs lies in [10^(decpt-1), 10^decpt). The estimate from the binary exponent is
        // at most one too small; scaling tells which way it is off.
        int decpt = (int) Math.floor(Math.getExponent(abs) * 0.30102999566398120) + 1;
        for (int tries = 0; tries < 3; tries++) {
            long[] r = scaled(abs, n - decpt);
            if (r == null) return null;
            if (r[0] < TENS[n - 1]) {
                decpt--;
            } else if (r[0] >= TENS[n]) {
                decpt++;
            } else {
                long rounded = r[0] + r[1];
                // 9.996 to three digits carries into a fourth: 1.00 x 10^(decpt+1)
                if (rounded == TENS[n]) return new Digits("1", decpt + 1);
                return digits(rounded, n - decpt);
            }
        }
        return null; // not reached: the estimate is off by one at most
    }

    /** The digits of rounded x 10^-scale without trailing zeros; rounded > 0. */
    private static Digits digits(long rounded, int scale) {
        while (rounded % 10 == 0) {
            rounded /= 10;
            scale--;
        }
        String d = Long.toString(rounded);
        return new Digits(d, d.length() - scale);
    }

    /**
     * abs x 10^k as {floor, 1 if rounding half-even goes up else 0}, exactly; null when the
     * floor or an intermediate does not fit. abs is finite and positive, abs = m x 2^q.
     */
    private static long[] scaled(double abs, int k) {
        if (k > 27 || k < -27) return null;
        long bits = Double.doubleToRawLongBits(abs);
        int biased = (int) (bits >>> 52);
        long m = bits & ((1L << 52) - 1);
        int q;
        if (biased == 0) {
            q = -1074; // subnormal
        } else {
            m |= 1L << 52;
            q = biased - 1075;
        }
        int zeros = Long.numberOfTrailingZeros(m); // fewer bits, more values fit
        m >>>= zeros;
        q += zeros;
        int shift = q + k; // abs x 10^k = m x 5^k x 2^shift
        if (k >= 0) {
            long lo = m * FIVES[k];
            long hi = Math.multiplyHigh(m, FIVES[k]); // both factors < 2^63: product < 2^116
            return shift >= 0 ? shiftLeft(hi, lo, shift) : shiftRight(hi, lo, -shift);
        }
        // abs x 10^k = m x 2^shift / 5^-k: a division of longs when both sides fit in 63 bits
        long num = m;
        long den = FIVES[-k];
        if (shift >= 0) {
            if (shift >= Long.numberOfLeadingZeros(num) - 1) return null;
            num <<= shift;
        } else {
            if (-shift >= Long.numberOfLeadingZeros(den) - 1) return null;
            den <<= -shift;
        }
        long floor = num / den;
        long rest = num % den;
        // rest/den against one half; den - rest cannot overflow as 2 x rest could
        int half = Long.compare(rest, den - rest);
        return new long[] {floor, half > 0 || half == 0 && (floor & 1) == 1 ? 1 : 0};
    }

    /** (hi:lo) x 2^shift, an integer, so nothing to round; null past 2^62. */
    private static long[] shiftLeft(long hi, long lo, int shift) {
        if (hi != 0 || lo < 0 || shift >= Long.numberOfLeadingZeros(lo) - 1) return null;
        return new long[] {lo << shift, 0};
    }

    /** (hi:lo) / 2^shift, shift > 0, rounded half-even; (hi:lo) < 2^116. */
    private static long[] shiftRight(long hi, long lo, int shift) {
        // Shift by one less first: the last bit kept is then the half bit, and "sticky"
        // says whether anything below it was set.
        int u = shift - 1;
        long twice;
        boolean sticky;
        if (u == 0) {
            if (hi != 0) return null;
            twice = lo;
            sticky = false;
        } else if (u < 64) {
            if ((hi >>> u) != 0) return null;
            twice = (lo >>> u) | (hi << (64 - u));
            sticky = (lo << (64 - u)) != 0;
        } else if (u < 128) {
            twice = hi >>> (u - 64);
            sticky = lo != 0 || (u > 64 && (hi << (128 - u)) != 0);
        } else {
            twice = 0;
            sticky = true; // (hi:lo) is not zero
        }
        if (twice < 0) return null; // past 2^63
        long floor = twice >>> 1;
        boolean half = (twice & 1) == 1;
        return new long[] {floor, half && (sticky || (floor & 1) == 1) ? 1 : 0};
    }
}
