package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** :kill stops one thread; a huge value, thread table or list of threads left is shortened. */
class KillAndLongOutputTest {
    @Test
    void killStopsOneThreadByNameAndTheOthersGoOn() throws Exception {
        try (var s = new ScreenSession()) {
            s.ran("l = lock()");
            // made and started in one snippet (see the report: a thread started by a later snippet is not listed)
            s.ran("spinner = thread(fn() { with l { while true { } } }, name=\"spinner\"); spinner.start()");
            s.ran("sleeper = spawn fn() { sleep 60 }()");
            s.awaitThread("spinner", "runnable");
            s.line(":kill spinner");
            s.awaitScreen(t -> t.contains("Stopped spinner."), "the thread stopped");
            s.line("l.acquire(timeout=5)");
            s.awaitScreen(t -> t.contains("=> true"), "its lock let go of");
            s.line("[spinner.is_alive(), sleeper.is_alive()]");
            s.awaitScreen(t -> t.contains("=> [false, true]"), "only that thread stopped");
            s.line(":kill nobody");
            s.awaitScreen(t -> t.contains("No running thread is named nobody"), "an unknown thread");
        }
    }

    @Test
    void killTellsThreadsOfOneNameApartByIdent() throws Exception {
        try (var s = new ScreenSession()) {
            s.ran("a = thread(fn() { sleep 60 }, name=\"twin\"); a.start()");
            s.ran("b = thread(fn() { sleep 60 }, name=\"twin\"); b.start()");
            s.line(":kill twin");
            s.awaitScreen(t -> t.contains("2 threads are named twin: :kill one by its ident"), "the two idents");
            s.ran("ai = a.ident");
            long ident = ((Number) s.repl.engine().global("ai")).longValue();
            s.line(":kill " + ident);
            s.awaitScreen(t -> t.contains("Stopped twin."), "a stopped");
            s.line("[a.is_alive(), b.is_alive()]");
            s.awaitScreen(t -> t.contains("=> [false, true]"), "only a stopped");
        }
    }

    @Test
    void aHugeValueIsShortenedOnScreenAndWholeInUnderscore() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("list(range(100000))");
            // the prompt after the value: the echo is on the screen a moment before the prompt is
            s.awaitScreen(t -> t.replace("\n", "").contains("characters left out; the whole value is in _")
                    && t.stripTrailing().endsWith("thr>"), "the value shortened, then the prompt");
            String shown = s.screen().replace("\n", "");
            assertTrue(shown.contains("thr> list(range(100000))=> [0, 1, 2, 3"), "its start:\n" + s.screen());
            assertTrue(shown.contains("99998, 99999]thr>"), "its end:\n" + s.screen());
            s.line("len(_)");
            s.awaitScreen(t -> t.contains("=> 100000"), "the whole value in _");
        }
    }

    @Test
    void aThreadTableOfThousandsOfRowsIsShortened() throws Exception {
        try (var s = new ScreenSession()) {
            // each thread waits at its own line, so the dump cannot group them
            s.ran("go = event()");
            s.ran("fn deep(n) { if n == 0 { go.wait() } else { deep(n - 1) } }");
            s.ran("for i in range(100) { spawn deep(i) }");
            s.line(":threads");
            s.awaitScreen(t -> t.contains("lines left out: :threads all shows them"), "the table shortened");
            s.ran("go.set()");
        }
    }

    @Test
    void leavingWithThousandsOfThreadsNamesAFew() throws Exception {
        try (var s = new ScreenSession()) {
            s.ran("never = event()");
            s.ran("for i in range(2000) { spawn fn() { never.wait() }() }");
            s.line(":exit!");
            assertTrue(s.ended(), ":exit! leaves");
            String screen = s.screen();
            assertTrue(screen.contains("2,000 threads had not finished and ended with the session: Thread-1 (<lambda>), "), screen);
            assertTrue(screen.contains(" and 1,995 more."), screen);
            List<String> longLines = screen.lines().filter(l -> l.length() > 100).toList();
            assertEquals(List.of(), longLines);
            assertFalse(screen.contains("running."), screen);
        }
    }
}
