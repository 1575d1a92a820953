package dev.thr.runtime;

import dev.thr.diag.Span;
import dev.thr.value.ThrError;

/**
 * `lock()`: Python's Lock. Not re-entrant (a thread that takes it twice waits forever, which a
 * deadlock report will show), and any thread may release it.
 */
public final class ThrLock extends SyncObject implements Lockable {
    private final Monitor.Condition freed = monitor.newCondition();
    private boolean held;
    /**
     * The thread that took it last and where (Python's Lock has no owner: any thread may
     * release it), and whether a `with` took it (then that thread will release it). Guarded by
     * the monitor, like `held`.
     */
    private ThrThread holder;
    private Span heldSince;
    private boolean scoped;
    /** How many times it was taken: release n hands it over to acquire n + 1 (a trace links them). */
    private long taken;

    public ThrLock(Scheduler scheduler) { super(scheduler); }

    @Override
    public boolean acquire(ThrThread self, long timeoutNanos) throws InterruptedException {
        return take(self, timeoutNanos, false);
    }

    @Override
    public boolean acquireScoped(ThrThread self, long timeoutNanos) throws InterruptedException {
        return take(self, timeoutNanos, true);
    }

    private boolean take(ThrThread self, long timeoutNanos, boolean scoped) throws InterruptedException {
        stopCheck(self);
        long deadline = deadline(timeoutNanos);
        monitor.lock();
        try {
            while (held) {
                if (!await(freed, deadline, self, ThreadState.BLOCKED, "acquire")) return false;
            }
            held = true;
            holder = self;
            heldSince = self.site() instanceof Span s ? s : null;
            this.scoped = scoped;
            record(self, EventLog.Kind.ACQUIRE, ++taken);
            return true;
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public void release(ThrThread self) {
        enter();
        try {
            if (!held) throw ThrError.runtime("release unlocked lock");
            held = false;
            holder = null;
            record(self, EventLog.Kind.RELEASE, taken);
            freed.signal();
        } finally {
            monitor.unlock();
        }
    }

    public boolean locked() {
        enter();
        try {
            return held;
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public boolean stillBlocks(ThrThread waiter, String op) { return locked(); }

    /** Who took it last, while it is held (null when free): for reports, so it takes the monitor. */
    public ThrThread holder() {
        return read(() -> holder);
    }

    /** The holder when a `with` block of it holds it (it will let go itself), else null. */
    public ThrThread owner() {
        return read(() -> scoped ? holder : null);
    }

    /** Where the holder took it. */
    public Span heldSince() {
        return read(() -> heldSince);
    }

    @Override public String typeName() { return "lock"; }

    @Override public String toString() { return "<lock " + (locked() ? "locked" : "unlocked") + ">"; }
}
