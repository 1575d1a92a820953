package dev.thr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Once a run is being stopped nothing new starts in it: a thread waiting for a lock that a
 * stopping thread's `finally` gives back does not take it and run on, and an interrupted
 * `join` does not return as if the thread had ended. Repeated, since these are races.
 */
class CancelRacesTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // the waiter is blocked on the lock; the main program's finally releases it while stopping
        """
        l = lock()
        l.acquire()
        spawn fn() { l.acquire(); after() }()
        while active_count() < 2 { }
        try { ready(); event().wait() } finally { l.release() }
        """,
        // the same with a `with` block holding the lock
        """
        l = lock()
        e = event()
        holding = event()
        fn holder() { with l { holding.set(); ready(); e.wait() } }
        spawn holder()
        holding.wait()
        with l { after() }
        """,
        // a join of a thread that sleeps: interrupted, the code after it must not run
        """
        t = spawn fn() { sleep 3600 }()
        ready()
        join t
        after()
        """,
        // a condition's waiter woken by a notify in a stopping thread's finally
        """
        c = condition()
        fn waiter() { with c { c.wait(); after() } }
        w = spawn waiter()
        while w.state != "waiting" { sleep 0.001 }
        with c { try { ready(); event().wait() } finally { c.notify_all() } }
        """,
        // a queue's consumer fed by a stopping thread's finally
        """
        q = queue()
        spawn fn() { q.get(); after() }()
        try { ready(); event().wait() } finally { q.put(1) }
        """})
    void nothingRunsOnAfterCancel(String program) throws Exception {
        for (int round = 0; round < 25; round++) {
            CountDownLatch ready = new CountDownLatch(1);
            AtomicInteger after = new AtomicInteger();
            ThrEngine engine = Thr.builder()
                    .function("ready", args -> { ready.countDown(); return null; })
                    .function("after", args -> { after.incrementAndGet(); return null; })
                    .build();
            CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return engine.eval(program);
                } catch (InterruptedException e) {
                    return "interrupted";
                } catch (ThrException e) {
                    return e.getMessage();
                }
            });
            ready.await();
            engine.cancel();
            assertEquals("interrupted", run.get(30, TimeUnit.SECONDS));
            assertEquals(0, engine.liveThreads(), "round " + round);
            assertEquals(0, after.get(), "round " + round + ": code after a wait ran while the run was being stopped");
        }
    }
}
