package dev.thr.eval;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static dev.thr.builtins.Snippets.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Operators with Python's meaning: big integers, floor division and modulo, true division, powers, comparisons. */
class ArithmeticTest {

    static Stream<Arguments> arithmetic() {
        return dev.thr.builtins.Snippets.table("""
                // integers never wrap: they grow
                9223372036854775807 + 1 ==> 9223372036854775808
                -9223372036854775807 - 2 ==> -9223372036854775809
                9223372036854775807 * 2 ==> 18446744073709551614
                3037000500 * 3037000500 ==> 9223372037000250000
                9223372036854775807 * 9223372036854775807 ==> 85070591730234615847396907784232501249
                -(-9223372036854775807 - 1) ==> 9223372036854775808
                (-9223372036854775807 - 1) // -1 ==> 9223372036854775808
                2 ** 64 - 2 ** 64 + 1 ==> 1
                type(2 ** 64 - 2 ** 64) ==> int
                2 ** 100 ==> 1267650600228229401496703205376
                // floor division and modulo floor, as in Python
                7 // 2, -7 // 2, 7 // -2, -7 // -2 ==> 3 -4 -4 3
                7 % 3, -7 % 3, 7 % -3, -7 % -3 ==> 1 2 -2 -1
                7.5 // 2, -7.5 // 2, 7 // 2.0 ==> 3.0 -4.0 3.0
                7.5 % 2, -7.5 % 2, 7.5 % -2, 5 % 2.5 ==> 1.5 0.5 -0.5 0.0
                -0.0 % 1 ==> 0.0
                10 ** 20 // 3, 10 ** 20 % 7 ==> 33333333333333333333 2
                -(10 ** 20) // 7, -(10 ** 20) % 7, 10 ** 20 % -7 ==> -14285714285714285715 5 -5
                // true division
                7 / 2, 10 / 5, type(10 / 5), 1 / 3 ==> 3.5 2.0 float 0.3333333333333333
                2 ** 64 / 2 ** 63, -7 / 2 ==> 2.0 -3.5
                // powers
                2 ** 10, 2 ** -2, 2.0 ** 3, 0 ** 0, (-2) ** 3 ==> 1024 0.25 8.0 1 -8
                -2 ** 2, 2 ** 3 ** 2, -2 ** 63 ==> -4 512 -9223372036854775808
                2 ** 0.5 ==> 1.4142135623730951
                // precedence and floats
                1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 10 - 2 - 3, 100 / 10 / 5 ==> 5.0 9 5 2.0
                0.1 + 0.2, 3.0 * 1.1, 1e16, 1.5e-7 ==> 0.30000000000000004 3.3000000000000003 1e+16 1.5e-07
                1e300 * 1e300, -1e300 * 1e300 ==> inf -inf
                1 + 1.0, type(1 + 1.0), 2 ** 70 + 0.5 ==> 2.0 float 1.1805916207174113e+21
                0x1F + 0b101 + 1_000 ==> 1036
                +5, -(-5), - -5 ==> 5 5 5
                """);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("arithmetic")
    void arithmetic(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    static Stream<Arguments> comparisons() {
        return dev.thr.builtins.Snippets.table("""
                1 < 2, 2 <= 2, 3 > 4, 4 >= 5, 1 == 1, 1 != 1 ==> true true false false true false
                1 == 1.0, 1 < 1.5, 2 ** 70 > 1e20, 2 ** 53 + 1 == 2.0 ** 53 + 1 ==> true true true false
                "a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc" ==> true true true true
                [1, 2] < [1, 3], [1] < [1, 0], [2] > [1, 9], [1, 2] == [1, 2] ==> true true true true
                nil == nil, nil == false, 1 != "1", [] == [], {} == {} ==> true false true true true
                1 < 2 < 3, 3 > 2 > 1, 1 < 3 > 2, 1 < 2 < 2, 1 == 1 == 1 ==> true true true false true
                float("nan") == float("nan"), float("nan") < 1, float("nan") != float("nan") ==> false false true
                10 ** 400 > 1.5, 10 ** 400 == 1.0, float("inf") > 10 ** 400, -(10 ** 400) < float("-inf") ==> true false true false
                """);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("comparisons")
    void comparisons(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    static Stream<Arguments> sequencesAndLogic() {
        return dev.thr.builtins.Snippets.table("""
                "ab" * 3, 3 * "ab", repr("ab" * 0), repr("ab" * -2) ==> ababab ababab '' ''
                [1, 2] + [3], [1] * 3, 2 * [0], [1] * 0, [1] * -1 ==> [1, 2, 3] [1, 1, 1] [0, 0] [] []
                [[1]] * 2 ==> [[1], [1]]
                "ab" + "cd", repr("" + "") ==> abcd ''
                2 in [1, 2], 5 in [1], 5 not in [1], nil in [nil] ==> true false true true
                "b" in "abc", "k" in {"k": 1}, 1 in {"k": 1} ==> true true false
                3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 3 in range(0, 10, 2) ==> true false true false
                [1] in [[1], [2]], 1.0 in [1] ==> true true
                0 or "x", 1 and 2, repr(nil and 1), repr("" or nil), 0 and 1 ==> x 2 nil nil 0
                [] or [1], "a" and "b", not 0, not "x", not nil ==> [1] b true false true
                "yes" if 1 else "no", "yes" if [] else "no" ==> yes no
                "a" if false else "b" if false else "c" ==> c
                """);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("sequencesAndLogic")
    void sequencesMembershipAndLogic(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    @Test
    void andOrShortCircuit() {
        assertEquals("false nil\n1 x\n", output("""
                fn boom() { raise ValueError("evaluated") }
                print false and boom(), repr(nil and boom())
                print 1 or boom(), "x" if true else boom()
                """));
    }

    static Stream<Arguments> errors() {
        return dev.thr.builtins.Snippets.table("""
                1 / 0 ==> ZeroDivisionError: division by zero
                1.0 / 0 ==> ZeroDivisionError: division by zero
                1 // 0 ==> ZeroDivisionError: integer division by zero
                1 % 0 ==> ZeroDivisionError: integer modulo by zero
                1.5 % 0.0 ==> ZeroDivisionError: float modulo
                2 ** 100 // 0 ==> ZeroDivisionError: integer division by zero
                0.0 ** -1 ==> ZeroDivisionError: 0.0 cannot be raised to a negative power
                "a" + 1 ==> TypeError: cannot add int to str: use str(x) or "{x}"
                1 + "a" ==> TypeError: unsupported operand types for +: int and str
                nil + 1 ==> TypeError: unsupported operand types for +: nil and int
                [1] * "a" ==> TypeError: unsupported operand types for *: list and str
                [1] - [1] ==> TypeError: unsupported operand types for -: list and list
                -"a" ==> TypeError: bad operand for unary -: str
                1 < "a" ==> TypeError: '<' is not supported between int and str
                [1] < ["a"] ==> TypeError: '<' is not supported between int and str
                nil >= 1 ==> TypeError: '>=' is not supported between nil and int
                5 in 5 ==> TypeError: 'in' needs a list, map, set, string or range, not int
                """);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("errors")
    void operatorErrors(String expr, String expected) {
        assertEquals(expected, failure("x = " + expr + "\n"));
    }

    @Test
    void zeroDivisionCanBeCaught() {
        assertEquals("ZeroDivisionError division by zero\n", output("""
                try { x = 1 / 0 } catch ZeroDivisionError e { print e.kind, e.message }
                """));
    }

    // ---- seeded property check: floor division and modulo against BigInteger ---------------

    static List<Long> seeds() {
        return List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    private static BigInteger operand(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> BigInteger.valueOf(r.nextInt(41) - 20);
            case 1 -> BigInteger.valueOf(r.nextLong());
            case 2 -> BigInteger.valueOf(r.nextLong()).multiply(BigInteger.valueOf(r.nextLong()));
            default -> BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(r.nextInt(5) - 2));
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void integerOperatorsAgreeWithBigInteger(long seed) {
        Random r = new Random(seed);
        StringBuilder program = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            BigInteger a = operand(r), b = operand(r);
            if (b.signum() == 0) b = BigInteger.ONE;
            // Python: a == (a // b) * b + a % b, with the remainder taking b's sign.
            BigInteger[] qr = a.divideAndRemainder(b);
            BigInteger q = qr[0], m = qr[1];
            if (m.signum() != 0 && m.signum() != b.signum()) {
                q = q.subtract(BigInteger.ONE);
                m = m.add(b);
            }
            program.append("a = ").append(a).append("\nb = ").append(b)
                    .append("\nprint a + b, a - b, a * b, a // b, a % b, -a, (a // b) * b + a % b == a\n");
            expected.append(a.add(b)).append(' ').append(a.subtract(b)).append(' ').append(a.multiply(b)).append(' ')
                    .append(q).append(' ').append(m).append(' ').append(a.negate()).append(" true\n");
        }
        assertEquals(expected.toString(), output(program.toString()));
    }
}
