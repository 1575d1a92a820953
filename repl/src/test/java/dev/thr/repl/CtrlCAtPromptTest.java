package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ctrl-C at the prompt discards the typed text and says so with ^C, as shells do. */
class CtrlCAtPromptTest {
    /** Types text, waits until it shows, then presses Ctrl-C. */
    private static void discard(ScreenSession s, String text, String shown) throws Exception {
        s.awaitReading();
        s.keys(text);
        s.awaitScreen(t -> t.stripTrailing().endsWith(shown), "the typed text");
        s.keys("\u0003");
    }

    @Test
    void aDiscardedLineIsMarkedAndDoesNotRun() throws Exception {
        try (var s = new ScreenSession()) {
            discard(s, "print \"ran\"", "thr> print \"ran\"");
            s.line("1 + 1");
            s.awaitScreen(t -> t.contains("=> 2"), "the next line running");
            assertTrue(s.screen().contains("thr> print \"ran\"^C\nthr> 1 + 1\n=> 2\n"), s.screen());
            assertTrue(s.screen().lines().noneMatch(l -> l.equals("ran")), s.screen());
        }
    }

    @Test
    void anEmptyLineAndAnUnfinishedSnippetAreMarkedToo() throws Exception {
        try (var s = new ScreenSession()) {
            discard(s, "", "thr>");
            s.line("fn f() {");
            discard(s, "return 1", "..2>   return 1");
            s.line("f");
            s.awaitScreen(t -> t.contains("NameError"), "f never defined");
            assertTrue(s.screen().contains("thr> ^C\nthr> fn f() {\n..2>   return 1^C\nthr> f\n"), s.screen());
        }
    }

    @Test
    void aLineLongerThanTheScreenIsMarkedWhereItEnds() throws Exception {
        try (var s = new ScreenSession()) {
            String text = "x".repeat(120); // 100 columns: the prompt and 95 x on one row, 25 on the next
            discard(s, text, "x".repeat(25));
            s.line("2 + 2");
            s.awaitScreen(t -> t.contains("=> 4"), "the next line running");
            assertTrue(s.screen().contains("\n" + "x".repeat(25) + "^C\nthr> 2 + 2\n"), s.screen());
        }
    }
}
