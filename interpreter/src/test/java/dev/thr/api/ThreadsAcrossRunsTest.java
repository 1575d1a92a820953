package dev.thr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thread made by one run (a REPL's snippet) and started by a later one belongs to the run
 * that starts it: threads() lists it, and cancel() stops it.
 */
@Timeout(60)
class ThreadsAcrossRunsTest {
    @Test
    void aThreadMadeEarlierAndStartedLaterIsSeenAndStopped() throws Exception {
        ThrEngine engine = Thr.builder().build();
        engine.run(engine.compileInteractive("1", "e = event()\nt = thread(fn() { e.wait() }, name=\"late\")"));
        engine.run(engine.compileInteractive("2", "t.start()"));
        assertEquals(java.util.List.of("late"), engine.run(engine.compileInteractive("3",
                "[x.name for x in threads() if x.name != \"MainThread\"]")));
        assertEquals(1, engine.liveThreads());
        engine.cancel();
        assertEquals(0, engine.liveThreads());
    }
}
