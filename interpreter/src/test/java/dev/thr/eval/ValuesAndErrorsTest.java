package dev.thr.eval;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static dev.thr.builtins.Snippets.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.thr.testing.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** List comprehensions, indexing and slicing, how values print, and the errors a user meets most. */
class ValuesAndErrorsTest {

    static Stream<Arguments> values() {
        return dev.thr.builtins.Snippets.table("""
                [x * x for x in range(6) if x % 2 == 0] ==> [0, 4, 16]
                [c.upper() for c in "abc"] ==> ['A', 'B', 'C']
                [k for k in {"a": 1, "b": 2} if k != "a"] ==> ['b']
                [a + b for a, b in [[1, 2], [3, 4]]] ==> [3, 7]
                [[y for y in range(x)] for x in range(3)] ==> [[], [0], [0, 1]]
                [x for x in []] ==> []
                [0, 1, 2, 3, 4, 5][1:3], [0, 1, 2, 3, 4, 5][-2:] ==> [1, 2] [4, 5]
                [0, 1, 2, 3, 4, 5][::2], [0, 1, 2, 3, 4, 5][::-1] ==> [0, 2, 4] [5, 4, 3, 2, 1, 0]
                [0, 1, 2, 3, 4, 5][4:1:-1], [0, 1, 2, 3, 4, 5][-1:-4:-2] ==> [4, 3, 2] [5, 3]
                [0, 1, 2][-100:100], [0, 1, 2][5:1], [0, 1, 2][:-1], [0, 1, 2][:] ==> [0, 1, 2] [] [0, 1] [0, 1, 2]
                "hello"[1:4], "hello"[::-1], "hello"[::-2], repr("hello"[3:1]) ==> ell olleh olh ''
                [0, 1, 2][-1], [0, 1, 2][-3], "abc"[-1] ==> 2 0 c
                range(10)[3], range(10, 0, -2)[1] ==> 3 8
                [1, [2, "x"], {"a": nil, "b": true}, 1.5, 2.0, "q'", 'd"q'] ==> [1, [2, 'x'], {'a': nil, 'b': true}, 1.5, 2.0, "q'", 'd"q']
                {"k": "v", 1: [nil]}, "s", 1.0, nil, false, true ==> {'k': 'v', 1: [nil]} s 1.0 nil false true
                [], {}, [[]], [{}], [""], ["\\n"], ["\\t"], ["\\\\"] ==> [] {} [[]] [{}] [''] ['\\n'] ['\\t'] ['\\\\']
                [1.0, 0.1, 1e-5, 123456789.0, 1e22, -0.0] ==> [1.0, 0.1, 1e-05, 123456789.0, 1e+22, -0.0]
                [float("inf"), -float("inf"), float("nan")] ==> [inf, -inf, nan]
                [2 ** 100, -1, 0] ==> [1267650600228229401496703205376, -1, 0]
                [range(2), ValueError("e")] ==> [range(0, 2), ValueError('e')]
                """);
    }

    @ParameterizedTest(name = "{0} prints {1}")
    @MethodSource("values")
    void valuesPrintLikePythonReprsInsideContainers(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    @Test
    void selfReferencesPrintWithoutLooping() {
        assertEquals("[1, [...]]\n{'self': {...}}\n", output("""
                l = [1]
                l.append(l)
                print l
                m = {}
                m["self"] = m
                print m
                """));
    }

    @Test
    void printSeparatorsAndEnds() {
        assertEquals("1-2!\nab\n\n\nx y\n", output("""
                print(1, 2, sep="-", end="!\\n")
                print("a", "b", sep="")
                print()
                print
                print "x", "y"
                """));
    }

    @Test
    void itemAssignment() {
        assertEquals("[1, 9, 3] {'a': 1, 'b': 2} [1, 9, 6]\n", output("""
                l = [1, 2, 3]
                l[1] = 9
                m = {"a": 1}
                m["b"] = 2
                k = l.copy()
                k[-1] *= 2
                print l, m, k
                """));
    }

    @Test
    void anUnknownNameIsACompileTimeErrorWithItsPosition() {
        Run r = Run.of("test.thr", "x = 1\nprint \"never printed\"\nprint x + y\n");
        assertEquals(2, r.status());
        assertEquals("", r.stdout());
        assertEquals("""
                test.thr:3:11: error: unknown name 'y'
                  3 | print x + y
                    |           ^
                """, r.stderr());
    }

    @Test
    void unknownNamesInsideFunctionsAreFoundBeforeRunning() {
        Run r = Run.of("test.thr", "print \"never printed\"\nfn f() {\n  return g()\n}\n");
        assertEquals(2, r.status());
        assertEquals("", r.stdout());
        assertEquals("test.thr:3:10: error: unknown name 'g'", r.stderr().lines().findFirst().orElse(""));
    }

    static Stream<Arguments> runtimeErrors() {
        return dev.thr.builtins.Snippets.table("""
                print x\\nx = 1 ==> NameError: 'x' is used before it is assigned
                fn f() { print y; y = 1 }\\nf() ==> NameError: 'y' is used before it is assigned
                fn f() { z += 1 }\\nz = 0\\nf() ==> NameError: 'z' is used before it is assigned
                print "a" + 1 ==> TypeError: cannot add int to str: use str(x) or "{x}"
                print [1, 2][5] ==> IndexError: list index 5 out of range
                print [1][-2] ==> IndexError: list index -2 out of range
                l = []\\nl[0] = 1 ==> IndexError: list index 0 out of range
                print "abc"[3] ==> IndexError: string index 3 out of range
                print range(3)[3] ==> IndexError: range index 3 out of range
                print {"a": 1}["b"] ==> KeyError: no key 'b' in the map
                print {}[[1]] ==> KeyError: no key [1] in the map
                print [1]["0"] ==> TypeError: list indexes must be integers, not str
                print 5[0] ==> TypeError: int cannot be indexed
                print nil[0] ==> TypeError: nil cannot be indexed
                print [1, 2, 3][::0] ==> ValueError: slice step cannot be zero
                print 5[1:2] ==> TypeError: int cannot be sliced
                print [1][1.5:] ==> TypeError: slice bounds must be integers or nil, not float
                print (5).nope ==> AttributeError: int has no member 'nope'
                """);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("runtimeErrors")
    void runtimeErrorsNameTheProblem(String program, String expected) {
        assertEquals(expected, failure(program.replace("\\n", "\n") + "\n"));
    }

    @Test
    void theReportPointsAtTheFailingExpression() {
        assertEquals("""
                test.thr:2:17: KeyError: no key 'b' in the map
                  2 | print m["a"], m["b"]
                    |                 ^^^
                  at <main> (test.thr:2:17)
                """, Run.error("m = {\"a\": 1}\nprint m[\"a\"], m[\"b\"]\n"));
    }

    // ---- seeded property check: slicing against a direct reading of Python's rules ---------

    static List<Long> seeds() {
        return List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    /** Python's a[lo:hi:step], written as a filter over positions (not as the interpreter computes it). */
    static List<Integer> pythonSlice(int n, Integer lo, Integer hi, int step) {
        List<Integer> out = new ArrayList<>();
        if (step > 0) {
            int start = lo == null ? 0 : lo < 0 ? Math.max(0, lo + n) : Math.min(lo, n);
            int stop = hi == null ? n : hi < 0 ? Math.max(0, hi + n) : Math.min(hi, n);
            for (int x = 0; x < n; x++) if (x >= start && x < stop && (x - start) % step == 0) out.add(x);
        } else {
            int start = lo == null ? n - 1 : lo < 0 ? lo + n : Math.min(lo, n - 1);
            int stop = hi == null ? -1 : hi < 0 ? Math.max(-1, hi + n) : hi;
            for (int x = n - 1; x >= 0; x--) if (x <= start && x > stop && (start - x) % -step == 0) out.add(x);
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void slicesFollowPythonsRules(long seed) {
        Random r = new Random(seed);
        StringBuilder program = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            int n = r.nextInt(8);
            Integer lo = r.nextInt(4) == 0 ? null : r.nextInt(2 * n + 5) - n - 2;
            Integer hi = r.nextInt(4) == 0 ? null : r.nextInt(2 * n + 5) - n - 2;
            int step = (r.nextInt(3) + 1) * (r.nextBoolean() ? 1 : -1);
            String bounds = (lo == null ? "" : lo) + ":" + (hi == null ? "" : hi) + ":" + step;
            String letters = "abcdefgh".substring(0, n);
            program.append("print list(range(").append(n).append("))[").append(bounds).append("], repr(\"")
                    .append(letters).append("\"[").append(bounds).append("])\n");
            List<Integer> picked = pythonSlice(n, lo, hi, step);
            expected.append(picked.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")))
                    .append(" '").append(picked.stream().map(x -> String.valueOf(letters.charAt(x))).collect(Collectors.joining()))
                    .append("'\n");
        }
        assertEquals(expected.toString(), output(program.toString()));
    }
}
