package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.LineReader;
import org.junit.jupiter.api.Test;

/** Vi keys (from an inputrc or :set) and suggestions from history: off until asked for. */
class EditingModesTest {
    /** The screen's last line: what is drawn at the prompt. */
    private static String promptLine(ScreenSession s) {
        String[] lines = s.screen().split("\n");
        return lines[lines.length - 1];
    }

    /**
     * Types `12 + 1`, then Escape, `0` and `x`: in vi that is command mode, start of line, delete
     * a character, so `2 + 1` runs; in emacs Escape-0 is a count and `x` typed, so `12 + 1x` is
     * an error.
     */
    private static void viEdit(ScreenSession s) throws Exception {
        s.awaitReading();
        s.keys("12 + 1");
        s.keys("\033");
        Thread.sleep(50); // a lone Escape is told from the start of a key sequence by a pause, as in a real terminal
        s.keys("0x\r");
    }

    @Test
    void emacsKeysByDefaultThenViAndBackWithSet() throws Exception {
        try (var s = new ScreenSession()) {
            viEdit(s);
            s.awaitScreen(t -> t.contains("unexpected name 'x'"), "emacs keys: the x was typed");
            s.ran(":set vi");
            assertTrue(s.screen().contains("Editing: vi keys, suggestions from history off."), s.screen());
            viEdit(s);
            s.awaitScreen(t -> t.contains("thr> 2 + 1\n=> 3\nthr>"), "vi keys: the 1 deleted");
            s.ran(":set emacs");
            assertTrue(s.screen().contains("Editing: emacs keys"), s.screen());
            s.ran("{ 1 }"); // thr's own `}` key is bound in both modes
            assertTrue(s.screen().contains("thr> { 1 }\n"), s.screen());
        }
    }

    @Test
    void setEditingModeViInTheInputrcStartsInVi() throws Exception {
        Path inputrc = Files.createTempFile("inputrc", "");
        Files.writeString(inputrc, "# as readline reads it\nset editing-mode vi\n");
        try (var s = new ScreenSession(b -> b.inputrc(inputrc))) {
            viEdit(s);
            s.awaitScreen(t -> t.contains("thr> 2 + 1\n=> 3\nthr>"), "vi keys from the inputrc");
            s.line("{");
            s.line("1 }");
            s.awaitScreen(t -> t.contains("..2>   1 }\n=> ") || t.contains("..2>   1 }\nthr>"), "a block closed in vi's insert mode");
        }
    }

    @Test
    void suggestionsFromHistoryOnlyAfterSetSuggestOnAndRightArrowTakesOne() throws Exception {
        try (var s = new ScreenSession()) {
            s.ran("print(40 + 2)");
            s.awaitReading();
            s.keys("print(4");
            s.awaitScreen(t -> t.endsWith("thr> print(4\n"), "the typed text");
            Thread.sleep(100); // nothing more is drawn: suggestions are off
            assertTrue(promptLine(s).equals("thr> print(4"), s.screen());
            s.keys("\025"); // Ctrl-U: the line is empty again
            s.awaitScreen(t -> t.endsWith("thr>\n"), "the line cleared");
            s.ran(":set suggest on");
            assertTrue(s.screen().contains("suggestions from history on (Right arrow or End takes one)."), s.screen());
            s.awaitReading();
            s.keys("print(4");
            // the suggestion shows from the first key on: wait for all seven typed, then see it is still only shown
            s.awaitScreen(t -> t.endsWith("thr> print(40 + 2)\n") && s.repl.reader().getBuffer().toString().equals("print(4"),
                    "the suggestion after the seven typed keys");
            assertTrue(s.screen().endsWith("thr> print(40 + 2)\n"), "a suggestion is shown, not typed");
            s.keys("\033[C\r"); // Right arrow takes it
            s.awaitScreen(t -> t.split("\n42\n", -1).length == 3, "the suggested line run");
            s.ran(":set suggest off");
            s.awaitReading();
            s.keys("print(4");
            s.awaitScreen(t -> t.endsWith("thr> print(4\n"), "the typed text, no suggestion");
        }
    }

    @Test
    void aQuestionFromInputGetsNoSuggestions() throws Exception {
        try (var s = new ScreenSession()) {
            s.ran(":set suggest on");
            s.ran("a = \"secret\"");
            s.line("x = input(\"? \")");
            s.awaitScreen(t -> t.endsWith("? \n") || t.endsWith("?\n"), "the question");
            s.awaitReading();
            s.keys("a");
            Thread.sleep(100); // an answer is not code: nothing from the history is offered
            assertTrue(promptLine(s).equals("? a"), s.screen());
            assertTrue(s.repl.reader().getAutosuggestion() == LineReader.SuggestionType.NONE);
            s.keys("\r");
            s.ran("x");
            assertTrue(s.screen().contains("=> 'a'"), s.screen());
        }
    }
}
