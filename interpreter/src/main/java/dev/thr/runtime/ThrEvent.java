package dev.thr.runtime;

/**
 * `event()`: a flag threads can wait for. Every thread waiting when set() is called returns
 * true, even if clear() comes before it runs again (as in CPython): it waits for a set, not
 * for the flag to be seen set.
 */
public final class ThrEvent extends SyncObject {
    private final Monitor.Condition changed = monitor.newCondition();
    private boolean flag;
    /** Counts the calls of set(): a waiter that sees it move was set free, whatever the flag is now. */
    private long sets;
    /** When set() was last called, on the scheduler's clock (for deadlock detection). */
    private long lastSet = Long.MIN_VALUE;

    public ThrEvent(Scheduler scheduler) { super(scheduler); }

    public void set() {
        enter();
        try {
            flag = true;
            sets++;
            lastSet = scheduler.nanoTime();
            changed.signalAll();
        } finally {
            monitor.unlock();
        }
    }

    public void clear() {
        enter();
        flag = false;
        monitor.unlock();
    }

    public boolean isSet() {
        enter();
        try {
            return flag;
        } finally {
            monitor.unlock();
        }
    }

    /** A waiter is still held while the flag is clear and no set() came since it began to wait. */
    @Override
    public boolean stillBlocks(ThrThread waiter, String op) {
        return read(() -> !flag && lastSet < waiter.stateSince());
    }

    /** Waits until the flag is set; returns the flag (false only when the timeout ran out). */
    public boolean await(ThrThread self, long timeoutNanos) throws InterruptedException {
        long deadline = deadline(timeoutNanos);
        monitor.lock();
        try {
            long seen = sets;
            while (!flag && sets == seen) {
                if (!await(changed, deadline, self, ThreadState.WAITING, "wait")) break;
            }
            return flag || sets != seen;
        } finally {
            monitor.unlock();
        }
    }

    @Override public String typeName() { return "event"; }

    @Override public String toString() { return "<event " + (isSet() ? "set" : "clear") + ">"; }
}
