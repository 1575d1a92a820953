package dev.thr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.api.Thr;
import dev.thr.testing.Run;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Exploring schedules: classic bugs are found, each failure replays from its seed, correct programs pass. */
@Timeout(120)
@Execution(ExecutionMode.CONCURRENT)
class ExplorerTest {
    private static Explorer.Result explore(String source, int schedules) throws Exception {
        return Explorer.explore("bug.thr", source, List.of(), new Explorer.Options(schedules, Duration.ofMinutes(1), 1), null);
    }

    private static final String LOST_UPDATE = """
            counter = 0
            fn work() {
              global counter
              for i in range(3) { counter += 1 }
            }
            ts = [spawn work() for i in range(2)]
            for t in ts { join t }
            assert counter == 6, "lost an update: {counter}"
            """;

    @Test
    void aLostUpdateIsFoundAndItsSeedReplaysIt() throws Exception {
        Explorer.Result r = explore(LOST_UPDATE, 100);
        assertEquals(100, r.runs());
        assertEquals(1, r.failures().size(), "one failure, whatever value was lost: " + r.failures());
        Explorer.Failure f = r.failures().get(0);
        assertEquals("bug.thr:8:1: AssertionError", f.fingerprint());
        Run replay = Run.of("bug.thr", LOST_UPDATE, Thr.builder().simulate(f.seed()));
        assertEquals(1, replay.status());
        assertEquals(f.report(), replay.stderr());
    }

    private static final String LOCK_ORDER = """
            a = lock()
            b = lock()
            fn one() { with a { with b { } } }
            fn two() { with b { with a { } } }
            t1 = spawn one()
            t2 = spawn two()
            join t1, t2
            """;

    @Test
    void aLockOrderDeadlockIsFound() throws Exception {
        Explorer.Result r = explore(LOCK_ORDER, 100);
        assertEquals(1, r.failures().size(), r.failures().toString());
        assertEquals("Thread-1 (one) and Thread-2 (two) wait for each other: neither can go on.", r.failures().get(0).fingerprint());
        Run replay = Run.of("bug.thr", LOCK_ORDER, Thr.builder().simulate(r.failures().get(0).seed()));
        assertEquals(3, replay.status(), "the seed replays the deadlock");
    }

    @Test
    void anErrorInAThreadCountsAsAFailure() throws Exception {
        Explorer.Result r = explore("""
                items = []
                fn taker() { items.pop() }
                t = spawn taker()
                items.append(1)
                join t
                """, 60);
        assertTrue(r.failures().stream().anyMatch(f -> f.fingerprint().equals("bug.thr:2:14: IndexError")), r.failures().toString());
    }

    @Test
    void aCorrectProgramPassesAndItsOutcomesAreCounted() throws Exception {
        Explorer.Result r = explore(LOST_UPDATE.replace("counter += 1", "with l { counter += 1 }")
                .replace("counter = 0", "counter = 0\nl = lock()") + "print counter\n", 60);
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        assertEquals(1, r.outcomes().size());
        assertEquals(new Explorer.Outcome("6\n", 1, 60), r.outcomes().get(0));
    }
}
