package dev.thr.runtime;

/** `event()`: a flag threads can wait for. */
public final class ThrEvent extends SyncObject {
    private final Monitor.Condition changed = monitor.newCondition();
    private boolean flag;

    public ThrEvent(Scheduler scheduler) { super(scheduler); }

    public void set() {
        enter();
        try {
            flag = true;
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

    @Override
    public boolean stillBlocks(ThrThread waiter, String op) { return !isSet(); }

    /** Waits until the flag is set; returns the flag (false only when the timeout ran out). */
    public boolean await(ThrThread self, long timeoutNanos) throws InterruptedException {
        long deadline = deadline(timeoutNanos);
        monitor.lock();
        try {
            while (!flag) {
                if (!await(changed, deadline, self, ThreadState.WAITING, "wait")) break;
            }
            return flag;
        } finally {
            monitor.unlock();
        }
    }

    @Override public String typeName() { return "event"; }

    @Override public String toString() { return "<event " + (isSet() ? "set" : "clear") + ">"; }
}
