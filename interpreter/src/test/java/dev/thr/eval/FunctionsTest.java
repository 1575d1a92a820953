package dev.thr.eval;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.testing.Run;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Functions: closures, nonlocal/global, defaults, named arguments and their errors, recursion. */
@Timeout(60)
class FunctionsTest {

    @Test
    void aClosureKeepsItsOwnCounter() {
        assertEquals("3\n1 3\n", output("""
                fn counter() {
                  n = 0
                  fn inc() { nonlocal n; n += 1; return n }
                  return inc
                }
                c = counter()
                c()
                c()
                print c()
                d = counter()
                print d(), c() - 1
                """));
    }

    @Test
    void closuresSeeTheVariableNotASnapshot() {
        assertEquals("[2, 2, 2]\n[10, 11, 12]\n14\n", output("""
                fn late() { fs = []; for i in range(3) { fs.append(fn() => i) }; return [f() for f in fs] }
                print late()
                fn bound() { return [fn(x, n=n) => x + n for n in range(3)] }
                print [f(10) for f in bound()]
                fn outer() { v = 1; fn inner() { return v * 2 }; v = 7; return inner() }
                print outer()
                """));
    }

    @Test
    void aClosureSharedByThreadsCountsUnderALock() {
        assertEquals("4000\n", output("""
                fn make() {
                  n = 0
                  l = lock()
                  fn inc() { nonlocal n; with l { n += 1 } }
                  fn get() { return n }
                  return [inc, get]
                }
                pair = make()
                fn work() { for i in range(1000) { pair[0]() } }
                ts = [spawn work() for k in range(4)]
                for t in ts { join t }
                print pair[1]()
                """));
    }

    @Test
    void globalAndLocalScopes() {
        assertEquals("5 10\n11\n2\n", output("""
                x = 10
                fn shadow() { x = 5; return x }
                print shadow(), x
                fn read() { return x + 1 }
                print read()
                fn setg() { global g; g = 2 }
                setg()
                print g
                """));
    }

    @Test
    void defaultsAreEvaluatedOnceAndNamedArgumentsBind() {
        assertEquals("[1, 2, 3] [1, 2, 9] [5, 2, 3] [7, 8, 9]\n1 2 1\n", output("""
                fn f(a, b=2, c=3) { return [a, b, c] }
                print f(1), f(1, c=9), f(a=5), f(c=9, b=8, a=7)
                fn dflt(l=[]) { l.append(1); return len(l) }
                print dflt(), dflt(), dflt([])
                """));
    }

    static Stream<Arguments> callErrors() {
        return dev.thr.builtins.Snippets.table("""
                f() ==> TypeError: f() is missing its argument 'a'
                f(b=1) ==> TypeError: f() is missing its argument 'a'
                f(1, d=2) ==> TypeError: f() has no parameter named 'd'
                f(1, 2, 3, 4) ==> TypeError: f() takes 3 arguments but 4 were given
                f(1, a=2) ==> TypeError: f() got two values for 'a'
                g(1) ==> TypeError: g() takes 0 arguments but 1 were given
                h(1, 2) ==> TypeError: h() takes 1 argument but 2 were given
                5() ==> TypeError: int is not callable
                nil() ==> TypeError: nil is not callable
                """);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("callErrors")
    void callErrors(String call, String expected) {
        assertEquals(expected, failure("""
                fn f(a, b=2, c=3) { return a }
                fn g() { }
                fn h(x) { }
                x = %s
                """.formatted(call)));
    }

    @Test
    void lambdasAndFunctionValues() {
        assertEquals("9 function f\n[2, 4]\n6\n", output("""
                sq = fn(x) => x * x
                fn f() { }
                print sq(3), type(sq), f.name
                print [fn(x) { return x * 2 }(i) for i in [1, 2]]
                fn apply(g, v) { return g(v) }
                print apply(fn(y) => y + 1, 5)
                """));
    }

    @ParameterizedTest(name = "fib({0}) = {1}")
    @CsvSource({"0, 0", "1, 1", "2, 1", "10, 55", "20, 6765"})
    void recursion(int n, long expected) {
        assertEquals(expected + "\n", output("""
                fn fib(n) { return n if n < 2 else fib(n - 1) + fib(n - 2) }
                print fib(%d)
                """.formatted(n)));
    }

    @Test
    void mutualRecursion() {
        assertEquals("true false\n", output("""
                fn even(n) { return true if n == 0 else odd(n - 1) }
                fn odd(n) { return false if n == 0 else even(n - 1) }
                print even(100), odd(100)
                """));
    }

    @Test
    void runawayRecursionIsACatchableRecursionError() {
        assertEquals("RecursionError\nstill running 3\n", output("""
                fn deep(n) { return deep(n + 1) }
                try { deep(0) } catch RecursionError e { print e.kind }
                fn fine(n) { return 0 if n == 0 else 1 + fine(n - 1) }
                print "still running", fine(3)
                """));
    }

    @Test
    void runawayRecursionUncaughtIsReportedNotACrash() {
        Run r = Run.of("test.thr", "fn deep(n) { return deep(n + 1) }\ndeep(0)\n");
        assertEquals(1, r.status());
        assertTrue(r.stderr().contains("RecursionError: "), r.stderr());
        assertTrue(r.stderr().lines().count() < 40, "the report should not list every frame:\n" + r.stderr());
    }

    @Test
    void runawayRecursionInAThreadEndsOnlyThatThread() {
        Run r = Run.of("test.thr", """
                fn deep(n) { return deep(n + 1) }
                t = spawn deep(0)
                join t
                print t.error.kind, t.state
                """);
        assertEquals(0, r.status(), r.stderr());
        assertEquals("RecursionError terminated\n", r.stdout());
        assertTrue(r.stderr().startsWith("Exception in thread Thread-1 (deep):\n"), r.stderr());
    }

    private static final String NESTED = """
            l = rlock()
            fn nested(n) {
              if n == 0 { return 0 }
              total = 0
              for i in range(1) {
                try {
                  with l { total = [x for x in [nested(n - 1)]][0] + 1 }
                } finally { }
              }
              return total
            }
            """;

    /**
     * Recursion below the depth limit works whatever the body holds (try, with, loops,
     * comprehensions), on the main thread and on a spawned one.
     */
    @ParameterizedTest(name = "depth {0}")
    @CsvSource({"100", "500", "900"})
    void recursionThroughRichBodiesWorksBelowTheLimit(int depth) {
        assertEquals(depth + " " + depth + "\n", output(NESTED + """
                t = spawn nested(%1$d)
                join t
                print nested(%1$d), t.result
                """.formatted(depth)));
    }

    /** Past the limit it is a RecursionError the program catches, on the main thread and in a thread. */
    @Test
    void runawayRecursionThroughRichBodiesIsCatchable() {
        assertEquals("caught RecursionError\ncaught RecursionError\n", output(NESTED + """
                fn guarded() {
                  try { nested(100000) } catch RecursionError e { return "caught " + e.kind }
                }
                t = spawn guarded()
                join t
                print guarded()
                print t.result
                """));
    }
}
