package dev.thr.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import dev.thr.api.ThrException;
import dev.thr.testing.Run;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deadlocks through the embedding API: a stuck run fails with a DeadlockError that says who
 * waits for what; the engine goes on; and programs that only wait for a while are never
 * reported. (Each kind of deadlock has a golden sample in samples/deadlock, and every other
 * sample and docs example runs with detection on, so a false report would fail them too.)
 */
@Timeout(60)
@Execution(ExecutionMode.CONCURRENT)
class DeadlockTest {
    private static final String TWO_LOCKS = """
            a = lock()
            b = lock()
            both = barrier(2)
            fn one() { with a { both.wait(); with b { } } }
            fn two() { with b { both.wait(); with a { } } }
            t1 = spawn one()
            t2 = spawn two()
            join t1, t2
            """;

    @Test
    void aStuckRunFailsWithADeadlockErrorAndTheEngineGoesOn() throws Exception {
        ThrEngine engine = Thr.builder().stdout(new StringWriter()).stderr(new StringWriter()).build();
        ThrException e = assertThrows(ThrException.class, () -> engine.eval(TWO_LOCKS));
        assertEquals("DeadlockError", e.kind());
        assertEquals("Thread-1 (one) and Thread-2 (two) wait for each other: neither can go on.", e.detail());
        assertTrue(e.getMessage().contains("Thread-1 (one) waits for lock b (line 2) at line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("held by Thread-2 (two) since line 5"), e.getMessage());
        assertEquals(0, engine.liveThreads(), "the stuck threads were stopped");
        assertEquals(3L, engine.eval("1 + 2"));
        assertTrue((Boolean) engine.eval("not a.locked() and not b.locked()"), "their locks were let go on the way out");
    }

    @Test
    void manyThreadsWaitingAlikeTakeOneLineOfTheReport() throws Exception {
        ThrEngine engine = Thr.builder().stdout(new StringWriter()).stderr(new StringWriter()).build();
        ThrException e = assertThrows(ThrException.class, () -> engine.eval("""
                go = event()
                fn waiter() { go.wait() }
                ts = [spawn waiter() for _ in range(40)]
                q = queue()
                spawn fn() { q.get() }()
                join ts[0]
                """));
        assertEquals("DeadlockError", e.kind());
        String[] lines = e.getMessage().split("\n");
        assertEquals(4, lines.length, e.getMessage());
        assertEquals("  MainThread waits to join Thread-1 (waiter) at line 6: `join ts[0]`", lines[1]);
        assertEquals("  Thread-1 (waiter) to Thread-40 (waiter), 40 threads, wait for event go (line 1) to be set at line 2: `fn waiter() { go.wait() }`",
                lines[2]);
        assertTrue(lines[3].startsWith("  Thread-41 (<lambda>) waits to get from queue q (line 4), which is empty, at line 5"), e.getMessage());
    }

    @Test
    void fewThreadsWaitingAlikeKeepTheirLinesInThreadOrder() throws Exception {
        ThrEngine engine = Thr.builder().stdout(new StringWriter()).stderr(new StringWriter()).build();
        ThrException e = assertThrows(ThrException.class, () -> engine.eval("""
                e = event()
                q = queue()
                fn a() { e.wait() }
                fn b() { q.get() }
                t1 = spawn a()
                t2 = spawn b()
                t3 = spawn a()
                join t1
                """));
        String[] lines = e.getMessage().split("\n");
        assertEquals(5, lines.length, e.getMessage());
        assertTrue(lines[2].startsWith("  Thread-1 (a) waits for event e"), e.getMessage());
        assertTrue(lines[3].startsWith("  Thread-2 (b) waits to get from queue q"), e.getMessage());
        assertTrue(lines[4].startsWith("  Thread-3 (a) waits for event e"), e.getMessage());
    }

    @Test
    void threadsLeftStuckAfterTheMainCodeFailTheWaitForThem() throws Exception {
        ThrEngine engine = Thr.builder().stdout(new StringWriter()).stderr(new StringWriter()).build();
        engine.run(engine.compile("s.thr", "q = queue()\nspawn fn() { q.get() }()\n"));
        ThrException e = assertThrows(ThrException.class, engine::awaitThreads);
        assertEquals("DeadlockError", e.kind());
        assertTrue(e.getMessage().contains("waits to get from queue q (line 1), which is empty, at line 2"), e.getMessage());
    }

    @Test
    void aCycleNobodyWaitsForIsWrittenToTheErrorOutput() throws Exception {
        StringWriter err = new StringWriter();
        ThrEngine engine = Thr.builder().stdout(new StringWriter()).stderr(err).build();
        // the main code ends at once; the cycle forms in threads no host call waits for
        engine.run(engine.compile("s.thr", TWO_LOCKS.replace("join t1, t2", "")));
        for (int i = 0; i < 3000 && err.toString().isEmpty(); i++) Thread.sleep(10);
        assertTrue(err.toString().startsWith("deadlock in s.thr: Thread-1 (one) and Thread-2 (two) wait for each other"), err.toString());
        assertEquals(0, engine.liveThreads(), "the report comes once the threads have stopped");
    }

    @Test
    void aStuckRunIsStoppedButThreadsAnEarlierRunLeftWaitingGoOn() throws Exception {
        ThrEngine engine = Thr.builder().stdout(new StringWriter()).stderr(new StringWriter()).build();
        // as in a REPL: one run leaves a worker waiting, a later one gets stuck
        engine.run(engine.compile("a.thr", "q = queue()\ngot = []\nw = spawn fn() { got.append(q.get()) }()\n"));
        ThrException e = assertThrows(ThrException.class, () -> engine.eval("ev = event()\nev.wait()"));
        assertEquals("DeadlockError", e.kind());
        assertTrue(e.getMessage().contains("MainThread waits for event ev (line 1) to be set"), e.getMessage());
        assertTrue(e.getMessage().contains("waits to get from queue q (a.thr:1), which is empty"), e.getMessage());
        assertEquals(1, engine.liveThreads(), "the earlier run's worker still waits");
        engine.eval("q.put(7)\njoin w");
        assertEquals(java.util.List.of(7L), engine.global("got"));
    }

    @Test
    void aCycleOfDaemonsIsReportedAndTheProgramGoesOn() {
        Run r = Run.of("d.thr", """
                a = lock()
                b = lock()
                both = barrier(2)
                fn one() { with a { both.wait(); with b { } } }
                fn two() { with b { both.wait(); with a { } } }
                t1 = thread(one, daemon=true)
                t2 = thread(two, daemon=true)
                t1.start(); t2.start()
                print t1.join(1.5)
                print "main done"
                """);
        assertEquals(0, r.status(), r.stderr());
        assertEquals("false\nmain done\n", r.stdout());
        assertTrue(r.stderr().startsWith("deadlock in d.thr: Thread-1 (one) and Thread-2 (two) wait for each other"), r.stderr());
    }

    @Test
    void detectionCanBeTurnedOff() {
        ThrEngine engine = Thr.builder().stdout(new StringWriter()).stderr(new StringWriter())
                .detectDeadlocks(false).timeout(Duration.ofMillis(1500)).build();
        ThrException e = assertThrows(ThrException.class, () -> engine.eval(TWO_LOCKS));
        assertEquals("LimitError", e.kind());
    }

    @Test
    void waitingForSomethingThatWillComeIsNotADeadlock() {
        // every thread here waits without a timeout for a while, for a thread that sleeps first
        String out = Run.output("""
                q = queue()
                e = event()
                c = condition()
                done = []
                fn producer() {
                  sleep 0.6
                  q.put("item")
                  sleep 0.6
                  e.set()
                  sleep 0.6
                  with c { done.append(1); c.notify_all() }
                }
                fn consumer() {
                  print q.get()
                  e.wait()
                  print "event"
                  with c { c.wait_for(fn() => len(done) > 0) }
                  print "notified"
                }
                p = spawn producer()
                k = spawn consumer()
                join k
                join p
                """);
        assertEquals("item\nevent\nnotified\n", out);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a timed wait always ends: never reported, however long it waits
        "e = event()\nprint e.wait(1.2)",
        "q = queue()\ntry { q.get(timeout=1.2) } catch QueueEmpty { print false }",
        "l = lock()\nl.acquire()\nt = spawn fn() { print l.acquire(timeout=1.2) }()\njoin t",
        // joining a thread that is still running (sleeping) is not a deadlock
        "t = spawn fn() { sleep 1.2; print false }()\njoin t",
        // a daemon that sleeps may still wake the others: not reported
        "q = queue()\nspawn fn() { sleep 1.2; q.put(false) }()\nprint q.get()",
        // a lock taken by acquire() may be released by any thread: handing it over is no deadlock
        "done = lock()\ndone.acquire()\nspawn fn() { sleep 1.2; done.release() }()\ndone.acquire()\nprint false",
    })
    void timedAndSleepingWaitsAreNeverReported(String source) {
        assertEquals("false\n", Run.output(source));
    }

    @Test
    void busyLockingThreadsAreNotReported() {
        // the lock is fought over all the time: many threads blocked, but one always runs
        assertEquals("40000\n", Run.output("""
                n = 0
                l = lock()
                fn work() {
                  global n
                  for i in range(5000) { with l { n += 1 } }
                }
                ts = [spawn work() for i in range(8)]
                for t in ts { join t }
                print n
                """));
    }

    @Test
    void aPingPongOfConditionsIsNotReported() {
        assertEquals("done\n", Run.output("""
                c = condition()
                turn = 0
                fn player(me) {
                  global turn
                  for i in range(300) {
                    with c {
                      c.wait_for(fn() => turn == me)
                      turn = 1 - me
                      c.notify_all()
                    }
                  }
                }
                a = spawn player(0)
                b = spawn player(1)
                join a, b
                print "done"
                """));
    }
}
