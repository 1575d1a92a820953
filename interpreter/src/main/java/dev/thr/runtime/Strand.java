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

    /** The thread's name, for stories of a run. */
    default String name() { return "thread " + id(); }
}
