package dev.thr.builtins;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static dev.thr.builtins.Snippets.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.testing.Run;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** error(kind, message), the per-kind constructors, .kind/.message/.trace/.thread, str/repr, and catching by kind. */
class ErrorBuiltinsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Error", "ValueError", "TypeError", "RuntimeError", "KeyError", "IndexError", "NameError",
        "ZeroDivisionError", "OverflowError", "AssertionError", "AttributeError", "TimeoutError", "RecursionError",
        "QueueEmpty", "QueueFull", "BrokenBarrierError", "HostError", "EOFError", "IOError",
    })
    void everyKindHasAConstructorThatCanBeRaisedAndCaught(String kind) {
        assertEquals(kind + "|boom|boom|" + kind + "('boom')|error\ncaught " + kind + " boom\n", output("""
                e = %1$s("boom")
                print "{e.kind}|{e.message}|{str(e)}|{repr(e)}|{type(e)}"
                try { raise e } catch %1$s c { print "caught", c.kind, c.message }
                """.formatted(kind)));
    }

    static Stream<Arguments> values() {
        return Snippets.table("""
                ValueError("bad size").kind ==> ValueError
                ValueError("bad size").message ==> bad size
                ValueError("bad size") ==> bad size
                str(ValueError("bad size")) ==> bad size
                repr(ValueError("bad size")) ==> ValueError('bad size')
                repr(KeyError("it's")) ==> KeyError("it's")
                repr(ValueError().message) ==> ''
                repr(ValueError()) ==> ValueError('')
                ValueError(42).message ==> 42
                ValueError([1, "a"]).message ==> [1, 'a']
                ValueError(message="named").message ==> named
                error("MyError", "custom").kind ==> MyError
                error("MyError", "custom").message ==> custom
                repr(error("MyError")) ==> MyError('')
                error("K", 5).message ==> 5
                error(kind="K", message="m").kind ==> K
                repr(ValueError("x").trace) ==> []
                type(ValueError) ==> builtin
                ValueError("a") == ValueError("a") ==> false
                """);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("values")
    void errorValues(String expr, String expected) {
        assertEquals(expected, printed(expr));
    }

    static Stream<Arguments> misuse() {
        return Snippets.table("""
                error(1) ==> TypeError: kind must be a string, not int
                error() ==> TypeError: error() is missing its argument 'kind'
                ValueError("a", "b") ==> TypeError: ValueError() takes at most 1 argument but 2 were given
                ValueError("x").nope ==> AttributeError: error has no member 'nope'
                """);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("misuse")
    void constructorMisuse(String expr, String expected) {
        assertEquals(expected, failure("x = " + expr + "\n"));
    }

    @Test
    void errorFieldsCannotBeChanged() {
        assertEquals("AttributeError: error.message cannot be changed", failure("e = ValueError(\"x\")\ne.message = \"y\"\n"));
        assertEquals("AttributeError: error.kind cannot be changed", failure("e = ValueError(\"x\")\ne.kind = \"y\"\n"));
    }

    @Test
    void catchingByKind() {
        assertEquals("""
                multi IndexError
                any TypeError
                exception TypeError
                custom MyError m
                unbound
                propagated v
                first match wins KeyError
                """, output("""
                try { raise IndexError("i") } catch KeyError | IndexError e { print "multi", e.kind }
                try { raise TypeError("t") } catch Error e { print "any", e.kind }
                try { raise TypeError("t") } catch Exception e { print "exception", e.kind }
                try { raise error("MyError", "m") } catch MyError e { print "custom", e.kind, e }
                try { raise ValueError("v") } catch ValueError { print "unbound" }
                try {
                  try { raise ValueError("v") } catch KeyError e { print "wrong" }
                } catch ValueError e { print "propagated", e.message }
                try { raise KeyError("k") } catch KeyError e { print "first match wins", e.kind } catch Error e { print "wrong" }
                """));
    }

    @Test
    void aCatchWithOnlyANameBindsEveryError() {
        assertEquals("ValueError v\nKeyError k\n", output("""
                try { raise ValueError("v") } catch e { print e.kind, e.message }
                try { {}["x"] } catch err { print err.kind, "k" }
                """));
    }

    @Test
    void anUncaughtErrorOfAnotherKindReachesTheTop() {
        assertEquals("KeyError: lost", failure("""
                try { raise KeyError("lost") } catch ValueError e { print "no" }
                """));
        assertEquals("Custom: mine", failure("raise error(\"Custom\", \"mine\")\n"));
    }

    @Test
    void raisingSomethingElseIsATypeError() {
        assertEquals("TypeError: raise needs an error, like ValueError(\"...\"), not int", failure("raise 42\n"));
        assertEquals("TypeError: raise needs an error, like ValueError(\"...\"), not nil", failure("raise nil\n"));
        assertEquals("RuntimeError: just text", failure("raise \"just text\"\n"));
    }

    @Test
    void traceNamesTheFunctionsItLeft() {
        assertEquals("['f (test.thr:1:10)', 'g (test.thr:2:10)']\n", output("""
                fn f() { raise ValueError("deep") }
                fn g() { f() }
                try { g() } catch Error e { print e.trace }
                """));
    }

    @Test
    void reRaisingKeepsKindAndMessageAndChainingWorks() {
        assertEquals("re KeyError k\nRuntimeError second: first\n", output("""
                try {
                  try { raise KeyError("k") } catch Error e { raise e }
                } catch KeyError e { print "re", e.kind, e.message }
                try {
                  try { raise ValueError("first") } catch ValueError e { raise RuntimeError("second: " + e.message) }
                } catch Error e { print e.kind, e.message }
                """));
    }

    @Test
    void anErrorInAThreadIsReportedAndKeptOnTheThread() {
        Run r = Run.of("test.thr", """
                fn h() { raise KeyError("in thread") }
                t = spawn h()
                join t
                print t.error.kind, t.error.message, t.error.thread, repr(t.result)
                try { raise t.error } catch KeyError e { print "again", e.message }
                """);
        assertEquals(0, r.status(), r.stderr());
        assertEquals("KeyError in thread Thread-1 (h) nil\nagain in thread\n", r.stdout());
        assertTrue(r.stderr().startsWith("Exception in thread Thread-1 (h):\ntest.thr:1:10: KeyError: in thread\n"), r.stderr());
    }

    @Test
    void theReportShowsWhereAndTheStack() {
        Run r = Run.of("test.thr", "fn f(x) {\n  return x // 0\n}\nf(1)\n");
        assertEquals(1, r.status());
        assertEquals("""
                test.thr:2:12: ZeroDivisionError: integer division by zero
                  2 |   return x // 0
                    |            ^^
                  at f (test.thr:2:12)
                  at <main> (test.thr:4:1)
                """, r.stderr());
    }
}
