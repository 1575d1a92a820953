package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** `_` and `_err` in a session on JLine's virtual screen. */
class LastResultsTest {
    @Test
    void underscoreIsTheLastValueShown() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("1 + 2");
            s.awaitScreen(t -> t.contains("=> 3"), "=> 3");
            s.line("_ * 10");
            s.awaitScreen(t -> t.contains("=> 30"), "_ * 10 echoing 30");
        }
    }

    @Test
    void statementsAndNilLeaveUnderscoreAlone() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("\"kept\"");
            s.line("x = 9");
            s.line("print \"printed\"");
            s.line("nil");
            s.line("_");
            s.awaitScreen(t -> t.split("=> 'kept'", -1).length == 3, "_ still the last value shown");
        }
    }

    @Test
    void underscoreErrIsTheErrorACatchWouldBind() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("1 / 0");
            s.awaitScreen(t -> t.contains("ZeroDivisionError: division by zero"), "the error");
            s.line("_err.kind");
            s.awaitScreen(t -> t.contains("=> 'ZeroDivisionError'"), "_err.kind");
            s.line("_err.message");
            s.awaitScreen(t -> t.contains("=> 'division by zero'"), "_err.message");
            s.line("fn f() { return [][1] }");
            s.line("f()");
            s.awaitScreen(t -> t.contains("IndexError"), "the second error");
            s.line("print \"got: {_err.kind}: {_err} at {_err.trace[0]}\"");
            s.line("try { f() } catch e { print \"caught: {e.kind}: {e} at {e.trace[0]}\" }");
            // the whole line and the prompt after it: a screen can be read half painted
            s.awaitScreen(t -> t.lines().anyMatch(l -> l.startsWith("caught: ")) && t.endsWith("\nthr>\n"), "the caught error");
            String got = lineAfter(s.screen(), "got: ");
            assertEquals(lineAfter(s.screen(), "caught: "), got, s.screen());
            assertEquals("IndexError: list index 1 out of range at f (<input 4>:1:20)", got);
            s.line("_err.thread");
            s.awaitScreen(t -> t.contains("=> 'MainThread'"), "the thread it escaped from");
        }
    }

    @Test
    void aNameTheUserAssignedIsTheirs() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("40");
            s.line("_ = \"mine\"");
            s.line("5");
            s.line("_");
            s.awaitScreen(t -> t.contains("=> 'mine'"), "the user's _ kept");
            s.line("_err = 1");
            s.line("[][0]");
            s.line("_err");
            s.awaitScreen(t -> t.contains("=> 1\n"), "the user's _err kept");
            s.line(":reset");
            s.line("7");
            s.line("_ + 1");
            s.awaitScreen(t -> t.contains("=> 8"), "the session's _ again after :reset");
            assertFalse(s.screen().contains("=> 6"), s.screen());
        }
    }

    @Test
    void aListInUnderscoreIsTheOneShown() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("[1, 2]");
            s.line("_ + [3]");
            s.awaitScreen(t -> t.contains("=> [1, 2, 3]"), "the list in _");
            s.line("len(_)");
            s.awaitScreen(t -> t.contains("=> 3\n"), "_ updated to the new list");
        }
    }

    private static String lineAfter(String screen, String start) {
        return screen.lines().filter(l -> l.startsWith(start)).findFirst().orElse("").substring(start.length());
    }
}
