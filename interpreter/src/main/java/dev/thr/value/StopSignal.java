package dev.thr.value;

/**
 * Whether the thread doing some long piece of work (a string repeated a billion times, a power
 * of a huge integer) is being stopped. Such work asks now and then and ends with Cancelled, so
 * that a Ctrl-C or a host's cancel() does not wait for it and its result never lands.
 */
@FunctionalInterface
public interface StopSignal {
    /**
     * For work no one can stop (constant folding, tests). A class, not a lambda: the JDK's AOT
     * cache does not keep a lambda made in an interface's initializer, and making one at run
     * time starts the JDK's class-file API cold, milliseconds of every start (docs/speed.md).
     */
    StopSignal NEVER = new Never();

    /** See NEVER. */
    final class Never implements StopSignal {
        private Never() {}

        @Override public boolean stopped() { return false; }
    }

    boolean stopped();

    /** Ends the work when the thread is being stopped. */
    default void check() {
        if (stopped()) throw new Cancelled();
    }
}
