package dev.thr.runtime;

import static dev.thr.runtime.SyncObjectsJavaTest.FOREVER;
import static dev.thr.runtime.SyncObjectsJavaTest.SCHEDULER;
import static dev.thr.runtime.SyncObjectsJavaTest.eventually;
import static dev.thr.runtime.SyncObjectsJavaTest.run;
import static dev.thr.runtime.SyncObjectsJavaTest.self;
import static dev.thr.runtime.SyncObjectsJavaTest.thrError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ThrQueue and ThrBarrier driven directly from Java threads, plus locals and thread bookkeeping. */
@Timeout(60)
class QueueBarrierJavaTest {
    private static final Object NIL = null;

    @Test
    void queueIsFifoAndKeepsNil() throws Exception {
        ThrQueue q = new ThrQueue(SCHEDULER, 0);
        ThrThread a = self("A");
        q.put(a, 1L, true, FOREVER);
        q.put(a, NIL, true, FOREVER);
        q.put(a, "three", true, FOREVER);
        assertEquals(3, q.length());
        assertEquals(1L, q.get(a, true, FOREVER));
        assertNull(q.get(a, true, FOREVER));
        assertEquals("three", q.get(a, false, 0));
        assertTrue(q.isEmpty());
        assertEquals("the queue is empty", thrError("QueueEmpty", () -> q.get(a, false, 0)));
        thrError("QueueEmpty", () -> q.get(a, true, 1_000_000));
    }

    @Test
    void aPutToAFullQueueWaitsUntilAGet() throws Exception {
        ThrQueue q = new ThrQueue(SCHEDULER, 1);
        ThrThread main = self("main"), producer = self("producer");
        q.put(main, "a", true, FOREVER);
        assertTrue(q.isFull());
        assertEquals("the queue is full", thrError("QueueFull", () -> q.put(main, "x", false, 0)));
        thrError("QueueFull", () -> q.put(main, "x", true, 1_000_000));
        AtomicBoolean putDone = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = run(failure, () -> {
            q.put(producer, "b", true, FOREVER);
            putDone.set(true);
        });
        eventually("producer waiting on the queue", () -> producer.state() == ThreadState.WAITING);
        assertSame(q, producer.blockedOn());
        assertFalse(putDone.get());
        assertEquals("a", q.get(main, true, FOREVER));
        t.join();
        assertNull(failure.get());
        assertTrue(putDone.get());
        assertEquals("b", q.get(main, true, FOREVER));
        assertEquals("<queue 0/1>", q.toString());
    }

    @Test
    void taskDoneAndJoin() throws Exception {
        ThrQueue q = new ThrQueue(SCHEDULER, 0);
        ThrThread main = self("main"), worker = self("worker");
        q.join(main); // nothing unfinished
        for (long i = 0; i < 50; i++) q.put(main, i, true, FOREVER);
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = run(failure, () -> {
            for (int i = 0; i < 50; i++) {
                q.get(worker, true, FOREVER);
                done.incrementAndGet();
                q.taskDone();
            }
        });
        q.join(main);
        assertEquals(50, done.get());
        t.join();
        assertNull(failure.get());
        assertEquals("task_done() called more times than there were items", thrError("ValueError", q::taskDone));
    }

    /** Producers and consumers on Java threads through a tiny queue: each item is taken exactly once. */
    @ParameterizedTest(name = "{0} producers x {1} -> queue({2}) -> {3} consumers")
    @CsvSource({"4, 5000, 3, 4", "1, 10000, 1, 6", "8, 2500, 64, 2"})
    void everyItemIsTakenExactlyOnce(int producers, int items, int maxsize, int consumers) throws Exception {
        ThrQueue q = new ThrQueue(SCHEDULER, maxsize);
        Object stop = new Object();
        ConcurrentHashMap<Long, Integer> seen = new ConcurrentHashMap<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> consumerThreads = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            ThrThread me = self("C" + c);
            consumerThreads.add(run(failure, () -> {
                for (Object x; (x = q.get(me, true, FOREVER)) != stop; ) {
                    seen.merge((Long) x, 1, Integer::sum);
                }
            }));
        }
        List<Thread> producerThreads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            ThrThread me = self("P" + p);
            long base = (long) p * items;
            producerThreads.add(run(failure, () -> {
                for (long i = 0; i < items; i++) q.put(me, base + i, true, FOREVER);
            }));
        }
        for (Thread t : producerThreads) t.join();
        ThrThread main = self("main");
        for (int c = 0; c < consumers; c++) q.put(main, stop, true, FOREVER);
        for (Thread t : consumerThreads) t.join();
        assertNull(failure.get());
        assertEquals((long) producers * items, seen.size());
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "an item was taken twice");
        assertEquals(LongStream.range(0, (long) producers * items).boxed().collect(Collectors.toSet()), seen.keySet());
        assertEquals(0, q.length());
    }

    // ---- barrier --------------------------------------------------------------------------

    @Test
    void barrierGivesEachPartyADistinctIndex() throws Exception {
        int n = 5;
        ThrBarrier b = new ThrBarrier(SCHEDULER, n);
        Set<Long> indexes = Collections.synchronizedSet(new TreeSet<>());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            indexes.clear();
            threads.clear();
            for (int k = 0; k < n; k++) {
                ThrThread me = self("B" + k);
                threads.add(run(failure, () -> indexes.add(b.await(me, FOREVER))));
            }
            for (Thread t : threads) t.join();
            assertNull(failure.get());
            assertEquals(Set.of(0L, 1L, 2L, 3L, 4L), indexes);
        }
        assertFalse(b.isBroken());
        assertEquals(5, b.parties());
    }

    @Test
    void aTimeoutBreaksTheBarrierForEveryone() throws Exception {
        ThrBarrier b = new ThrBarrier(SCHEDULER, 3);
        ThrThread patient = self("patient"), hasty = self("hasty");
        AtomicReference<String> patientKind = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                b.await(patient, FOREVER);
            } catch (dev.thr.value.ThrError e) {
                patientKind.set(e.error().kind());
            } catch (InterruptedException e) {
                patientKind.set("interrupted");
            }
        });
        t.start();
        eventually("patient waiting", () -> patient.state() == ThreadState.WAITING);
        assertEquals("the barrier is broken", thrError("BrokenBarrierError", () -> b.await(hasty, 1_000_000)));
        t.join();
        assertEquals("BrokenBarrierError", patientKind.get());
        assertTrue(b.isBroken());
        thrError("BrokenBarrierError", () -> b.await(hasty, FOREVER));
        b.reset();
        assertFalse(b.isBroken());
        thrError("ValueError", () -> new ThrBarrier(SCHEDULER, 0));
    }

    // ---- local and thread bookkeeping -------------------------------------------------------

    @Test
    void localFieldsBelongToOneThread() {
        ThrLocal local = new ThrLocal();
        ThrThread a = self("A"), b = self("B");
        local.set(a, "x", 1L);
        local.set(b, "x", 2L);
        local.set(a, "nothing", null);
        assertEquals(1L, local.get(a, "x"));
        assertEquals(2L, local.get(b, "x"));
        assertNull(local.get(a, "nothing"));
        assertTrue(local.has(a, "nothing"));
        assertFalse(local.has(b, "nothing"));
        assertEquals("this thread has not set local field 'nothing'", thrError("AttributeError", () -> local.get(b, "nothing")));
    }

    @Test
    void threadLifeCycle() {
        ThrThread t = self("T");
        assertEquals(ThreadState.NEW, t.state());
        assertFalse(t.alive());
        t.daemon(true);
        assertTrue(t.claimStart());
        assertFalse(t.claimStart());
        t.starting(0);
        assertTrue(t.alive());
        thrError("RuntimeError", () -> t.daemon(false));
        t.waiting(ThreadState.SLEEPING, null, "sleep", true, 0);
        assertEquals("sleeping", t.state().label());
        t.resumed(0);
        t.finished(42L, null, 0);
        assertEquals(ThreadState.TERMINATED, t.state());
        assertEquals(42L, t.result());
        assertFalse(t.alive());
        assertEquals("<thread T terminated daemon>", t.toString());
        assertFalse(new ThrThread("MainThread", false, true).claimStart());
    }
}
