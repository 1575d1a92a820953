package dev.thr.runtime;

/** A lock with any number of conditions, in the style of java.util.concurrent.locks. */
public interface Monitor {
    void lock() throws InterruptedException;

    void unlock();

    Condition newCondition();

    interface Condition {
        /** Waits for a signal, with the monitor held; false if the timeout (nanos, negative: none) ran out. */
        boolean await(long nanos) throws InterruptedException;

        void signal();

        void signalAll();
    }
}
