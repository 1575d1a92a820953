package dev.thr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.value.ThrError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * Locks, rlocks, semaphores, events, conditions, locals and thread bookkeeping, driven directly
 * from Java threads: each Java thread passes its own ThrThread as `self`.
 */
@Timeout(60)
class SyncObjectsJavaTest {
    static final Scheduler SCHEDULER = new JavaScheduler(false, 1L, text -> {}, text -> {});
    static final long FOREVER = -1;

    static ThrThread self(String name) { return new ThrThread(name, false, false); }

    /** Asserts that code throws a thr error of this kind, and returns its message. */
    static String thrError(String kind, Executable code) {
        ThrError e = assertThrows(ThrError.class, code);
        assertEquals(kind, e.error().kind(), e.getMessage());
        return e.error().message();
    }

    /** Polls a condition that another thread's progress makes true, bounded by a count (not the clock). */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 20_000 && !condition.getAsBoolean(); i++) Thread.sleep(0, 500_000);
        assertTrue(condition.getAsBoolean(), what);
    }

    /** Starts a Java thread running body, recording anything it throws. */
    static Thread run(AtomicReference<Throwable> failure, ThrowingRunnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
        t.start();
        return t;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ---- lock -----------------------------------------------------------------------------

    private int counter;

    @Test
    void lockGivesMutualExclusion() throws Exception {
        ThrLock lock = new ThrLock(SCHEDULER);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            ThrThread me = self("T" + k);
            threads.add(run(failure, () -> {
                for (int i = 0; i < 10_000; i++) {
                    lock.acquire(me, FOREVER);
                    try {
                        counter++;
                    } finally {
                        lock.release(me);
                    }
                }
            }));
        }
        for (Thread t : threads) t.join();
        assertNull(failure.get());
        assertEquals(60_000, counter);
        assertFalse(lock.locked());
    }

    @Test
    void lockTimesOutWhileHeldElsewhereAndAnyoneMayRelease() throws Exception {
        ThrLock lock = new ThrLock(SCHEDULER);
        ThrThread a = self("A"), b = self("B");
        assertTrue(lock.acquire(a, FOREVER));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean gotIt = new AtomicBoolean(true);
        Thread other = run(failure, () -> gotIt.set(lock.acquire(b, 0) || lock.acquire(b, 5_000_000)));
        other.join();
        assertNull(failure.get());
        assertFalse(gotIt.get());
        assertTrue(lock.locked());
        lock.release(b); // a plain lock has no owner
        assertFalse(lock.locked());
        assertEquals("release unlocked lock", thrError("RuntimeError", () -> lock.release(a)));
        assertEquals("<lock unlocked>", lock.toString());
        assertEquals("lock", lock.typeName());
    }

    @Test
    void aThreadBlockedOnALockSaysSoUntilItGetsIt() throws Exception {
        ThrLock lock = new ThrLock(SCHEDULER);
        ThrThread holder = self("holder"), waiter = self("waiter");
        lock.acquire(holder, FOREVER);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = run(failure, () -> lock.acquire(waiter, FOREVER));
        eventually("waiter blocked on the lock", () -> waiter.state() == ThreadState.BLOCKED);
        assertSame(lock, waiter.blockedOn());
        lock.release(holder);
        t.join();
        assertNull(failure.get());
        assertEquals(ThreadState.RUNNABLE, waiter.state());
        assertNull(waiter.blockedOn());
        assertTrue(lock.locked());
    }

    @Test
    void anInterruptedWaitThrowsAndLeavesTheStateHonest() throws Exception {
        ThrLock lock = new ThrLock(SCHEDULER);
        ThrThread holder = self("holder"), waiter = self("waiter");
        lock.acquire(holder, FOREVER);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try {
                lock.acquire(waiter, FOREVER);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        t.start();
        eventually("waiter blocked", () -> waiter.state() == ThreadState.BLOCKED);
        t.interrupt();
        t.join();
        assertTrue(interrupted.get());
        assertEquals(ThreadState.RUNNABLE, waiter.state());
        assertTrue(lock.locked());
        lock.release(holder);
        assertTrue(lock.acquire(waiter, 0));
    }

    // ---- rlock ----------------------------------------------------------------------------

    @Test
    void rlockIsReentrantAndOwned() throws Exception {
        ThrRLock lock = new ThrRLock(SCHEDULER);
        ThrThread a = self("A"), b = self("B");
        assertTrue(lock.acquire(a, FOREVER));
        assertTrue(lock.acquire(a, 0));
        assertTrue(lock.heldBy(a));
        assertFalse(lock.heldBy(b));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean got = new AtomicBoolean(true);
        AtomicReference<String> releaseError = new AtomicReference<>();
        Thread t = run(failure, () -> {
            got.set(lock.acquire(b, 1_000_000));
            releaseError.set(thrError("RuntimeError", () -> lock.release(b)));
        });
        t.join();
        assertNull(failure.get());
        assertFalse(got.get());
        assertEquals("cannot release an rlock this thread does not hold", releaseError.get());
        lock.release(a);
        assertTrue(lock.heldBy(a));
        lock.release(a);
        assertFalse(lock.heldBy(a));
        assertTrue(lock.acquire(b, 0));
        thrError("RuntimeError", () -> lock.release(a));
    }

    // ---- semaphore ------------------------------------------------------------------------

    @Test
    void semaphoreCountsAndBoundedRefusesOverRelease() throws Exception {
        ThrThread a = self("A");
        ThrSemaphore s = new ThrSemaphore(SCHEDULER, 2, false);
        assertTrue(s.acquire(a, FOREVER));
        assertTrue(s.acquire(a, FOREVER));
        assertFalse(s.acquire(a, 0));
        assertFalse(s.acquire(a, 1_000_000));
        assertEquals(0, s.available());
        s.release(3);
        assertEquals(3, s.available());
        ThrSemaphore bounded = new ThrSemaphore(SCHEDULER, 1, true);
        assertEquals("semaphore released too many times", thrError("ValueError", () -> bounded.release(a)));
        bounded.acquire(a, FOREVER);
        bounded.release(a);
        assertEquals(1, bounded.available());
        thrError("ValueError", () -> new ThrSemaphore(SCHEDULER, -1, false));
        thrError("ValueError", () -> s.release(0));
    }

    @Test
    void semaphoreNeverLetsMoreThanItsPermitsIn() throws Exception {
        ThrSemaphore s = new ThrSemaphore(SCHEDULER, 3, true);
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            ThrThread me = self("T" + k);
            threads.add(run(failure, () -> {
                for (int i = 0; i < 2_000; i++) {
                    s.acquire(me, FOREVER);
                    peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    inside.decrementAndGet();
                    s.release(me);
                }
            }));
        }
        for (Thread t : threads) t.join();
        assertNull(failure.get());
        assertTrue(peak.get() >= 1 && peak.get() <= 3, "peak " + peak.get());
        assertEquals(3, s.available());
    }

    // ---- event ----------------------------------------------------------------------------

    @Test
    void eventReleasesEveryWaiter() throws Exception {
        ThrEvent e = new ThrEvent(SCHEDULER);
        assertFalse(e.await(self("A"), 0));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<ThrThread> selves = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch results = new CountDownLatch(4);
        for (int k = 0; k < 4; k++) {
            ThrThread me = self("W" + k);
            selves.add(me);
            threads.add(run(failure, () -> {
                if (e.await(me, FOREVER)) results.countDown();
            }));
        }
        for (ThrThread me : selves) eventually(me.name() + " waiting", () -> me.state() == ThreadState.WAITING);
        assertEquals(4, results.getCount());
        e.set();
        for (Thread t : threads) t.join();
        assertNull(failure.get());
        assertEquals(0, results.getCount());
        assertTrue(e.isSet());
        e.clear();
        assertFalse(e.isSet());
        assertEquals("<event clear>", e.toString());
    }

    // ---- condition ------------------------------------------------------------------------

    @Test
    void conditionWaitNeedsTheLockAndIsWokenByNotify() throws Exception {
        ThrRLock lock = new ThrRLock(SCHEDULER);
        ThrCondition c = new ThrCondition(SCHEDULER, lock);
        ThrThread a = self("A"), b = self("B");
        thrError("RuntimeError", () -> c.await(a, FOREVER));
        thrError("RuntimeError", () -> c.notify(a, 1));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean notified = new AtomicBoolean();
        Thread t = run(failure, () -> {
            c.acquire(b, FOREVER);
            try {
                notified.set(c.await(b, FOREVER));
            } finally {
                c.release(b);
            }
        });
        eventually("B waiting on the condition", () -> b.state() == ThreadState.WAITING && b.blockedOn() == c);
        c.acquire(a, FOREVER); // B let go of the lock while it waits
        c.notify(a, 1);
        c.release(a);
        t.join();
        assertNull(failure.get());
        assertTrue(notified.get());
        c.acquire(a, FOREVER);
        assertFalse(c.await(a, 1_000_000)); // nobody notifies: a timeout
        assertTrue(lock.heldBy(a)); // and the lock is held again after it
        c.release(a);
    }
}
