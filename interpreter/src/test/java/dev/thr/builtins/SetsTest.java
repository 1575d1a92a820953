package dev.thr.builtins;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static dev.thr.builtins.Snippets.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sets: literals, set(), comprehensions, operators and methods, with Python's meanings. */
class SetsTest {
    static Stream<Arguments> values() {
        return Snippets.table("""
                {3, 1, 2}                          ==> {3, 1, 2}
                {1, 1.0, 2, 1}                     ==> {1, 2}
                set()                              ==> set()
                set([2, 2, 3]), set("abca")        ==> {2, 3} {'a', 'b', 'c'}
                set(range(3)), set({"k": 1})       ==> {0, 1, 2} {'k'}
                {}                                 ==> {}
                type({1}), type(set())             ==> set set
                len({1, 2}), len(set())            ==> 2 0
                2 in {1, 2}, 3 in {1, 2}           ==> true false
                3 not in {1, 2}                    ==> true
                {[1, 2], [1, 2]}                   ==> {[1, 2]}
                {1, 2} == {2, 1}, {1} == {1, 2}    ==> true false
                {1, 2} == [1, 2]                   ==> false
                {1, 2} | {2, 3}                    ==> {1, 2, 3}
                {1, 2} & {2, 3}                    ==> {2}
                {1, 2} - {2, 3}                    ==> {1}
                {1, 2} ^ {2, 3}                    ==> {1, 3}
                {1} <= {1, 2}, {1, 2} <= {1, 2}    ==> true true
                {1} < {1, 2}, {1, 2} < {1, 2}      ==> true false
                {1, 2} > {1}, {1, 2} >= {3}        ==> true false
                {1, 3} < {1, 2}, {1, 3} > {1, 2}   ==> false false
                {x % 3 for x in range(10)}         ==> {0, 1, 2}
                {x for x in "hello" if x != "l"}   ==> {'h', 'e', 'o'}
                sorted({3, 1, 2}), list({2, 1})    ==> [1, 2, 3] [2, 1]
                min({4, 2, 9}), max({4, 2, 9}), sum({1, 2})  ==> 2 9 3
                {1, 2}.union([3], {4})             ==> {1, 2, 3, 4}
                {1, 2, 3}.intersection([2, 3, 4], {3}) ==> {3}
                {1, 2, 3}.difference([1], {2})     ==> {3}
                {1, 2}.symmetric_difference([2, 3]) ==> {1, 3}
                {1}.issubset([1, 2]), {1, 2}.issuperset({2}) ==> true true
                {1}.isdisjoint({2}), {1}.isdisjoint([1]) ==> true false
                bool(set()), bool({0})             ==> false true
                {1, "a", nil, true}                ==> {1, 'a', nil, true}
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void setValues(String expr, String shown) {
        assertEquals(shown, printed(expr));
    }

    @Test
    void methodsChangeTheSetInPlace() {
        assertEquals("{1, 2, 3}\n{2, 3, 4, 5}\n1\n{3, 4, 5}\nset()\n{9} {9, 8}\n", output("""
                s = {1, 2}
                alias = s
                s.add(3); s.add(2)
                print alias
                s.update([4], {5}); s.discard(1); s.discard(42)
                print s
                print {1, 2}.pop()
                s.remove(2)
                print s
                s.clear()
                print alias
                t = {9}; u = t.copy(); u.add(8)
                print t, u
                """));
    }

    @Test
    void missingElementsAreKeyErrors() {
        assertEquals("KeyError: 5 is not in the set", failure("{1}.remove(5)"));
        assertEquals("KeyError: pop from an empty set", failure("set().pop()"));
    }

    @Test
    void setsCannotBeIndexedAndOperatorsNeedTwoSets() {
        assertEquals("TypeError: set cannot be indexed", failure("print {1}[0]"));
        assertEquals("TypeError: unsupported operand types for |: set and list", failure("print {1} | [2]"));
        assertEquals("TypeError: int is not iterable", failure("set(5)"));
    }

    @Test
    void aMapComprehensionBuildsAMap() {
        assertEquals("{'a': 1, 'bb': 2}\n{0: 0, 1: 1, 2: 4}\n", output("""
                print {w: len(w) for w in ["a", "bb"]}
                print {i: i * i for i in range(3)}
                """));
    }

    @Test
    void setsAreKeysAsListsAre() {
        // a set used as a key is copied, so changing it later does not strand the entry
        assertEquals("x\n", output("""
                s = {1, 2}
                m = {}
                m[s] = "x"
                s.add(3)
                print m[{2, 1}]
                """));
    }

    @Test
    void threadsAddingToOneSetLoseNothing() {
        assertEquals("4000\n", output("""
                s = set()
                fn add_all(base) { for i in range(1000) { s.add(base + i) } }
                ts = [spawn add_all(k * 1000) for k in range(4)]
                for t in ts { join t }
                print len(s)
                """));
    }
}
