package dev.thr.eval;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Destructuring, loops, break/continue, try/catch/finally, raise and assert. */
class ControlFlowTest {

    @Test
    void destructuring() {
        assertEquals("1 2\n2 1\nx y\n3 7\n1 [2, 3]\n", output("""
                a, b = [1, 2]
                print a, b
                a, b = b, a
                print a, b
                x, y = "xy"
                print x, y
                for p, q in [[1, 2], [3, 4]] { s = p + q }
                print p, s
                k, v = [1, [2, 3]]
                print k, v
                """));
    }

    static Stream<Arguments> unpackErrors() {
        return dev.thr.builtins.Snippets.table("""
                a, b = [1, 2, 3] ==> ValueError: expected 2 values to unpack, got more
                a, b = [1] ==> ValueError: expected 2 values to unpack, got 1
                a, b, c = "ab" ==> ValueError: expected 3 values to unpack, got 2
                a, b = 5 ==> TypeError: cannot unpack int into 2 names
                for a, b in [[1, 2], [3]] { } ==> ValueError: expected 2 values to unpack, got 1
                """);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("unpackErrors")
    void destructuringTooManyOrTooFew(String stmt, String expected) {
        assertEquals(expected, failure(stmt + "\n"));
    }

    @Test
    void forOverEveryIterable() {
        assertEquals("1 2 3 | x y | 0 1 2 | 5 3 1 | h é ! | a 1 b 2 |  |\n", output("""
                out = ""
                for i in [1, 2, 3] { out += str(i) + " " }
                out += "| "
                for k in {"x": 1, "y": 2} { out += k + " " }
                out += "| "
                for i in range(3) { out += str(i) + " " }
                out += "| "
                for i in range(5, 0, -2) { out += str(i) + " " }
                out += "| "
                for c in "hé!" { out += c + " " }
                out += "| "
                for k, v in {"a": 1, "b": 2}.items() { out += k + " " + str(v) + " " }
                out += "| "
                for nothing in [] { out += "never" }
                for nothing in {} { out += "never" }
                print out + " |"
                """));
    }

    @Test
    void forOverSomethingElseIsATypeError() {
        assertEquals("TypeError: int is not iterable", failure("for i in 5 { }\n"));
        assertEquals("TypeError: nil is not iterable", failure("for i in nil { }\n"));
    }

    @Test
    void aComprehensionOverSomethingElseIsATypeErrorAtIt() {
        String err = dev.thr.testing.Run.error("xs = [1]\nprint [x for x in xs for y in 5]\n");
        assertEquals("test.thr:2:31: TypeError: int is not iterable", err.lines().findFirst().orElse(""));
        err = dev.thr.testing.Run.error("m = {k: 1 for k in nil}\n");
        assertEquals("test.thr:1:20: TypeError: nil is not iterable", err.lines().findFirst().orElse(""));
    }

    @Test
    void breakAndContinue() {
        assertEquals("[0, 1, 3]\n4\n[[0, 0], [1, 0], [2, 0]]\n", output("""
                seen = []
                for i in range(10) {
                  if i == 2 { continue }
                  if i == 4 { break }
                  seen.append(i)
                }
                print seen
                i = 0
                while true { i += 1; if i > 3 { break } }
                print i
                pairs = []
                for a in range(3) { for b in range(3) { if b == 1 { break }; pairs.append([a, b]) } }
                print pairs
                """));
    }

    @Test
    void finallyRunsOnNormalExitReturnAndError() {
        assertEquals("""
                ['try', 'finally']
                finally wins
                body then finally
                finally on error
                caught ValueError
                [0, 'f0', 'f1', 'f2']
                """, output("""
                fn order() {
                  log = []
                  try { log.append("try"); return log } finally { log.append("finally") }
                }
                print order()
                fn over() { try { return "try" } finally { return "finally wins" } }
                print over()
                try { print "body then finally" } finally { }
                try {
                  try { raise ValueError("x") } finally { print "finally on error" }
                } catch ValueError e { print "caught", e.kind }
                log = []
                for i in range(3) {
                  try {
                    if i == 1 { continue }
                    if i == 2 { break }
                    log.append(i)
                  } finally { log.append("f" + str(i)) }
                }
                print log
                """));
    }

    @Test
    void catchAndFinallyOrdering() {
        assertEquals("body\ncatch ValueError\nfinally\nafter\n", output("""
                try {
                  print "body"
                  raise ValueError("v")
                  print "not reached"
                } catch ValueError e {
                  print "catch", e.kind
                } finally {
                  print "finally"
                }
                print "after"
                """));
        assertEquals("fin runs\nfrom catch\nKeyError\nswallowed\n", output("""
                try {
                  try { raise ValueError("a") } catch ValueError e { raise KeyError("from catch") } finally { print "fin runs" }
                } catch KeyError e { print e.message }
                try { try { raise ValueError("a") } finally { raise KeyError("b") } } catch Error e { print e.kind }
                fn swallow() { for i in [1] { try { raise ValueError("x") } finally { break } }; return "swallowed" }
                print swallow()
                """));
    }

    @Test
    void aCatchOfAnotherKindLetsTheErrorPropagate() {
        assertEquals("outer KeyError k\n", output("""
                fn inner() {
                  try { raise KeyError("k") } catch ValueError | IndexError e { print "wrong" }
                  print "not reached"
                }
                try { inner() } catch KeyError e { print "outer", e.kind, e.message }
                """));
        assertEquals("KeyError: k", failure("try { raise KeyError(\"k\") } catch ValueError e { }\n"));
    }

    @Test
    void raiseOfAStringIsARuntimeError() {
        assertEquals("RuntimeError boom\n", output("try { raise \"boom\" } catch RuntimeError e { print e.kind, e.message }\n"));
        assertEquals("RuntimeError: boom", failure("raise \"boom\"\n"));
    }

    @Test
    void assertWithAndWithoutMessage() {
        assertEquals("AssertionError nope 3\nAssertionError assertion failed\nfine\n", output("""
                x = 3
                try { assert x == 2, "nope {x}" } catch Error e { print e.kind, e.message }
                try { assert false } catch AssertionError e { print e.kind, e.message }
                assert x == 3, "never shown"
                print "fine"
                """));
        assertEquals("AssertionError: size must be positive", failure("n = -1\nassert n > 0, \"size must be positive\"\n"));
    }

    @Test
    void ifElifElse() {
        assertEquals("small\nmedium\nlarge\n", output("""
                fn size(n) {
                  if n < 10 { return "small" }
                  elif n < 100 { return "medium" }
                  else { return "large" }
                }
                for n in [1, 50, 500] { print size(n) }
                """));
    }

    @Test
    void controlStatementsOutsideTheirPlaceAreCompileErrors() {
        assertEquals("error: 'break' outside a loop", failure("break\n"));
        assertEquals("error: 'continue' outside a loop", failure("if true { continue }\n"));
        assertEquals("error: 'return' outside a function", failure("return 1\n"));
        assertEquals("error: 'nonlocal' outside a function", failure("nonlocal q\n"));
    }
}
