package dev.thr.builtins;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** str, repr, int, float, bool, type, len, range, abs, round, chr, ord (and list, dict): values and errors. */
class CoreBuiltinsTest {

    static Stream<Arguments> conversions() {
        return Snippets.table("""
                str(42) ==> 42
                str(-1.5) ==> -1.5
                str(2.0) ==> 2.0
                str(1e20) ==> 1e+20
                str(2 ** 70) ==> 1180591620717411303424
                str(true) + str(false) ==> truefalse
                str(nil) ==> nil
                repr(str()) ==> ''
                str("text") ==> text
                str([1, "a"]) ==> [1, 'a']
                str(ValueError("bad")) ==> bad
                repr("a") ==> 'a'
                repr("it's") ==> "it's"
                repr("a\\nb") ==> 'a\\nb'
                repr(1.0) ==> 1.0
                repr(nil) ==> nil
                repr([1, "a", nil]) ==> [1, 'a', nil]
                repr(ValueError("x")) ==> ValueError('x')
                int("42") ==> 42
                int("  -7  ") ==> -7
                int("1_000") ==> 1000
                int(3.9) ==> 3
                int(-3.9) ==> -3
                int(true) ==> 1
                int() ==> 0
                int("ff", 16) ==> 255
                int("101", 2) ==> 5
                int(1e20) ==> 100000000000000000000
                int("123456789012345678901234567890") ==> 123456789012345678901234567890
                float("1.5") ==> 1.5
                float(" -2.5 ") ==> -2.5
                float(2) ==> 2.0
                float("1e3") ==> 1000.0
                float("inf") ==> inf
                float("-inf") ==> -inf
                float() ==> 0.0
                float(true) ==> 1.0
                bool(0) ==> false
                bool(0.0) ==> false
                bool("") ==> false
                bool("0") ==> true
                bool([]) ==> false
                bool([0]) ==> true
                bool({}) ==> false
                bool(range(0)) ==> false
                bool(nil) ==> false
                bool() ==> false
                bool(ValueError("x")) ==> true
                list("ab") ==> ['a', 'b']
                list(range(3)) ==> [0, 1, 2]
                list({"a": 1, "b": 2}) ==> ['a', 'b']
                list() ==> []
                dict([["a", 1], ["b", 2]]) ==> {'a': 1, 'b': 2}
                dict() ==> {}
                """);
    }

    @ParameterizedTest(name = "{0} prints {1}")
    @MethodSource("conversions")
    void conversion(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    static Stream<Arguments> types() {
        return Snippets.table("""
                type(1) ==> int
                type(2 ** 100) ==> int
                type(1.0) ==> float
                type("s") ==> str
                type(true) ==> bool
                type(nil) ==> nil
                type([]) ==> list
                type({}) ==> map
                type(range(3)) ==> range
                type(len) ==> builtin
                type(fn() => 1) ==> function
                type(ValueError("x")) ==> error
                type(lock()) ==> lock
                type(rlock()) ==> rlock
                type(queue()) ==> queue
                type(event()) ==> event
                type(semaphore()) ==> semaphore
                type(condition()) ==> condition
                type(barrier(1)) ==> barrier
                type(local()) ==> local
                type(current_thread()) ==> thread
                """);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("types")
    void typeNames(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    static Stream<Arguments> sizesAndRanges() {
        return Snippets.table("""
                len("abc") ==> 3
                len("") ==> 0
                len([1, 2]) ==> 2
                len({"a": 1}) ==> 1
                len(range(5)) ==> 5
                len(range(0, 10, 3)) ==> 4
                len(range(10, 0, -3)) ==> 4
                range(3) ==> range(0, 3)
                range(2, 8, 2) ==> range(2, 8, 2)
                list(range(1, 10, 3)) ==> [1, 4, 7]
                list(range(5, 0, -2)) ==> [5, 3, 1]
                list(range(-3)) ==> []
                list(range(3, 3)) ==> []
                abs(-3) ==> 3
                abs(3) ==> 3
                abs(-2.5) ==> 2.5
                abs(-2 ** 70) ==> 1180591620717411303424
                abs(-9223372036854775807 - 1) ==> 9223372036854775808
                round(2.5) ==> 2
                round(3.5) ==> 4
                round(-2.5) ==> -2
                round(0.5) ==> 0
                round(1.25, 1) ==> 1.2
                round(2.675, 2) ==> 2.67
                round(1234, -2) ==> 1200
                round(7) ==> 7
                type(round(7.0)) ==> int
                chr(65) ==> A
                chr(955) ==> λ
                ord("A") ==> 65
                ord("λ") ==> 955
                ord(chr(8364)) ==> 8364
                """);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("sizesAndRanges")
    void sizesRangesAndNumbers(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    static Stream<Arguments> errors() {
        return Snippets.table("""
                int("abc") ==> ValueError: invalid literal for int(): 'abc'
                int("") ==> ValueError: invalid literal for int(): ''
                int("12", 2) ==> ValueError: invalid literal for int() with base 2: '12'
                int([]) ==> TypeError: int() cannot convert list
                int(nil) ==> TypeError: int() cannot convert nil
                int(float("inf")) ==> ValueError: cannot convert float inf to integer
                int(float("nan")) ==> ValueError: cannot convert float nan to integer
                float("x") ==> ValueError: could not convert string to float: 'x'
                float([]) ==> TypeError: float() cannot convert list
                float(nil) ==> TypeError: float() cannot convert nil
                len(5) ==> TypeError: int has no length
                len(nil) ==> TypeError: nil has no length
                range(1, 2, 0) ==> ValueError: range() step cannot be zero
                range("a") ==> TypeError: range stop must be an integer, not str
                range(1.5, 3) ==> TypeError: range start must be an integer, not float
                abs("x") ==> TypeError: abs() needs a number, not str
                round("x") ==> TypeError: round() needs a number, not str
                round(float("inf")) ==> ValueError: cannot round inf to an integer
                chr("a") ==> TypeError: chr code must be an integer, not str
                ord("ab") ==> TypeError: ord() needs a string of one character
                ord("") ==> TypeError: ord() needs a string of one character
                ord(65) ==> TypeError: ord's argument must be a string, not int
                dict([[1]]) ==> ValueError: dict() needs [key, value] pairs
                str(1, 2) ==> TypeError: str() takes at most 1 argument but 2 were given
                len() ==> TypeError: len() is missing its argument 'value'
                repr(value=1, other=2) ==> TypeError: repr() has no parameter named 'other'
                """);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("errors")
    void conversionErrors(String expr, String expected) {
        assertEquals(expected, failure("x = " + expr + "\n"));
    }

    /** A code point outside Unicode is the user's mistake: a ValueError, not a crash inside thr. */
    @Test
    void chrOutsideUnicodeIsValueError() {
        assertEquals("ValueError\nValueError\n", Snippets.output("""
                try { chr(-1) } catch Error e { print e.kind }
                try { chr(1114112) } catch Error e { print e.kind }
                """));
    }

    @Test
    void builtinsTakeArgumentsByName() {
        assertEquals("255 [0, 2, 4] 3", printed("int(value=\"ff\", base=16), list(range(0, stop=5, step=2)), round(x=3.14159)"));
    }

    @Test
    void conversionsRoundTrip() {
        assertEquals("true true true", printed("int(str(2 ** 80)) == 2 ** 80, float(str(0.1)) == 0.1, chr(ord(\"z\")) == \"z\""));
    }
}
