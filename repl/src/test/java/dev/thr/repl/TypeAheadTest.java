package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Keys that arrive together (a paste without bracketed paste, typing ahead) go into the line in
 * one piece, yet every key that is not a plain character still does its own job.
 */
class TypeAheadTest {
    @Test
    void aPasteOfSeveralLinesRunsEachLineWithItsKeys() throws Exception {
        try (var s = new ScreenSession()) {
            s.awaitReading();
            // Ctrl-A in the middle moves to the line's start: the first line becomes a comment
            s.keys("xs = [1, 2]\u0001# \r" + "if true {\rprint(\"inside\")\r}\r" + "w = \"héllo 🙂\"\rprint(len(w), w)\r");
            s.awaitScreen(t -> t.contains("7 héllo 🙂"), "the last pasted line run");
            String screen = s.screen();
            assertTrue(screen.contains("thr> # xs = [1, 2]"), screen);
            assertTrue(screen.contains("inside"), screen);
            // the brace that starts a continuation line went back to the margin
            assertTrue(screen.contains("..3> }\n"), screen);
            s.line("xs");
            s.awaitScreen(t -> t.contains("NameError: name 'xs' is not defined"), "the commented line never ran");
        }
    }
}
