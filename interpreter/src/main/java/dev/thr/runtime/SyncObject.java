package dev.thr.runtime;

import dev.thr.value.Values;

/**
 * Base of every sync object: one monitor from the scheduler, and the one waiting loop that keeps
 * a thread's state honest (waiting/blocked while it waits, runnable after) and turns a timeout
 * into a deadline on the scheduler's clock.
 */
abstract class SyncObject implements Values.Typed {
    protected final Scheduler scheduler;
    protected final Monitor monitor;

    SyncObject(Scheduler scheduler) {
        this.scheduler = scheduler;
        this.monitor = scheduler.newMonitor();
    }

    /** A deadline for a timeout in nanoseconds; negative timeout means none (Long.MAX_VALUE). */
    protected long deadline(long timeoutNanos) {
        return timeoutNanos < 0 ? Long.MAX_VALUE : scheduler.nanoTime() + timeoutNanos;
    }

    /**
     * Waits once on c (monitor held) until signalled or the deadline passes; false when the
     * deadline has passed. Callers loop on their own condition, so spurious wake-ups are harmless.
     */
    protected boolean await(Monitor.Condition c, long deadline, ThrThread self, ThreadState state) throws InterruptedException {
        long remaining = deadline == Long.MAX_VALUE ? -1 : deadline - scheduler.nanoTime();
        if (deadline != Long.MAX_VALUE && remaining <= 0) return false;
        self.waiting(state, this);
        try {
            c.await(remaining);
        } finally {
            self.resumed();
        }
        return true;
    }

    /** Enters the monitor for a short critical section that never waits: see Monitor.lockQuietly. */
    protected void enter() {
        monitor.lockQuietly();
    }
}
