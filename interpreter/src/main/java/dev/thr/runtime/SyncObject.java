package dev.thr.runtime;

import dev.thr.diag.Span;
import dev.thr.value.Values;

/**
 * Base of every sync object: one monitor from the scheduler, and the one waiting loop that keeps
 * a thread's state honest (waiting/blocked while it waits, runnable after) and turns a timeout
 * into a deadline on the scheduler's clock.
 */
abstract class SyncObject implements Values.Typed, Named, Waitable {
    protected final Scheduler scheduler;
    protected final Monitor monitor;
    private volatile String name;
    private volatile Span site;
    private volatile long number;

    SyncObject(Scheduler scheduler) {
        this.scheduler = scheduler;
        this.monitor = scheduler.newMonitor();
    }

    @Override
    public void suggestName(String name) {
        if (this.name == null) this.name = name;
    }

    @Override
    public void born(Span site, long number) {
        this.site = site;
        this.number = number;
    }

    @Override
    public String describe(java.util.function.Function<Span, String> where) {
        String label = name != null ? name : number > 0 ? "#" + number : null;
        StringBuilder out = new StringBuilder(typeName());
        if (label != null) out.append(' ').append(label);
        if (site != null) out.append(" (").append(where.apply(site)).append(')');
        return out.toString();
    }

    /** A deadline for a timeout in nanoseconds; negative timeout means none (Long.MAX_VALUE). */
    protected long deadline(long timeoutNanos) {
        return timeoutNanos < 0 ? Long.MAX_VALUE : scheduler.nanoTime() + timeoutNanos;
    }

    /**
     * Waits once on c (monitor held) until signalled or the deadline passes; false when the
     * deadline has passed. Callers loop on their own condition, so spurious wake-ups are harmless.
     */
    protected boolean await(Monitor.Condition c, long deadline, ThrThread self, ThreadState state, String op) throws InterruptedException {
        long remaining = deadline == Long.MAX_VALUE ? -1 : deadline - scheduler.nanoTime();
        if (deadline != Long.MAX_VALUE && remaining <= 0) return false;
        stopCheck(self);
        self.waiting(state, this, op, deadline != Long.MAX_VALUE, scheduler.nanoTime());
        try {
            c.await(remaining);
        } finally {
            self.resumed(scheduler.nanoTime());
        }
        stopCheck(self);
        return true;
    }

    /** Records an operation on this object in the thread's log, when the thread is recorded. */
    protected void record(ThrThread self, EventLog.Kind kind, long number) {
        if (self != null && self.log() != null) self.event(scheduler.nanoTime(), kind, this, number);
    }

    /** A thread of a run being stopped may not wait, nor take what a wait gave it. */
    protected static void stopCheck(ThrThread self) throws InterruptedException {
        if (self != null && self.stopped()) throw new InterruptedException();
    }

    /** Reads state under the monitor, for reports and thread dumps (never on a hot path). */
    protected <T> T read(java.util.function.Supplier<T> what) {
        enter();
        try {
            return what.get();
        } finally {
            monitor.unlock();
        }
    }

    /** Enters the monitor for a short critical section that never waits: see Monitor.lockQuietly. */
    protected void enter() {
        monitor.lockQuietly();
    }
}
