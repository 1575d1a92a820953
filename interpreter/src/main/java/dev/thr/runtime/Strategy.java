package dev.thr.runtime;

import java.util.List;

/**
 * Who runs next under simulation. The simulated scheduler asks at every scheduling point;
 * the answer alone decides the interleaving, so a strategy that answers the same way gives
 * the same run. A random walk is the default; the explorer brings others (a fixed schedule,
 * priorities that change a few times, a systematic search) and may watch what each thread
 * does, to tell the story of a run.
 */
public interface Strategy {
    /**
     * @param ready the strands that can run, in the order they became able to (never empty)
     * @param current the index in ready of the strand at the point, which may go on; -1 when
     *     it cannot (it waits, or it ended)
     * @param visible whether the point is before an access to shared state that the
     *     program shows (a read, a write, a call on an object, a lock taken, a print, a spawn,
     *     a join). Other points matter too: a for loop's next item or a builtin such as
     *     sum(xs) reads shared state with no visible point before it.
     * @return the index in ready of the strand to run
     */
    int pick(List<? extends Strand> ready, int current, boolean visible);

    /** Whether the scheduler should tell this strategy what the threads do (the methods below). */
    default boolean watches() { return false; }

    /** Whether, watching, it wants the values read and written too (did): each costs a lock. */
    default boolean hearsValues() { return watches(); }

    /** A strand is about to do what `site` says (a read, a write, a call), at a point before it. */
    default void before(Strand s, Object site) {}

    /** ... and did it: `value` is what it read or wrote. */
    default void did(Strand s, Object site, Object value) {}

    /**
     * A strand reads or writes `resource`, which threads share, with no point of its own
     * before it: output, the clock, random numbers, the thread table, a strand (its start,
     * join, interrupt), a lock's monitor. A step that writes one does not commute with
     * another that touches it (see Search).
     */
    default void shared(Strand s, Object resource, boolean writes) {}

    /** A strand starts to wait (for a lock, a queue, a timer, a thread). */
    default void waits(Strand s) {}

    /** ... on `on` (a monitor, a strand it joins, the clock), in which it goes on when woken. */
    default void waits(Strand s, Object on) { waits(s); }

    /** A strand ended. */
    default void ended(Strand s) {}

    /** A strand is being stopped (its run ends: a deadlock, an error, a cancel): what follows is unwinding. */
    default void stopping(Strand s) {}
}
