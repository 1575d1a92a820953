package dev.thr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Main programs on reused threads must look to each run as a thread of its own did. */
@Isolated // sets the JVM's default handler of uncaught errors for a moment
class MainCarriersTest {
    private final MainCarriers carriers = new MainCarriers(1 << 20);

    private static void ran(Strand s) throws InterruptedException {
        s.start();
        assertTrue(s.join(TimeUnit.SECONDS.toNanos(20)), "the run ended");
        assertFalse(s.isAlive());
    }

    @RepeatedTest(50) // the thread must be idle again by the time its run is seen to end
    void runsOneAfterAnotherShareAThreadNamedAfterEachRun() throws Exception {
        AtomicReference<String> first = new AtomicReference<>(), second = new AtomicReference<>();
        Strand a = carriers.strand("MainThread", () -> first.set(Thread.currentThread().getName()));
        assertFalse(a.isAlive(), "not alive before it starts");
        ran(a);
        Strand b = carriers.strand("Other", () -> second.set(Thread.currentThread().getName()));
        ran(b);
        assertEquals("MainThread", first.get());
        assertEquals("Other", second.get());
        assertEquals(a.id(), b.id(), "the second run took the idle thread");
    }

    @RepeatedTest(20)
    void anInterruptReachesItsOwnRunOnly() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Strand a = carriers.strand("a", () -> {
            waiting.countDown();
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        a.start();
        waiting.await();
        a.interrupt();
        assertTrue(a.join(TimeUnit.SECONDS.toNanos(20)));
        assertTrue(interrupted.get(), "the running program was interrupted");
        a.interrupt(); // too late: the run has ended
        AtomicBoolean leaked = new AtomicBoolean(true);
        ran(carriers.strand("b", () -> leaked.set(Thread.currentThread().isInterrupted())));
        assertFalse(leaked.get(), "an interrupt for an ended run reached the next one");
    }

    @Test
    void runsAtTheSameTimeEachGetAThread() throws Exception {
        CyclicBarrier both = new CyclicBarrier(2);
        AtomicBoolean met = new AtomicBoolean(true);
        Runnable body = () -> {
            try {
                both.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                met.set(false);
            }
        };
        Strand a = carriers.strand("a", body), b = carriers.strand("b", body);
        a.start();
        b.start();
        assertTrue(a.join(TimeUnit.SECONDS.toNanos(30)) && b.join(TimeUnit.SECONDS.toNanos(30)));
        assertTrue(met.get(), "both ran at once");
    }

    @Test
    void anErrorThatEscapesARunLeavesTheThreadUsable() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        AtomicReference<Throwable> reported = new AtomicReference<>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> reported.set(e));
        try {
            ran(carriers.strand("a", () -> { throw new IllegalStateException("boom"); }));
            AtomicBoolean second = new AtomicBoolean();
            ran(carriers.strand("b", () -> second.set(true)));
            assertTrue(second.get());
            assertEquals("boom", reported.get().getMessage());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
