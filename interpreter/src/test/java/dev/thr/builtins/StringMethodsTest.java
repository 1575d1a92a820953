package dev.thr.builtins;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static dev.thr.builtins.Snippets.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** upper, lower, strip family, split, join, startswith/endswith, replace, find, count, isdigit, ljust/rjust. */
class StringMethodsTest {

    static Stream<Arguments> methods() {
        return Snippets.table("""
                "AbC".upper() ==> ABC
                "AbC".lower() ==> abc
                "é".upper() ==> É
                repr("  x \\t".strip()) ==> 'x'
                repr("  x ".lstrip()) ==> 'x '
                repr("  x ".rstrip()) ==> '  x'
                repr("".strip()) ==> ''
                "a b  c".split() ==> ['a', 'b', 'c']
                "  a\\tb\\nc  ".split() ==> ['a', 'b', 'c']
                "".split() ==> []
                "   ".split() ==> []
                "a,b,,c".split(",") ==> ['a', 'b', '', 'c']
                ",a,".split(",") ==> ['', 'a', '']
                "abc".split("x") ==> ['abc']
                "a::b::c".split("::") ==> ['a', 'b', 'c']
                "a,b".split(sep=",") ==> ['a', 'b']
                ", ".join(["a", "b", "c"]) ==> a, b, c
                repr("".join([])) ==> ''
                "-".join("xyz") ==> x-y-z
                "+".join(["solo"]) ==> solo
                "hello".startswith("he"), "hello".startswith("lo") ==> true false
                "hello".endswith("lo"), "hello".endswith("he") ==> true false
                "hello".startswith(""), "".endswith("") ==> true true
                "aaa".replace("a", "b") ==> bbb
                "aXbXc".replace("X", "") ==> abc
                "abc".replace("z", "q") ==> abc
                "hello".find("l"), "hello".find("z"), "hello".find("") ==> 2 -1 0
                "banana".count("an"), "aaaa".count("aa"), "ab".count(""), "ab".count("z") ==> 2 2 3 0
                "123".isdigit(), "12a".isdigit(), "".isdigit(), "-1".isdigit() ==> true false false false
                "[" + "ab".ljust(4) + "]" ==> [ab  ]
                "[" + "ab".rjust(4) + "]" ==> [  ab]
                "[" + "abcdef".ljust(2) + "]" ==> [abcdef]
                "[" + "abcdef".rjust(0) + "]" ==> [abcdef]
                "a,b".split(",")[1].upper() ==> B
                "abc"[0], "abc"[-1], "abc"[1:], "abc"[::-1] ==> a c bc cba
                "ab" * 3, 2 * "xy", repr("ab" * 0) ==> ababab xyxy ''
                "b" in "abc", "d" in "abc", "" in "abc", "bc" not in "abc" ==> true false true false
                "a" < "b", "B" < "a", "abc" == "abc", "ab" < "abc" ==> true true true true
                len("héllo") ==> 5
                """);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("methods")
    void stringMethod(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    static Stream<Arguments> errors() {
        return Snippets.table("""
                ",".join([1]) ==> TypeError: join needs strings, found int
                ",".join(5) ==> TypeError: int is not iterable
                "a".split("") ==> ValueError: empty separator
                "a".split(1) ==> TypeError: sep must be a string, not int
                "ab".startswith(1) ==> TypeError: prefix must be a string, not int
                "ab".endswith(nil) ==> TypeError: suffix must be a string, not nil
                "ab".replace("a") ==> TypeError: replace() is missing its argument 'new'
                "ab".replace(1, "x") ==> TypeError: old must be a string, not int
                "ab".find(1) ==> TypeError: sub must be a string, not int
                "x".ljust("3") ==> TypeError: width must be an integer, not str
                "x".upper(1) ==> TypeError: upper() takes 0 arguments but 1 were given
                "x".shout() ==> AttributeError: str has no member 'shout'
                "abc"[5] ==> IndexError: string index 5 out of range
                "abc"["0"] ==> TypeError: string indexes must be integers, not str
                1 in "abc" ==> TypeError: 'in <string>' needs a string on the left, not int
                "a" + 1 ==> TypeError: cannot add int to str: use str(x) or "{x}"
                "a" - "b" ==> TypeError: unsupported operand types for -: str and str
                """);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("errors")
    void stringMethodErrors(String expr, String expected) {
        assertEquals(expected, failure("x = " + expr + "\n"));
    }

    @Test
    void stringsAreImmutable() {
        assertEquals("TypeError: str does not support item assignment", failure("s = \"abc\"\ns[0] = \"x\"\n"));
        assertEquals("abc ABC\n", output("s = \"abc\"\nt = s.upper()\nprint s, t\n"));
    }

    @Test
    void interpolationFormatsHoles() {
        assertEquals("2 and nested {literal}\n3.14|   42|s  |007\n", output("""
                print "{1 + 1} and {'nested'}", "{{literal}}"
                x = 3.14159
                print "{x:.2f}|{42:>5}|{'s':<3}|{7:03d}"
                """));
    }

    /** A character outside the BMP (an emoji) is one character, as ord() already says. */
    @Test
    void charactersBeyondTheBasicPlaneAreOneCharacter() {
        assertEquals("1 128512 ['a', '😀'] 😀\n", output("""
                s = "a😀"
                print len("😀"), ord("😀"), list(s), s[1]
                """));
    }

    // ---- seeded property check: split and join are inverse, against Java's own split ----------

    static List<Long> seeds() {
        return List.of(1L, 4L, 9L, 16L, 25L, 36L, 49L, 64L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void splitThenJoinGivesTheStringBack(long seed) {
        Random random = new Random(seed);
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) s.append("ab,; ".charAt(random.nextInt(5)));
        String text = s.toString();
        List<String> parts = List.of(text.split(",", -1));
        String expected = parts.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ", "[", "]")) + "\n"
                + "true\n" + text.toUpperCase() + "\n" + text.replace(";", "") + "\n";
        assertEquals(expected, output("""
                s = "%s"
                print s.split(",")
                print ",".join(s.split(",")) == s
                print s.upper()
                print s.replace(";", "")
                """.formatted(text)));
    }
}
