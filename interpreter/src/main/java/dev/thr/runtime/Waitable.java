package dev.thr.runtime;

/** Something a thread can wait on, which can tell whether it still holds a given waiter. */
public interface Waitable {
    /**
     * Whether this object's state still keeps a thread waiting in op ("get", "put", "acquire",
     * "wait", "join") on it. A deadlock is confirmed only while it does: a thread just woken
     * may not have moved yet.
     */
    boolean stillBlocks(ThrThread waiter, String op);
}
