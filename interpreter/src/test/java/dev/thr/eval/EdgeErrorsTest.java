package dev.thr.eval;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.testing.Run;
import org.junit.jupiter.api.Test;

/** Odd corners get Python's error, at their place: never "the Java stack ran out" with no line. */
class EdgeErrorsTest {
    static final String TWO_SELF_LISTS = """
            xs = [1]
            xs.append(xs)
            ys = [1]
            ys.append(ys)
            """;

    @Test
    void listsThatHoldThemselvesAreARecursionErrorAtTheComparison() {
        assertEquals("test.thr:5:10: RecursionError: maximum recursion depth exceeded in comparison",
                firstLine(Run.error(TWO_SELF_LISTS + "print xs in [ys]\n")));
        assertEquals("test.thr:5:10: RecursionError: maximum recursion depth exceeded in comparison",
                firstLine(Run.error(TWO_SELF_LISTS + "print xs < ys\n")));
        assertEquals("test.thr:5:7: RecursionError: maximum recursion depth exceeded (a list or map that holds itself, or is nested thousands deep?)",
                firstLine(Run.error(TWO_SELF_LISTS + "print sorted([xs, ys])\n")));
        assertEquals("test.thr:5:7: RecursionError: maximum recursion depth exceeded (a list or map that holds itself, or is nested thousands deep?)",
                firstLine(Run.error(TWO_SELF_LISTS + "print [xs].index(ys)\n")));
        assertEquals("caught RecursionError\n", output(TWO_SELF_LISTS + "try { [xs].count(ys) } catch RecursionError e { print \"caught\", e.kind }\n"));
    }

    @Test
    void repeatingByAHugeCountIsAnOverflowError() {
        assertEquals("OverflowError: cannot fit 'int' into an index-sized integer", failure("print \"\" * 10 ** 30"));
        assertEquals("OverflowError: cannot fit 'int' into an index-sized integer", failure("print 10 ** 30 * []"));
        assertEquals("[] [] [1, 2]\n", output("print [1, 2][10 ** 5000:], [1, 2][:-10 ** 5000], [1, 2][-10 ** 5000:]\n"));
    }

    @Test
    void aHugeStringInAMessageIsShownByItsEnds() {
        assertEquals("ValueError: could not convert string to float: '" + "1".repeat(40) + "'...'" + "1".repeat(19)
                + "x' (100001 characters)", failure("float(\"1\" * 100000 + \"x\")"));
    }

    @Test
    void aBareRaiseInFinallyRaisesTheErrorOnItsWayOut() {
        assertEquals("ValueError a\n", output("""
                try {
                  try { raise ValueError("a") } finally { raise }
                } catch ValueError e { print e.kind, e }
                """));
        assertTrue(failure("try { x = 1 } finally { raise }").startsWith("RuntimeError: raise without a value"));
    }

    @Test
    void anExpressionTooDeepToBuildPointsAtItsStatement() {
        String err = Run.error("y = 2\nx = 1" + " + 1".repeat(50_000) + "\nprint x\n");
        assertTrue(err.startsWith("test.thr:2:1: error: nested too deeply"), err.substring(0, Math.min(200, err.length())));
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }
}
