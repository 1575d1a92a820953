package dev.thr.runtime;

import dev.thr.value.ThrError;

/**
 * `barrier(n)`: n threads wait until all have arrived. A timeout or reset breaks it, and every
 * waiter then gets a BrokenBarrierError, as in Python.
 */
public final class ThrBarrier extends SyncObject {
    private final Monitor.Condition tripped = monitor.newCondition();
    private final long parties;
    /** Volatile: n_waiting and reports read it without the monitor (an action may hold that for long). */
    private volatile long arrived;
    private long generation;
    private volatile boolean broken;
    /** The generation a reset broke, so its waiters fail instead of passing. */
    private long brokenGeneration = -1;
    /** The threads waiting in the current generation (a trip or a break empties it). */
    private final java.util.Set<ThrThread> present = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** What runs once a round, in the last thread to arrive, before any is released (a thr function; opaque here); or null. */
    private final Object action;
    /** The timeout of a wait that gives none (negative: none). */
    private final long defaultTimeoutNanos;

    public ThrBarrier(Scheduler scheduler, long parties) {
        this(scheduler, parties, null, -1);
    }

    public ThrBarrier(Scheduler scheduler, long parties, Object action, long defaultTimeoutNanos) {
        super(scheduler);
        if (parties < 1) throw ThrError.value("barrier needs at least 1 party, not " + parties);
        this.parties = parties;
        this.action = action;
        this.defaultTimeoutNanos = defaultTimeoutNanos;
    }

    public Object action() { return action; }

    public long defaultTimeoutNanos() { return defaultTimeoutNanos; }

    public long await(ThrThread self, long timeoutNanos) throws InterruptedException {
        return await(self, timeoutNanos, null);
    }

    /**
     * Returns this thread's arrival index, 0 .. n-1 (0 for the first to arrive, as in CPython). `runAction` runs the barrier's action in the last thread to arrive, before
     * the others are released; if it fails, the barrier breaks and the error goes on in that
     * thread, as in Python.
     */
    public long await(ThrThread self, long timeoutNanos, Runnable runAction) throws InterruptedException {
        long deadline = deadline(timeoutNanos);
        monitor.lock();
        try {
            if (broken) throw broken();
            long index = arrived; // as CPython: 0 for the first to arrive
            long myGeneration = generation;
            if (++arrived == parties) {
                if (runAction != null) {
                    try {
                        runAction.run();
                    } catch (RuntimeException | Error e) {
                        breakIt();
                        throw e;
                    }
                }
                arrived = 0;
                generation++;
                present.clear();
                tripped.signalAll();
                return index;
            }
            present.add(self);
            while (generation == myGeneration && !broken) {
                boolean inTime;
                try {
                    inTime = await(tripped, deadline, self, ThreadState.WAITING, "wait");
                } catch (InterruptedException e) {
                    // as in Python, a waiter that leaves early breaks the barrier for the others
                    if (generation == myGeneration) breakIt();
                    throw e;
                }
                if (!inTime) breakIt();
            }
            if (generation == myGeneration || brokenGeneration == myGeneration) throw broken();
            return index;
        } finally {
            present.remove(self);
            monitor.unlock();
        }
    }

    public void reset() {
        enter();
        try {
            if (arrived > 0) brokenGeneration = generation;
            arrived = 0;
            generation++;
            present.clear();
            broken = false;
            tripped.signalAll();
        } finally {
            monitor.unlock();
        }
    }

    public void abort() {
        enter();
        try {
            breakIt();
        } finally {
            monitor.unlock();
        }
    }

    /** With the monitor held. */
    private void breakIt() {
        broken = true;
        present.clear();
        tripped.signalAll();
    }

    @Override
    public boolean stillBlocks(ThrThread waiter, String op) {
        return read(() -> !broken && present.contains(waiter));
    }

    public long parties() { return parties; }

    /** How many threads wait at it now (Python's n_waiting); read without the monitor, as CPython's. */
    public long nWaiting() {
        return broken ? 0 : arrived;
    }

    public boolean isBroken() {
        return broken;
    }

    private static ThrError broken() {
        return new ThrError("BrokenBarrierError", "the barrier is broken");
    }

    @Override public String typeName() { return "barrier"; }

    @Override public String toString() { return "<barrier " + parties + ">"; }
}
