package dev.thr.builtins;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** append, extend, insert, pop, remove, index, count, sort, reverse, clear, copy. */
class ListMethodsTest {

    /** Each row is a one-line program (statements separated by ';') and what it prints. */
    static Stream<Arguments> methods() {
        return Snippets.table("""
                l = [1, 2]; l.append(3); print l ==> [1, 2, 3]
                l = []; l.append(nil); l.append([1]); print l ==> [nil, [1]]
                l = [1]; print repr(l.append(2)) ==> nil
                l = [1]; l.extend([2, 3]); print l ==> [1, 2, 3]
                l = [1]; l.extend("ab"); print l ==> [1, 'a', 'b']
                l = [1]; l.extend(range(2)); print l ==> [1, 0, 1]
                l = [1, 2]; l.extend(l); print l ==> [1, 2, 1, 2]
                l = [1, 2, 3]; l.insert(0, 0); print l ==> [0, 1, 2, 3]
                l = [1, 2, 3]; l.insert(1, "x"); print l ==> [1, 'x', 2, 3]
                l = [1, 2, 3]; l.insert(-1, "x"); print l ==> [1, 2, 'x', 3]
                l = [1, 2, 3]; l.insert(-10, "x"); print l ==> ['x', 1, 2, 3]
                l = [1, 2, 3]; l.insert(100, "x"); print l ==> [1, 2, 3, 'x']
                l = [1, 2, 3]; print l.pop(), l ==> 3 [1, 2]
                l = [1, 2, 3]; print l.pop(0), l ==> 1 [2, 3]
                l = [1, 2, 3]; print l.pop(-2), l ==> 2 [1, 3]
                l = [1, 2, 3]; print l.pop(index=1), l ==> 2 [1, 3]
                l = [1, 2, 1]; l.remove(1); print l ==> [2, 1]
                l = [1.0, 2]; l.remove(1); print l ==> [2]
                l = [nil, 1]; l.remove(nil); print l ==> [1]
                print ["a", "b", "a"].index("a"), ["a", "b"].index("b") ==> 0 1
                print [nil, 1].index(nil), [[1], [2]].index([2]) ==> 0 1
                print [1, 2, 2, 3, 2].count(2), [1, 1.0, 2].count(1), [].count(1) ==> 3 2 0
                l = [3, 1, 2]; l.sort(); print l ==> [1, 2, 3]
                l = [3, 1, 2]; l.sort(reverse=true); print l ==> [3, 2, 1]
                l = ["b", "A", "c"]; l.sort(key=fn(s) => s.lower()); print l ==> ['A', 'b', 'c']
                l = [[1, "b"], [0, "z"], [1, "a"]]; l.sort(key=fn(p) => p[0]); print l ==> [[0, 'z'], [1, 'b'], [1, 'a']]
                l = [3, 1]; print repr(l.sort()) ==> nil
                l = [1, 2, 3]; l.reverse(); print l ==> [3, 2, 1]
                l = []; l.reverse(); print l ==> []
                l = [1, 2]; l.clear(); print l, len(l) ==> [] 0
                l = [1, [2]]; c = l.copy(); c.append(3); print l, c ==> [1, [2]] [1, [2], 3]
                l = [1, [2]]; c = l.copy(); c[1].append(3); print l ==> [1, [2, 3]]
                l = [1]; f = l.append; f(5); print l, type(f) ==> [1, 5] method
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void listMethod(String program, String expected) {
        assertEquals(expected + "\n", output(program + "\n"));
    }

    static Stream<Arguments> errors() {
        return Snippets.table("""
                [1, 2].remove(42) ==> ValueError: 42 is not in the list
                ["a"].remove("b") ==> ValueError: 'b' is not in the list
                [1, 2].index(42) ==> ValueError: 42 is not in the list
                [].pop() ==> IndexError: pop from an empty list
                [1].pop(5) ==> IndexError: pop index 5 out of range
                [1, 2].pop(-3) ==> IndexError: pop index -3 out of range
                [1].pop("0") ==> TypeError: pop index must be an integer, not str
                [1].insert("0", 1) ==> TypeError: insert index must be an integer, not str
                [1].extend(5) ==> TypeError: int is not iterable
                [1].append() ==> TypeError: append() is missing its argument 'item'
                [1].append(1, 2) ==> TypeError: append() takes 1 argument but 2 were given
                [1].clear(1) ==> TypeError: clear() takes 0 arguments but 1 were given
                [1].push(2) ==> AttributeError: list has no member 'push'
                [1, "a"].sort() ==> TypeError: '<' is not supported between str and int
                """);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("errors")
    void listMethodErrors(String expr, String expected) {
        assertEquals(expected, failure("x = " + expr + "\n"));
    }

    @Test
    void methodErrorsCanBeCaughtByKind() {
        assertEquals("ValueError\nIndexError\n", output("""
                l = []
                try { l.index(1) } catch ValueError e { print e.kind }
                try { l.pop() } catch IndexError e { print e.kind }
                """));
    }

    @Test
    void appendsFromManyThreadsAreAllKept() {
        assertEquals("4000 true\n", output("""
                l = []
                fn add(base) { for i in range(1000) { l.append(base + i) } }
                ts = [spawn add(k * 1000) for k in range(4)]
                for t in ts { join t }
                print len(l), sorted(l) == list(range(4000))
                """));
    }

    // ---- seeded property check: a random series of operations, mirrored on a Java list ------

    static List<Long> seeds() {
        return List.of(1L, 5L, 8L, 13L, 21L, 34L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomOperationsMatchAJavaList(long seed) {
        Random random = new Random(seed);
        List<Long> model = new ArrayList<>();
        StringBuilder program = new StringBuilder("l = []\n");
        for (int step = 0; step < 60; step++) {
            long v = random.nextInt(10);
            switch (random.nextInt(6)) {
                case 0, 1 -> { program.append("l.append(").append(v).append(")\n"); model.add(v); }
                case 2 -> {
                    int at = random.nextInt(model.size() + 3) - 1;
                    program.append("l.insert(").append(at).append(", ").append(v).append(")\n");
                    model.add(at < 0 ? Math.max(0, model.size() + at) : Math.min(at, model.size()), v);
                }
                case 3 -> {
                    if (!model.isEmpty()) { program.append("l.pop()\n"); model.removeLast(); }
                }
                case 4 -> {
                    if (model.contains(v)) { program.append("l.remove(").append(v).append(")\n"); model.remove(Long.valueOf(v)); }
                }
                default -> { program.append("l.reverse()\n"); java.util.Collections.reverse(model); }
            }
        }
        program.append("print l\nprint l.count(3)\n");
        String expected = model.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")) + "\n"
                + model.stream().filter(x -> x == 3).count() + "\n";
        assertEquals(expected, output(program.toString()));
    }
}
