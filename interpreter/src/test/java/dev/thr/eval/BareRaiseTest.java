package dev.thr.eval;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A bare `raise` raises the error being handled again, as Python's does. */
class BareRaiseTest {
    @Test
    void insideACatchBlockItRaisesTheHandledErrorAgain() {
        assertEquals("inner\nouter ValueError bad\n", output("""
                try {
                  try { raise ValueError("bad") } catch ValueError { print "inner"; raise }
                } catch Error e { print "outer", e.kind, e }
                """));
    }

    @Test
    void aFunctionCalledFromACatchBlockMayRaiseItAgainToo() {
        assertEquals("KeyError k\n", output("""
                fn log_and_raise() { raise }
                try {
                  try { raise KeyError("k") } catch KeyError { log_and_raise() }
                } catch KeyError e { print e.kind, e }
                """));
    }

    @Test
    void afterTheCatchBlockNothingIsHandledAnyMore() {
        String report = failure("""
                try { raise ValueError("v") } catch ValueError { }
                raise
                """);
        assertTrue(report.startsWith("RuntimeError: raise without a value"), report);
    }
}
