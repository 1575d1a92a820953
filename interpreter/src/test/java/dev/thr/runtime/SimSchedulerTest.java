package dev.thr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.api.Thr;
import dev.thr.testing.Run;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The deterministic scheduler: repeatable runs, virtual time, and races that show up and replay. */
@Timeout(60)
@Execution(ExecutionMode.CONCURRENT)
class SimSchedulerTest {
    private static String sim(long seed, String source) {
        Run r = Run.of("sim.thr", source, Thr.builder().simulate(seed));
        if (r.status() != 0) throw new AssertionError("status " + r.status() + ":\n" + r.stderr());
        return r.stdout();
    }

    private static final String RACE = """
            counter = 0
            fn work() {
              global counter
              for i in range(1000) { counter += 1 }
            }
            ts = [spawn work() for i in range(2)]
            for t in ts { join t }
            print counter
            """;

    @Test
    void anUnlockedCounterLosesUpdatesAndASeedReplaysTheSameLoss() {
        Set<String> outcomes = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) {
            String first = sim(seed, RACE);
            assertEquals(first, sim(seed, RACE), "seed " + seed + " ran differently twice");
            outcomes.add(first);
        }
        assertTrue(outcomes.stream().anyMatch(o -> !o.equals("2000\n")), "no seed lost an update: " + outcomes);
    }

    @Test
    void aLockedCounterNeverLosesOne() {
        String locked = RACE.replace("counter += 1", "with l { counter += 1 }").replace("counter = 0", "counter = 0\nl = lock()");
        for (long seed = 1; seed <= 5; seed++) assertEquals("2000\n", sim(seed, locked));
    }

    @Test
    void timeIsVirtual() {
        // a thousand seconds of sleep, a timeout and a join timeout, all at once
        assertEquals("1000.0\nfalse 1005.0\nfalse 1007.0\n1767226607.0\n", sim(1, """
                sleep 1000
                print now()
                e = event()
                print e.wait(5), now()
                t = spawn fn() { sleep 60 }()
                print t.join(2), now()
                print time()
                """));
    }

    @Test
    void aStoppedDaemonUnwindsAndNothingIsLeftBehind() throws Exception {
        // the daemon holds a lock in a long sleep when the program ends: stopping it must
        // let it unwind (its release is a scheduling point) and leave no thread alive
        var engine = Thr.builder().simulate(3).stdout(new java.io.StringWriter()).build();
        engine.runMain(engine.compile("d.thr", """
                l = lock()
                d = thread(fn() { with l { sleep 100 } }, daemon=true)
                d.start()
                sleep 1
                """));
        engine.cancel();
        assertEquals(0, engine.liveThreads());
    }

    @Test
    void anItemUpdatedInPlaceLosesUpdatesToo() {
        Set<String> outcomes = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) outcomes.add(sim(seed, """
                c = [0]
                fn work() { for i in range(200) { c[0] += 1 } }
                ts = [spawn work() for i in range(2)]
                for t in ts { join t }
                print c[0]
                """));
        assertTrue(outcomes.stream().anyMatch(o -> !o.equals("400\n")), "no seed lost an update: " + outcomes);
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        String program = """
                ts = [spawn fn(n) { for i in range(3) { print n } }(k) for k in range(3)]
                for t in ts { join t }
                """;
        Set<String> orders = new HashSet<>();
        for (long seed = 1; seed <= 8; seed++) orders.add(sim(seed, program));
        assertTrue(orders.size() > 1, "every seed ran the threads in the same order");
    }

    @Test
    void aThreadThatSpinsMakesTimePassWhileOneThatComputesDoesNot() {
        String spin = """
                done = false
                fn later() { global done; sleep 0.5; done = true }
                t = spawn later()
                while not done { }
                print "flag set at", round(now(), 1)
                start = now()
                while now() - start < 1 { }
                print "a second later:", round(now() - start, 1)
                c = now()
                total = 0
                for i in range(100000) { total += i }
                print "computing took", now() - c
                """;
        for (long seed : new long[] {1, 2, 3}) {
            assertEquals("flag set at 0.5\na second later: 1.0\ncomputing took 0.0\n", sim(seed, spin));
        }
        String computes = """
                fn ticker() { sleep 0.1; print "tick" }
                t = spawn ticker()
                total = 0
                for i in range(200000) { total += i }
                print "computed"
                join t
                """;
        assertEquals("computed\ntick\n", sim(1, computes), "a loop on its own variables moves no clock");
    }
}
