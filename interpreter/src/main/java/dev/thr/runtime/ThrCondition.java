package dev.thr.runtime;

import dev.thr.value.ThrError;
import java.util.ArrayDeque;

/**
 * `condition(lock)`: Python's Condition over a lock or rlock (a new rlock when none is given).
 * Each waiter joins a queue before it lets go of the lock, so a notify that comes in between is
 * not lost; notify(n) wakes the n longest-waiting threads.
 */
public final class ThrCondition extends SyncObject implements Lockable {
    private final Lockable lock;
    private final Monitor.Condition changed = monitor.newCondition();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    private static final class Waiter {
        final ThrThread thread;
        boolean notified;

        Waiter(ThrThread thread) { this.thread = thread; }
    }

    /** Whether the lock was made for it (condition() without a lock): then it shares its name. */
    private final boolean ownLock;

    public ThrCondition(Scheduler scheduler, Lockable lock) {
        this(scheduler, lock, false);
    }

    public ThrCondition(Scheduler scheduler, Lockable lock, boolean ownLock) {
        super(scheduler);
        this.lock = lock;
        this.ownLock = ownLock;
    }

    @Override
    public boolean acquire(ThrThread self, long timeoutNanos) throws InterruptedException {
        return lock.acquire(self, timeoutNanos);
    }

    @Override
    public void release(ThrThread self) { lock.release(self); }

    /** Releases the lock, waits for a notify (or the timeout), takes the lock again; false on timeout. */
    public boolean await(ThrThread self, long timeoutNanos) throws InterruptedException {
        checkHeld(self, "wait");
        Waiter me = new Waiter(self);
        enter();
        waiters.add(me);
        monitor.unlock();
        int depth = letGo(self);
        long deadline = deadline(timeoutNanos);
        try {
            monitor.lock();
            try {
                while (!me.notified) {
                    if (!await(changed, deadline, self, ThreadState.WAITING, "wait")) break;
                }
            } finally {
                monitor.unlock();
            }
        } finally {
            // a waiter that leaves unnotified (timeout, or stopped) must not absorb a later notify
            enter();
            boolean notified = me.notified;
            if (!notified) waiters.remove(me);
            monitor.unlock();
            takeBack(self, depth);
        }
        return me.notified;
    }

    private int letGo(ThrThread self) {
        if (lock instanceof ThrRLock r) return r.releaseAll(self);
        lock.release(self);
        return 1;
    }

    private void takeBack(ThrThread self, int depth) throws InterruptedException {
        if (lock instanceof ThrRLock r) r.reacquire(self, depth);
        else lock.acquire(self, -1);
    }

    @Override
    public boolean stillBlocks(ThrThread waiter, String op) {
        enter();
        try {
            for (Waiter w : waiters) if (w.thread == waiter && !w.notified) return true;
            return false;
        } finally {
            monitor.unlock();
        }
    }

    /** The lock it was made with; one it made itself is named after it. */
    public Lockable lock() { return lock; }

    @Override
    public void suggestName(String name) {
        super.suggestName(name);
        if (ownLock && lock instanceof Named n) n.suggestName("of condition " + name);
    }

    public void notify(ThrThread self, long n) {
        checkHeld(self, "notify");
        enter();
        try {
            for (long i = 0; i < n && !waiters.isEmpty(); i++) waiters.poll().notified = true;
            changed.signalAll();
        } finally {
            monitor.unlock();
        }
    }

    public void notifyAll(ThrThread self) { notify(self, Long.MAX_VALUE); }

    private void checkHeld(ThrThread self, String what) {
        boolean held = lock instanceof ThrRLock r ? r.heldBy(self) : !(lock instanceof ThrLock l) || l.locked();
        if (!held) throw ThrError.runtime("cannot " + what + " on a condition whose lock is not held");
    }

    @Override public String typeName() { return "condition"; }

    @Override public String toString() { return "<condition>"; }
}
