package dev.thr.value;

/**
 * Whether the thread doing some long piece of work (a string repeated a billion times, a power
 * of a huge integer) is being stopped. Such work asks now and then and ends with Cancelled, so
 * that a Ctrl-C or a host's cancel() does not wait for it and its result never lands.
 */
@FunctionalInterface
public interface StopSignal {
    /** For work no one can stop (constant folding, tests). */
    StopSignal NEVER = () -> false;

    boolean stopped();

    /** Ends the work when the thread is being stopped. */
    default void check() {
        if (stopped()) throw new Cancelled();
    }
}
