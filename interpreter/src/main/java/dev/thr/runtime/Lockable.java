package dev.thr.runtime;

/** What `with x { }` and condition() accept: lock, rlock, semaphore, condition. */
public interface Lockable {
    /** Takes it, waiting at most timeoutNanos (negative: forever); false if the time ran out. */
    boolean acquire(ThrThread self, long timeoutNanos) throws InterruptedException;

    void release(ThrThread self);

    /**
     * Takes it for a `with` block, which will release it on the same thread: a lock held so is
     * owned as an rlock is, which deadlock detection relies on (a lock taken by acquire() may
     * be released by any thread).
     */
    default boolean acquireScoped(ThrThread self, long timeoutNanos) throws InterruptedException {
        return acquire(self, timeoutNanos);
    }
}
