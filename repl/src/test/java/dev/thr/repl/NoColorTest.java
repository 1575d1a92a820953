package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** thr --no-color (and NO_COLOR, which the command turns into the same choice): a session without colours. */
class NoColorTest {
    /** Typed code, its echoed value and an error: everything a session colours. */
    private static void colourfulThings(ScreenSession s) throws Exception {
        s.line("if true { print \"text\" }");
        s.line("1 + 2");
        s.line("1 / 0");
        s.awaitScreen(t -> t.contains("=> 3") && t.contains("ZeroDivisionError"), "the value and the error");
        s.awaitReading();
        s.keys("while false { } # typed, not run");
        s.awaitScreen(t -> t.contains("# typed, not run"), "the typed line");
    }

    @Test
    void aSessionIsColouredByDefault() throws Exception {
        try (var s = new ScreenSession(true)) {
            colourfulThings(s);
            assertTrue(s.coloured(), "some colour on the screen");
        }
    }

    @Test
    void withoutColourNothingIsColoured() throws Exception {
        try (var s = new ScreenSession(false)) {
            colourfulThings(s);
            assertFalse(s.coloured(), "no colour on the screen");
        }
    }
}
