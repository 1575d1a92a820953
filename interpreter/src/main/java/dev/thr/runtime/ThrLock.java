package dev.thr.runtime;

import dev.thr.value.ThrError;

/**
 * `lock()`: Python's Lock. Not re-entrant (a thread that takes it twice waits forever, which a
 * deadlock report will show), and any thread may release it.
 */
public final class ThrLock extends SyncObject implements Lockable {
    private final Monitor.Condition freed = monitor.newCondition();
    private boolean held;

    public ThrLock(Scheduler scheduler) { super(scheduler); }

    @Override
    public boolean acquire(ThrThread self, long timeoutNanos) throws InterruptedException {
        long deadline = deadline(timeoutNanos);
        monitor.lock();
        try {
            while (held) {
                if (!await(freed, deadline, self, ThreadState.BLOCKED)) return false;
            }
            held = true;
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

    @Override public String typeName() { return "lock"; }

    @Override public String toString() { return "<lock " + (locked() ? "locked" : "unlocked") + ">"; }
}
