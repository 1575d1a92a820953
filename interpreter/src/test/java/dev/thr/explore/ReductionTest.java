package dev.thr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.testing.GoldenFiles;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search's partial-order reduction leaves out only schedules that reorder commuting
 * steps: on every program whose whole search finishes here, it sees the same outcomes and the
 * same failures as the search without it, in no more runs. Checked on the samples that are
 * small enough and on seeded random programs mixing every kind of step.
 */
@Execution(ExecutionMode.CONCURRENT)
class ReductionTest {
    /** A search that needs more than this many schedules without reduction is left out (it would take too long here). */
    static final int CAP = 1_500;

    static Stream<GoldenFiles> samples() {
        Set<String> small = Set.of("basics/worker_join", "bugs/lost_update", "bugs/check_then_act", "bugs/check_then_act_fixed",
                "bugs/lock_order", "deadlock/barrier_short", "deadlock/condition_never_notified", "deadlock/semaphore_never_released",
                "deadlock/starved_get", "deadlock/unset_event", "tutorial/01_target_function", "tutorial/04_start_once",
                "tutorial/07_args_kwargs", "tutorial/11_names", "tutorial/13_current_thread", "tutorial/15_safe_thread");
        return GoldenFiles.under(GoldenFiles.samplesDir()).stream().filter(s -> small.contains(s.name().replace(".thr", "")));
    }

    private static Explorer.Result search(String name, String source, boolean reduce) throws Exception {
        return search(name, source, reduce, 2, CAP);
    }

    private static Explorer.Result search(String name, String source, boolean reduce, int bound, int cap) throws Exception {
        var o = new Explorer.Options(cap, Duration.ofMinutes(1), 1, Explorer.Strategies.SEARCH, 0, bound, 1, 1, Duration.ofSeconds(5));
        return Explorer.explore(name, source, List.of(), reduce ? o : o.unreduced(), null);
    }

    private static Set<String> outcomes(Explorer.Result r) {
        return r.outcomes().stream().map(Explorer.Outcome::output).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> failures(Explorer.Result r) {
        return r.failures().stream().map(Explorer.Failure::fingerprint).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether the reduced search saw what the whole one saw; false when the whole one did not finish. */
    private static boolean same(String name, String source) throws Exception {
        return same(name, source, 2, CAP);
    }

    private static boolean same(String name, String source, int bound, int cap) throws Exception {
        Explorer.Result whole = search(name, source, false, bound, cap);
        if (!whole.complete()) return false;
        Explorer.Result reduced = search(name, source, true, bound, cap);
        assertTrue(reduced.complete(), name + ": the reduced search did not finish\n" + source);
        assertTrue(reduced.runs() <= whole.runs(), name + ": " + reduced.runs() + " runs reduced, " + whole.runs() + " whole");
        assertEquals(outcomes(whole), outcomes(reduced), name + ": outcomes\n" + source);
        assertEquals(failures(whole), failures(reduced), name + ": failures\n" + source);
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void onTheSamples(GoldenFiles sample) throws Exception {
        assertTrue(same("samples/" + sample.name(), sample.source()), sample + " is no longer small enough for this test");
    }

    /**
     * Programs that once showed a step doing more than it said (a write after a later point,
     * a variable named after a builtin, `del`, `fn` and `catch` at module level, a thread
     * shown, a lock named): each gates a reader on a lock that the writer lets go in the
     * middle of the step, so only the schedule that preempts it there sees the old value.
     */
    static Stream<String> gaps() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/reduction"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gaps")
    void onStepsThatOnceSaidTooLittle(String file) throws Exception {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/reduction", file));
        boolean three = file.contains("_bound3");
        assertTrue(same(file, source, three ? 3 : 2, three ? 5_000 : CAP), file + ": the whole search did not finish");
    }

    /** Steps of every kind: module variables, items, calls, output, locks, a queue, an event, sleeps, the thread table. */
    private static final String[] STEPS = {
        "x = x + 1", "y = y + 1", "v = x", "v = y", "x = y", "print(\"{me} {k}\")", "xs.append(k)", "xs[0] = k",
        "v = len(xs)", "v = xs[0]", "with l { x += 1 }", "with l { y = x }", "sleep(0.01)", "q.put(k)",
        "try { v = q.get(timeout=0.02) } catch err { v = nil }", "e.set()", "v = e.wait(0.02)", "v = active_count()",
        "for i in range(2) { v = i }", "v = k * 2",
    };

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 40).boxed();
    }

    /** A program of two or three threads, each a few steps drawn from the seed. */
    static String program(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("""
                x = 0
                y = 0
                xs = [0]
                l = lock()
                q = queue()
                e = event()
                """);
        int threads = 2 + r.nextInt(2);
        for (int t = 0; t < threads; t++) {
            b.append("fn w").append(t).append("(me) {\n  global x, y\n  k = ").append(t).append('\n');
            int steps = 2 + r.nextInt(3);
            for (int s = 0; s < steps; s++) b.append("  ").append(STEPS[r.nextInt(STEPS.length)]).append('\n');
            b.append("}\n");
        }
        b.append("ts = [");
        for (int t = 0; t < threads; t++) b.append(t == 0 ? "" : ", ").append("spawn w").append(t).append("(\"t").append(t).append("\")");
        b.append("]\nfor t in ts { join t }\nprint(x, y, xs)\n");
        return b.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void onRandomPrograms(long seed) throws Exception {
        same("random-" + seed + ".thr", program(seed)); // a program whose whole search does not finish is left out
    }

    @Test
    void aLostUpdateTakesAQuarterFewerRuns() throws Exception {
        var sample = GoldenFiles.under(GoldenFiles.samplesDir()).stream().filter(s -> s.name().equals("bugs/lost_update.thr")).findFirst().orElseThrow();
        int whole = search("lost_update.thr", sample.source(), false).runs();
        int reduced = search("lost_update.thr", sample.source(), true).runs();
        assertTrue(reduced * 4 < whole * 3, reduced + " runs reduced, " + whole + " whole");
    }
}
