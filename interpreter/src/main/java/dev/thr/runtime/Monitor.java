package dev.thr.runtime;

/** A lock with any number of conditions, in the style of java.util.concurrent.locks. */
public interface Monitor {
    void lock() throws InterruptedException;

    void unlock();

    /**
     * Locks even if the thread is interrupted, keeping its interrupt for later: for short
     * sections that must not be skipped (a release, a notify, a flag set).
     */
    default void lockQuietly() {
        boolean interrupted = false;
        while (true) {
            try {
                lock();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    Condition newCondition();

    interface Condition {
        /** Waits for a signal, with the monitor held; false if the timeout (nanos, negative: none) ran out. */
        boolean await(long nanos) throws InterruptedException;

        void signal();

        void signalAll();
    }
}
