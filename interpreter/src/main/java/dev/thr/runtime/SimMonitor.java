package dev.thr.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A lock with conditions whose waits are the simulation's (see SimScheduler); re-entrant, as
 * ReentrantLock is. A thread outside the simulation may take it too: it waits for the owner
 * to let go without holding a turn.
 */
final class SimMonitor implements Monitor {
    private final SimScheduler sim;

    SimMonitor(SimScheduler sim) { this.sim = sim; }

    /** A SimScheduler.SimStrand, or an outside Thread; null when free. */
    private Object owner;
    private int holds;
    private final List<SimScheduler.SimStrand> lockers = new ArrayList<>();

    @Override
    public void lock() throws InterruptedException {
        sim.world.lock();
        try {
            take(true);
        } finally {
            sim.world.unlock();
        }
    }

    @Override
    public void lockQuietly() {
        sim.world.lock();
        try {
            take(false);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            sim.world.unlock();
        }
    }

    /** World held. */
    private void take(boolean interruptible) throws InterruptedException {
        SimScheduler.SimStrand self = sim.current();
        if (self == null) {
            Thread me = Thread.currentThread();
            while (owner != null && owner != me) sim.released.awaitUninterruptibly();
            owner = me;
            holds++;
            return;
        }
        if (owner == self) {
            holds++;
            return;
        }
        sim.touched(SimMonitor.this, true);
        sim.pass(self);
        sim.touched(SimMonitor.this, true); // the lock is taken in the step after the point: still the operation
        while (owner != null) {
            if (interruptible) SimScheduler.throwIfInterrupted(self);
            lockers.add(self);
            sim.block(self, -1, this);
            lockers.remove(self);
        }
        if (interruptible) SimScheduler.throwIfInterrupted(self);
        owner = self;
        holds = 1;
    }

    @Override
    public void unlock() {
        sim.world.lock();
        try {
            sim.touched(SimMonitor.this, true);
            if (--holds > 0) return;
            owner = null;
            for (SimScheduler.SimStrand s : lockers) if (s.waiting) sim.wake(s, false);
            sim.released.signalAll();
            if (sim.running == null) sim.handOver();
        } finally {
            sim.world.unlock();
        }
    }

    @Override
    public Monitor.Condition newCondition() {
        return new Monitor.Condition() {
            private final List<SimScheduler.SimStrand> waiters = new ArrayList<>();
            private final List<SimScheduler.SimStrand> signalled = new ArrayList<>();

            @Override
            public boolean await(long nanos) throws InterruptedException {
                sim.world.lock();
                try {
                    SimScheduler.SimStrand self = sim.current();
                    sim.touched(SimMonitor.this, true);
                    if (self == null || owner != self) throw new IllegalMonitorStateException();
                    SimScheduler.throwIfInterrupted(self);
                    int depth = holds;
                    holds = 1;
                    waiters.add(self);
                    unlock();
                    sim.block(self, nanos, SimMonitor.this);
                    waiters.remove(self);
                    boolean woken = signalled.remove(self);
                    boolean timedOut = self.timedOut;
                    boolean interrupted = self.interrupted;
                    self.interrupted = false;
                    // as in Java, the lock is held again before the wait returns or throws
                    take(false);
                    holds = depth;
                    if (interrupted) throw new InterruptedException();
                    return woken || !timedOut;
                } finally {
                    sim.world.unlock();
                }
            }

            @Override public void signal() { wakeWaiters(1); }

            @Override public void signalAll() { wakeWaiters(Integer.MAX_VALUE); }

            /** Wakes up to n of the strands waiting and not yet signalled, longest waiting first. */
            private void wakeWaiters(int n) {
                sim.world.lock();
                try {
                    sim.touched(SimMonitor.this, true);
                    for (SimScheduler.SimStrand s : waiters) {
                        if (n == 0) return;
                        if (s.waiting && !signalled.contains(s)) {
                            signalled.add(s);
                            sim.wake(s, false);
                            n--;
                        }
                    }
                } finally {
                    sim.world.unlock();
                }
            }
        };
    }
}
