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

    /** Builds an engine that replays a run as its replay line says. */
    static Thr.Builder replaying(Explorer.Replay r) {
        return r.schedule() == null ? Thr.builder().simulate(r.seed()) : Thr.builder().simulate(r.seed(), r.schedule());
    }

    @Test
    void aLostUpdateIsFoundShrunkToOnePreemptionAndReplayed() throws Exception {
        Explorer.Result r = explore(LOST_UPDATE, 100);
        assertTrue(r.runs() <= 100);
        assertEquals(1, r.failures().size(), "one failure, whatever value was lost: " + r.failures());
        Explorer.Failure f = r.failures().get(0);
        assertEquals("bug.thr:8:1: AssertionError", f.fingerprint());
        assertEquals(1, f.preemptions(), "one thread stopped between its read and its write is enough");
        Run replay = Run.of("bug.thr", LOST_UPDATE, replaying(f.replay()));
        assertEquals(1, replay.status());
        assertEquals(f.report(), replay.stderr());
        assertTrue(f.story().stream().anyMatch(l -> l.contains("is lost")), String.join("\n", f.story()));
        assertTrue(f.story().stream().anyMatch(l -> l.startsWith("-- switch: ") && l.contains("before it writes counter")),
                String.join("\n", f.story()));
        assertTrue(f.story().size() <= Explorer.STORY_LINES);
    }

    @Test
    void aStoryTellsADeletion() throws Exception {
        Explorer.Result r = explore("""
                m = {"a": 1}
                fn take() {
                  if "a" in m { del m["a"] }
                }
                ts = [spawn take(), spawn take()]
                for t in ts { join t }
                """, 300);
        assertEquals(1, r.failures().size(), r.failures().toString());
        List<String> story = r.failures().get(0).story();
        assertTrue(story.stream().anyMatch(l -> l.contains("deletes m[\"a\"]")), String.join("\n", story));
        assertTrue(story.stream().anyMatch(l -> l.contains("before it deletes m[\"a\"]")), String.join("\n", story));
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
        Run replay = Run.of("bug.thr", LOCK_ORDER, replaying(r.failures().get(0).replay()));
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
        assertEquals("6\n", r.outcomes().get(0).output());
        assertEquals(r.runs(), r.outcomes().get(0).count());
    }

    private static Explorer.Result explore(String source, int schedules, Explorer.Strategies strategy, int shard, int shards)
            throws Exception {
        var o = new Explorer.Options(schedules, Duration.ofMinutes(1), 1, strategy, 0, 2, shard, shards, Duration.ofDays(1));
        return Explorer.explore("bug.thr", source, List.of(), o, null);
    }

    private static final String LOCKED = LOST_UPDATE.replace("counter += 1", "with l { counter += 1 }")
            .replace("counter = 0", "counter = 0\nl = lock()") + "print counter\n";

    @Test
    void theSearchProvesALockedCounterHasOneOutcome() throws Exception {
        Explorer.Result r = explore(LOCKED, 100_000, Explorer.Strategies.SEARCH, 1, 1);
        assertTrue(r.complete(), "the search ran out of schedules within the bound");
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        assertEquals(List.of("6\n"), r.outcomes().stream().map(Explorer.Outcome::output).toList());
    }

    @Test
    void theSearchFindsTheLostUpdateWithTheFewestPreemptionsFirst() throws Exception {
        Explorer.Result r = explore(LOST_UPDATE, 100_000, Explorer.Strategies.SEARCH, 1, 1);
        assertTrue(r.complete());
        assertEquals(1, r.failures().size(), r.failures().toString());
        assertEquals(1, r.failures().get(0).preemptions());
    }

    @Test
    void shardsShareTheSearchOutAndTogetherSeeEveryOutcome() throws Exception {
        String racy = LOST_UPDATE.replace("assert counter == 6, \"lost an update: {counter}\"", "print counter");
        Explorer.Result whole = explore(racy, 100_000, Explorer.Strategies.SEARCH, 1, 1);
        java.util.Set<String> seen = new java.util.TreeSet<>();
        int runs = 0;
        for (int shard = 1; shard <= 3; shard++) {
            Explorer.Result part = explore(racy, 100_000, Explorer.Strategies.SEARCH, shard, 3);
            assertTrue(part.complete());
            assertTrue(part.runs() < whole.runs(), "a shard does a part of the work");
            runs += part.runs();
            part.outcomes().forEach(o -> seen.add(o.output()));
        }
        assertTrue(runs >= whole.runs());
        assertEquals(new java.util.TreeSet<>(whole.outcomes().stream().map(Explorer.Outcome::output).toList()), seen);
    }

    @Test
    void randomSeedsAreSharedOutByShard() throws Exception {
        // every run prints something else (random() draws from the run's seed): each outcome's replay names its seed
        String each = "print random()\n";
        for (int shard = 1; shard <= 2; shard++) {
            Explorer.Result r = explore(each, 6, Explorer.Strategies.RANDOM, shard, 2);
            int s = shard;
            assertEquals(6, r.outcomes().size());
            assertTrue(r.outcomes().stream().allMatch(o -> (o.replay().seed() - 1) % 2 == s - 1), r.outcomes().toString());
        }
    }

    @Test
    void pctFindsTheLockOrderDeadlock() throws Exception {
        Explorer.Result r = explore(LOCK_ORDER, 200, Explorer.Strategies.PCT, 1, 1);
        assertEquals(1, r.failures().size(), r.failures().toString());
        Run replay = Run.of("bug.thr", LOCK_ORDER, replaying(r.failures().get(0).replay()));
        assertEquals(3, replay.status(), "the schedule replays the deadlock");
        List<String> story = r.failures().get(0).story();
        assertTrue(story.stream().anyMatch(l -> l.contains("waits to take b")) && story.stream().anyMatch(l -> l.contains("waits to take a")),
                String.join("\n", story));
    }

    @Test
    void anInterruptedExplorationStopsAndSaysSo() throws Exception {
        Thread.currentThread().interrupt();
        try {
            Explorer.Result r = explore(LOST_UPDATE, 100);
            assertTrue(r.stopped());
            assertEquals(0, r.runs());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void everyOutcomesReplayPrintsItEveryTime() throws Exception {
        String two = """
                fn say(word) { for i in range(2) { print word } }
                a = spawn say("a")
                b = spawn say("b")
                join a, b
                """;
        Explorer.Result r = explore(two, 100_000, Explorer.Strategies.SEARCH, 1, 1);
        assertTrue(r.complete());
        // two threads of two prints each have six interleavings; as `a` starts first, b a b a needs
        // three preemptions (a stopped before its first print, b after its first, a after its)
        assertEquals(5, r.outcomes().size(), r.outcomes().toString());
        var three = new Explorer.Options(100_000, Duration.ofMinutes(1), 1, Explorer.Strategies.SEARCH, 0, 3, 1, 1, Duration.ofDays(1));
        assertEquals(6, Explorer.explore("bug.thr", two, List.of(), three, null).outcomes().size());
        for (Explorer.Outcome o : r.outcomes()) {
            for (int i = 0; i < 3; i++) assertEquals(o.output(), Run.of("bug.thr", two, replaying(o.replay())).stdout(), o.replay().options());
        }
    }

    @Test
    void declaredOutcomesAreCountedAndOnesNotAllowedFail() throws Exception {
        String counted = LOST_UPDATE.replace("assert counter == 6, \"lost an update: {counter}\"", "expect(counter, [6])");
        Explorer.Result r = explore(counted, 100_000, Explorer.Strategies.SEARCH, 1, 1);
        assertTrue(r.declared());
        assertEquals(1, r.failures().size(), r.failures().toString());
        assertTrue(r.failures().get(0).report().contains("AssertionError: 3 is not one of the outcomes allowed: [6]")
                || r.failures().get(0).report().contains("is not one of the outcomes allowed: [6]"), r.failures().get(0).report());
        var byValue = new java.util.TreeMap<String, Explorer.Outcome>();
        r.outcomes().forEach(o -> byValue.put(o.output(), o));
        assertEquals(java.util.Set.of("3\n", "4\n", "5\n", "6\n"), byValue.keySet());
        assertEquals(0, byValue.get("6\n").failed());
        assertEquals(byValue.get("5\n").count(), byValue.get("5\n").failed());
    }
}
