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

    /** A printable key that starts a longer binding (`"jk"` in an inputrc) is left for JLine to decide. */
    @Test
    void aKeyThatStartsABindingIsNotTypedAsText() throws Exception {
        try (var s = new ScreenSession()) {
            var reader = s.repl.reader();
            reader.getKeyMaps().get(org.jline.reader.LineReader.MAIN)
                    .bind(new org.jline.reader.Reference(org.jline.reader.LineReader.BACKWARD_DELETE_CHAR), "jk");
            s.awaitReading();
            // typed ahead together: jk takes back the 2
            s.keys("v = 12jk\r");
            s.awaitScreen(t -> t.contains("thr> v = 1\n"), "the line edited by the jk binding");
            s.line("v");
            s.awaitScreen(t -> t.contains("=> 1\n"), "v is 1");
        }
    }
}
