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

    @Test
    void elementsAndKeysStayAsFirstGiven() {
        assertEquals("{1.0} float {1.0, 2.0} {-0.0} {1}\n{1.0: 'a'} {1: 'b'}\n", output("""
                print {1.0}, type(list({1.0})[0]), {x / 2 for x in [2, 4]}, {-0.0}, {1, 1.0}
                m = {1: "a"}
                m[1.0] = "b"
                print {1.0: "a"}, m
                """));
    }

    @Test
    void containersInASetAreCopiesThatNothingCanChange() {
        assertEquals("{{'a': 1}} true\n{[1]} true\n", output("""
                mm = {"a": 1}
                s = {mm}
                mm["b"] = 2
                print s, {"a": 1} in s
                t = {[1]}
                for e in t { e.append(2) }
                print t, [1] in t
                """));
    }

    @Test
    void sortingSetsOrNaNsGivesSomeOrderAsPythonDoes() {
        assertEquals("[{1}, {2}, {1, 2}, {3}]\n[3.0, nan, 1.0, 2.0]\n300\n", output("""
                print sorted([{1}, {2}, {1, 2}, {3}])
                print sorted([3.0, float("nan"), 1.0, 2.0])
                r = 1
                fn next(n) {
                  global r
                  r = (r * 1103515245 + 12345) % 2147483648   # a fixed pseudo-random sequence
                  return r // 65536 % n
                }
                for t in range(100) { xs = sorted([set([next(7) for j in range(next(5))]) for i in range(300)]) }
                print len(xs)
                """));
    }

    @Test
    void aSetHoldingItselfPrintsAsPythonShowsCycles() {
        assertEquals("{[{...}]}\ncaught RecursionError\n", output("""
                s = set()
                s.add([s])
                print s
                xs = [1]
                xs.append(xs)
                try { print {xs} } catch RecursionError e { print "caught", e.kind }
                """));
    }

    @Test
    void sortingAListOfSetsWhileAnotherThreadLooksInASetDoesNotDeadlock() {
        assertEquals("done\n", output("""
                s = {1}
                L = [s, {2}, {1, 3}]
                fn a() { for i in range(3000) { L.sort() } }
                fn b() { for i in range(3000) { x = L in s } }
                join (spawn a()), (spawn b())
                print "done"
                """));
    }
}
