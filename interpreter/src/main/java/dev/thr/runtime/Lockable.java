package dev.thr.runtime;

/** What `with x { }` and condition() accept: lock, rlock, semaphore, condition. */
public interface Lockable {
    /** Takes it, waiting at most timeoutNanos (negative: forever); false if the time ran out. */
    boolean acquire(ThrThread self, long timeoutNanos) throws InterruptedException;

    void release(ThrThread self);
}
