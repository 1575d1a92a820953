package dev.thr.runtime;

import dev.thr.value.ThrError;

/** `semaphore(n)`: n permits; `bounded` refuses a release past the starting count, as BoundedSemaphore does. */
public final class ThrSemaphore extends SyncObject implements Lockable {
    private final Monitor.Condition released = monitor.newCondition();
    private final long initial;
    private final boolean bounded;
    private long permits;

    public ThrSemaphore(Scheduler scheduler, long permits, boolean bounded) {
        super(scheduler);
        if (permits < 0) throw ThrError.value("semaphore needs a count of 0 or more, not " + permits);
        this.initial = permits;
        this.permits = permits;
        this.bounded = bounded;
    }

    @Override
    public boolean acquire(ThrThread self, long timeoutNanos) throws InterruptedException {
        stopCheck(self);
        long deadline = deadline(timeoutNanos);
        monitor.lock();
        try {
            while (permits == 0) {
                if (!await(released, deadline, self, ThreadState.BLOCKED, "acquire")) return false;
            }
            permits--;
            return true;
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public void release(ThrThread self) { release(1); }

    public void release(long n) {
        if (n < 1) throw ThrError.value("release needs n >= 1");
        enter();
        try {
            if (bounded && permits + n > initial) throw ThrError.value("semaphore released too many times");
            permits += n;
            released.signalAll();
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public boolean stillBlocks(ThrThread waiter, String op) { return available() == 0; }

    public long available() {
        enter();
        try {
            return permits;
        } finally {
            monitor.unlock();
        }
    }

    @Override public String typeName() { return "semaphore"; }

    @Override public String toString() { return "<semaphore " + available() + "/" + initial + ">"; }
}
