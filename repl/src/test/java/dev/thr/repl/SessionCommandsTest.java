package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** :history, :save and :exit!, typed in a session on JLine's virtual screen. */
class SessionCommandsTest {
    @Test
    void historyListsTheSessionsInputsNumberedAsErrorsNameThem() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("x = 10");
            s.line("x / 0");
            s.line("fn f() {");
            s.line("return x");
            s.line("}");
            s.line(":reset");
            s.line("1 +");
            s.line("1");
            s.line(":history");
            s.awaitScreen(t -> t.contains("""
                    thr> :history
                       1  x = 10
                       2  x / 0
                       3  fn f() {
                            return x
                          }
                          :reset
                       4  1 +
                          1
                    thr>"""), "the history, numbered");
            assertTrue(s.screen().contains("<input 2>:1:3: ZeroDivisionError"), s.screen());
        }
    }

    @Test
    void saveWritesTheInputsThatRanWithoutErrorSinceTheLastReset(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("lib.thr");
        Files.writeString(lib, "fn twice(n) { return 2 * n }\n");
        Path saved = dir.resolve("session.thr");
        try (var s = new ScreenSession()) {
            s.line("gone = 1");
            s.line(":reset");
            s.line("y = 2");
            s.line("y / 0");
            s.line("sleep 60");
            s.awaitMain("sleeping");
            s.interrupt();
            s.line(":load " + lib);
            s.line("z = twice(y) +");
            s.line("1");
            s.line("undefined_name");
            s.line(":save " + saved);
            s.awaitScreen(t -> t.contains("Saved 3 inputs to " + saved + "."), "the file saved");
            assertEquals("y = 2\n# :load " + lib + "\nfn twice(n) { return 2 * n }\nz = twice(y) +\n1\n", Files.readString(saved));
        }
        // the saved file is a script that does what the session did
        var engine = dev.thr.api.Thr.builder().build();
        assertEquals(5L, engine.eval(Files.readString(saved) + "z"));
    }

    @Test
    void saveNeverReplacesAFileUnlessAskedTo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.thr");
        Files.writeString(file, "precious\n");
        try (var s = new ScreenSession()) {
            s.line(":save " + file);
            s.awaitScreen(t -> t.contains("Nothing to save: no input has run without error."), "nothing to save");
            s.line("a = 1");
            s.line(":save " + file);
            // the message is wider than the screen and wraps where the file's name makes it (a space there is lost)
            String refusal = (file + " exists: :save! " + file + " replaces it.").replaceAll("\\s", "");
            s.awaitScreen(t -> t.replaceAll("\\s", "").contains(refusal), "the refusal");
            assertEquals("precious\n", Files.readString(file));
            s.line(":save! " + file);
            s.awaitScreen(t -> t.contains("Saved 1 input to " + file + "."), "the file replaced");
            assertEquals("a = 1\n", Files.readString(file));
        }
    }

    @Test
    void exitBangLeavesWithoutWaitingForThreads() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("never = event()");
            s.line("spawn fn() { never.wait() }()");
            s.awaitThread("Thread-1 (<lambda>)", "waiting");
            s.line(":exit!");
            assertTrue(s.ended(), ":exit! leaves while the thread still waits");
            assertEquals(0, s.status);
            assertTrue(s.screen().contains("1 thread had not finished and ended with the session: Thread-1 (<lambda>)."), s.screen());
            assertFalse(s.screen().contains("Waiting for"), s.screen());
        }
    }
}
