package dev.thr.runtime;

import dev.thr.diag.Span;
import dev.thr.value.ThrError;

/** `rlock()`: a re-entrant lock; only its owner may release it, once per acquire. */
public final class ThrRLock extends SyncObject implements Lockable {
    private final Monitor.Condition freed = monitor.newCondition();
    private ThrThread owner;
    private int count;
    private Span ownedSince;
    /** How many times an owner took it: release n hands it over to acquire n + 1 (a trace links them). */
    private long taken;

    public ThrRLock(Scheduler scheduler) { super(scheduler); }

    @Override
    public boolean acquire(ThrThread self, long timeoutNanos) throws InterruptedException {
        stopCheck(self);
        long deadline = deadline(timeoutNanos);
        monitor.lock();
        try {
            while (owner != null && owner != self) {
                if (!await(freed, deadline, self, ThreadState.BLOCKED, "acquire")) return false;
            }
            if (owner != self) {
                ownedSince = self.site() instanceof Span s ? s : null;
                record(self, EventLog.Kind.ACQUIRE, ++taken);
            }
            owner = self;
            count++;
            return true;
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public void release(ThrThread self) {
        enter();
        try {
            if (owner != self) throw ThrError.runtime("cannot release an rlock this thread does not hold");
            if (--count == 0) {
                owner = null;
                record(self, EventLog.Kind.RELEASE, taken);
                freed.signal();
            }
        } finally {
            monitor.unlock();
        }
    }

    /** For condition waits: gives the lock up entirely and says how deep it was held. */
    int releaseAll(ThrThread self) {
        enter();
        try {
            if (owner != self) throw ThrError.runtime("cannot wait on a condition whose rlock this thread does not hold");
            int depth = count;
            count = 0;
            owner = null;
            record(self, EventLog.Kind.RELEASE, taken);
            freed.signal();
            return depth;
        } finally {
            monitor.unlock();
        }
    }

    void reacquire(ThrThread self, int depth) throws InterruptedException {
        acquire(self, -1);
        enter();
        count = depth;
        monitor.unlock();
    }

    public boolean heldBy(ThrThread self) {
        enter();
        try {
            return owner == self;
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public boolean stillBlocks(ThrThread waiter, String op) {
        ThrThread o = owner();
        return o != null && o != waiter;
    }

    /** Its owner (null when free), how many times the owner holds it, and where it first took it; for reports. */
    public ThrThread owner() {
        return read(() -> owner);
    }

    public int count() {
        return read(() -> count);
    }

    public Span ownedSince() {
        return read(() -> ownedSince);
    }

    @Override public String typeName() { return "rlock"; }

    @Override public String toString() { return "<rlock>"; }
}
