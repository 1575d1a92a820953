package dev.thr.builtins;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static dev.thr.builtins.Snippets.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** sorted (key, reverse), reversed, min/max (key, varargs), sum, enumerate, zip, any, all. */
class CollectionBuiltinsTest {

    static Stream<Arguments> sorting() {
        return Snippets.table("""
                sorted([3, 1, 2]) ==> [1, 2, 3]
                sorted([3, 1, 2], reverse=true) ==> [3, 2, 1]
                sorted(["b", "a", "c"]) ==> ['a', 'b', 'c']
                sorted(["ccc", "a", "bb"], key=len) ==> ['a', 'bb', 'ccc']
                sorted(["ccc", "a", "bb"], key=len, reverse=true) ==> ['ccc', 'bb', 'a']
                sorted([-1, 2, -3], key=abs) ==> [-1, 2, -3]
                sorted([[1, "b"], [0, "a"], [1, "a"]]) ==> [[0, 'a'], [1, 'a'], [1, 'b']]
                sorted([[1, "b"], [0, "a"], [1, "a"]], key=fn(p) => p[0]) ==> [[0, 'a'], [1, 'b'], [1, 'a']]
                sorted([[1, "b"], [0, "a"], [1, "a"]], key=fn(p) => p[0], reverse=true) ==> [[1, 'b'], [1, 'a'], [0, 'a']]
                sorted([2.5, 1, 2 ** 70, -1]) ==> [-1, 1, 2.5, 1180591620717411303424]
                sorted({"b": 1, "a": 2}) ==> ['a', 'b']
                sorted("cab") ==> ['a', 'b', 'c']
                sorted(range(3), reverse=true) ==> [2, 1, 0]
                sorted([]) ==> []
                sorted([true, false]) ==> [false, true]
                reversed([1, 2, 3]) ==> [3, 2, 1]
                reversed("ab") ==> ['b', 'a']
                reversed(range(3)) ==> [2, 1, 0]
                """);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("sorting")
    void sortedAndReversed(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    @Test
    void sortedLeavesItsArgumentAlone() {
        assertEquals("[3, 1, 2] [1, 2, 3] false\n", output("""
                l = [3, 1, 2]
                s = sorted(l)
                s.append(9)
                print l, sorted(l), l == s
                """));
    }

    static Stream<Arguments> extremes() {
        return Snippets.table("""
                min([3, 1, 2]) ==> 1
                max([3, 1, 2]) ==> 3
                min(3, 1, 2) ==> 1
                max(3, 1, 2) ==> 3
                min(3, 1) ==> 1
                max(2.5, 3) ==> 3
                min([5]) ==> 5
                max([[1, 2]]) ==> [1, 2]
                max([[1, 2], [1, 3]]) ==> [1, 3]
                min("bca") ==> a
                max(range(4)) ==> 3
                min({"b": 1, "a": 2}) ==> a
                min(["aa", "b"], key=len) ==> b
                max("a", "bbb", "cc", key=len) ==> bbb
                max(["aa", "bb", "c"], key=len) ==> aa
                min(["aa", "bb", "c", "d"], key=len) ==> c
                max(-5, 3, -4, key=abs) ==> -5
                """);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("extremes")
    void minAndMax(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    static Stream<Arguments> folds() {
        return Snippets.table("""
                sum([1, 2, 3]) ==> 6
                sum([0.5, 0.25]) ==> 0.75
                sum([]) ==> 0
                sum([], 10) ==> 10
                sum([1, 2], start=10) ==> 13
                sum([[1], [2]], []) ==> [1, 2]
                sum(range(101)) ==> 5050
                sum([9223372036854775807, 1]) ==> 9223372036854775808
                enumerate(["a", "b"]) ==> [[0, 'a'], [1, 'b']]
                enumerate("xy", 1) ==> [[1, 'x'], [2, 'y']]
                enumerate("xy", start=5) ==> [[5, 'x'], [6, 'y']]
                enumerate([]) ==> []
                zip([1, 2, 3], ["a", "b"]) ==> [[1, 'a'], [2, 'b']]
                zip([1], "xy", range(3)) ==> [[1, 'x', 0]]
                zip([1, 2]) ==> [[1], [2]]
                zip() ==> []
                any([0, "", nil]) ==> false
                any([0, 1]) ==> true
                any([]) ==> false
                any("") ==> false
                all([1, "x", [0]]) ==> true
                all([1, 0]) ==> false
                all([]) ==> true
                any(range(0, 3)) ==> true
                all(range(0, 3)) ==> false
                """);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("folds")
    void sumEnumerateZipAnyAll(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    static Stream<Arguments> errors() {
        return Snippets.table("""
                min([]) ==> ValueError: min() of an empty sequence
                max([]) ==> ValueError: max() of an empty sequence
                sum(["a"]) ==> TypeError: unsupported operand types for +: int and str
                sorted([1], key=5) ==> TypeError: key must be a function, not int
                sorted(5) ==> TypeError: int is not iterable
                any(5) ==> TypeError: int is not iterable
                zip([1], 2) ==> TypeError: int is not iterable
                enumerate([1], "a") ==> TypeError: enumerate start must be an integer, not str
                """);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("errors")
    void collectionErrors(String expr, String expected) {
        assertEquals(expected, failure("x = " + expr + "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"min()", "max()", "min(key=len)"})
    void minAndMaxOfNothingAreTypeErrors(String expr) {
        String headline = failure("x = " + expr + "\n");
        assertTrue(headline.startsWith("TypeError: "), headline);
    }

    @Test
    void sortingMixedTypesIsATypeError() {
        String headline = failure("x = sorted([1, \"a\"])\n");
        assertTrue(headline.startsWith("TypeError: '<' is not supported between "), headline);
    }

    // ---- seeded property checks against Java's own sort, min, max and sum -------------------

    static List<Long> seeds() {
        return List.of(1L, 2L, 3L, 17L, 42L, 99L, 1234L, 98765L);
    }

    private static String thrList(List<BigInteger> items) {
        return items.stream().map(BigInteger::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static List<BigInteger> randomInts(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(40);
        List<BigInteger> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(switch (random.nextInt(4)) {
                case 0 -> BigInteger.valueOf(random.nextInt(10) - 5);       // many duplicates
                case 1 -> BigInteger.valueOf(random.nextLong());             // the whole long range
                case 2 -> BigInteger.valueOf(random.nextLong()).shiftLeft(40); // past 64 bits
                default -> BigInteger.valueOf(random.nextInt(2001) - 1000);
            });
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sortedMinMaxSumAgreeWithJava(long seed) {
        List<BigInteger> items = randomInts(seed);
        List<BigInteger> ascending = items.stream().sorted().toList();
        List<BigInteger> descending = items.stream().sorted(Comparator.reverseOrder()).toList();
        List<BigInteger> byAbsDesc = items.stream().sorted(Comparator.comparing(BigInteger::abs).reversed()).toList();
        String expected = String.join("\n",
                thrList(ascending), thrList(descending), thrList(byAbsDesc),
                ascending.get(0).toString(), descending.get(0).toString(),
                items.stream().reduce(BigInteger.ZERO, BigInteger::add).toString(),
                thrList(items.reversed()), String.valueOf(items.size())) + "\n";
        assertEquals(expected, output("""
                l = %s
                print sorted(l)
                print sorted(l, reverse=true)
                print sorted(l, key=abs, reverse=true)
                print min(l)
                print max(l)
                print sum(l)
                print reversed(l)
                print len(l)
                """.formatted(thrList(items))));
    }
}
