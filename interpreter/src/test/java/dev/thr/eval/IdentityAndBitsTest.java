package dev.thr.eval;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.thr.builtins.Snippets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** `is` / `is not`, and the operators `& | ^` on integers, booleans and maps. */
class IdentityAndBitsTest {
    static Stream<Arguments> values() {
        return Snippets.table("""
                nil is nil, nil is not nil, 0 is nil    ==> true false false
                true is true, 1 is true                 ==> true false
                1 is 1, 1 is 1.0, 1 == 1.0              ==> true false true
                "ab" is "ab", 2 ** 80 is 2 ** 80        ==> true true
                [] is [], [] == [], {} is {}            ==> false true false
                1 < 2 is true                           ==> false
                (1 < 2) is true                         ==> true
                not nil is nil                          ==> false
                6 & 3, 6 | 3, 6 ^ 3                     ==> 2 7 5
                -8 & 0xff, -1 ^ 1                       ==> 248 -2
                2 ** 70 | 1, 2 ** 70 & 2 ** 70          ==> 1180591620717411303425 1180591620717411303424
                1 | 2 ^ 3 & 4                           ==> 3
                1 + 2 & 3, 1 | 2 == 3                   ==> 3 true
                true & false, true | false, true ^ true ==> false true false
                {"a": 1} | {"a": 2, "b": 3}             ==> {'a': 2, 'b': 3}
                1 == 1 in [1], 2 < 3 in [3]             ==> true true
                nil is nil in [nil], 1 in [1] == true   ==> true false
                3 not in [1, 2], not 1 in [1]           ==> true false
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void operators(String expr, String shown) {
        assertEquals(shown, printed(expr));
    }

    @Test
    void aVariableIsItself() {
        assertEquals("true false", printed("""
                (fn() { xs = [1]; ys = xs; zs = [1]; return "{xs is ys} {xs is zs}" })()"""));
    }

    @Test
    void augmentedBitsAndSetsMakeANewValue() {
        assertEquals("2 {2, 5} {1} true", printed("""
                (fn() {
                  x = 6; x &= 3
                  s = {1}; alias = s
                  s |= {2}; s &= {2, 3}; s ^= {5}
                  m = {"a": 1}; m |= {"b": 2}
                  return "{x} {s} {alias} {m == {'a': 1, 'b': 2}}"
                })()"""));
    }

    @Test
    void spreadingOutsideACallGetsAHint() {
        assertEquals("error: unexpected '*' (*xs spreads a list only in a call, as in f(*xs) or print(*xs); to join lists write xs + ys)",
                failure("xs = [1]\nys = [*xs]"));
        assertEquals("error: unexpected '**' (**m spreads a map only in a call, as in f(**m); to merge maps write a | b)",
                failure("m = {}\nn = {**m}"));
    }

    @Test
    void bitsNeedIntegers() {
        assertEquals("TypeError: unsupported operand types for &: float and int", failure("print 1.5 & 1"));
        assertEquals("TypeError: unsupported operand types for |: bool and int", failure("print true | 1"));
    }
}
