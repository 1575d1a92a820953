package dev.thr.runtime;

/** A thread as the scheduler made it. */
public interface Strand {
    void start();

    /** Waits for the thread to end; false if the timeout (nanoseconds, negative for none) ran out first. */
    boolean join(long nanos) throws InterruptedException;

    boolean isAlive();

    /** Asks the thread to stop: its next blocking call throws InterruptedException. */
    void interrupt();

    /** A number unique among the live threads of the process (Python's ident). */
    long id();

    /**
     * Whether the thread gets an operating-system id once it runs (Python's native_id), which
     * start() then waits for, as Python's does. A virtual thread of real scheduling has none,
     * so starting one does not wait for it to run.
     */
    default boolean hasNativeId() { return true; }

    /** The thread's name, for stories of a run. */
    default String name() { return "thread " + id(); }
}
