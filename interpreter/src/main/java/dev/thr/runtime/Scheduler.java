package dev.thr.runtime;

import java.util.random.RandomGenerator;

/**
 * The seam between the evaluator and everything that involves threads, blocking and time.
 * The evaluator and the sync objects never touch java.util.concurrent or the clock directly:
 * they call this, so that a deterministic scheduler with a virtual clock, a deadlock detector
 * or a tracer can replace or wrap it without changing the evaluator.
 *
 * <p>All blocking calls throw InterruptedException when the waiting thread is interrupted
 * (cancellation); timeouts are in nanoseconds, and a negative timeout means "no timeout".
 */
public interface Scheduler {
    /** Creates a thread that will run body; it does not run until {@link Strand#start()}. */
    Strand newStrand(String name, boolean daemon, Runnable body);

    /** The calling thread as a strand. */
    Strand currentStrand();

    /** The thread for a main program: an ordinary (platform) thread even when spawned ones are virtual. */
    Strand newMainStrand(String name, Runnable body);

    void sleep(long nanos) throws InterruptedException;

    /**
     * Called by the evaluator at every loop back edge: true when the calling thread has been
     * asked to stop. A deterministic scheduler can also switch threads here, so that even a
     * busy loop with no blocking call takes turns.
     */
    boolean checkpoint();

    /**
     * A checkpoint before an access to shared state that `site` describes (compiled in only
     * for a deterministic scheduler, which may tell its strategy what each thread is about to do).
     */
    default boolean checkpoint(Object site) { return checkpoint(); }

    /**
     * The calling thread touches what every thread shares with no scheduling point of its own
     * before it (the thread table, the numbering of threads and objects, input, the exit
     * status): a systematic search must not take what it does next for independent of others.
     */
    default void shared(Object resource) {}

    /** The resource that the table and the numbering of threads are (see shared). */
    String THREADS = "threads";

    /** The resource that the contents of lists, maps, sets and objects are (see shared). */
    String HEAP = "the heap";

    /** After such an access: the value read or written. */
    default void observe(Object site, Object value) {}

    /** A monotonic clock in nanoseconds (like perf_counter). */
    long nanoTime();

    /**
     * The host's clock, for deadlines a host sets (a run's time limit): real time even where
     * nanoTime is virtual, since a busy loop moves no virtual clock.
     */
    default long hostNanoTime() { return System.nanoTime(); }

    /** Wall-clock time in nanoseconds since the Unix epoch. */
    long epochNanos();

    /** The source behind random(), uniform() and randint(). */
    RandomGenerator random();

    /** A mutual-exclusion lock with conditions: the one primitive every sync object is built on. */
    Monitor newMonitor();

    /** The operating system's id for the calling thread, or -1 when it has none of its own. */
    long nativeThreadId();

    /** Where `print` writes. */
    Output out();

    /** Where errors from threads are reported. */
    Output err();

    /**
     * Whether a state seen once is a state that holds: true for a deterministic scheduler,
     * where no thread moves unless the scheduler lets it, so a deadlock needs one look only.
     */
    default boolean deterministic() { return false; }

    /** For a deterministic scheduler: whether no thread can run now and no timer will wake one. */
    default boolean stuck() { return false; }

    /** Called (on a thread of the scheduler's) when no thread can run and nothing will wake one. */
    default void onStuck(Runnable listener) {}

    /** A short name for the kind of threads made, for messages ("platform", "virtual"). */
    String kind();
}
