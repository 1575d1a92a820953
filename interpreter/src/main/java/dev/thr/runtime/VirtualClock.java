package dev.thr.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The time of a simulated run: it stands still while any thread can run, and moves straight
 * to the earliest timer of a thread that waits with a timeout when none can (Go synctest's
 * rule), or on by steps while a thread spins (see SPIN). Guarded by the scheduler's world lock.
 */
final class VirtualClock {
    /**
     * Reads in a row (of shared state, or of the clock) by one thread with no write and no
     * wait of its own, after which it is taken to be spinning (`while not done { }`,
     * `while now() < t { }`; a loop that computes on its own variables counts nothing) and
     * the clock moves on, as real time would while it spins: to the earliest timer (a
     * spin most often waits for a flag that a sleeping thread will set), or with none, by
     * SPIN_STEP, then twice that, and so on (at most a second at a time), so that a spin on
     * the clock ends after a few dozen such steps.
     * Far more points than a program passes between two waits unless it spins; counted,
     * not timed, so a run stays the same on every machine. Counted for each thread, so that
     * what one thread does to its count commutes with what any other does (see Search).
     */
    static final int SPIN = 20_000;
    static final long SPIN_STEP = 1_000_000L, SPIN_STEP_MAX = 1_000_000_000L;

    /** A strand's wake-up at virtual time `at`; `seq` orders those due at once by when they were set. */
    record Timer(long at, long seq, SimScheduler.SimStrand strand) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    private long now, seq;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();

    long now() { return now; }

    boolean hasTimers() { return !timers.isEmpty(); }

    /** A timer for `s`, `nanos` from now. */
    Timer set(SimScheduler.SimStrand s, long nanos) {
        Timer t = new Timer(now + nanos, ++seq, s);
        timers.add(t);
        return t;
    }

    void cancel(Timer t) { timers.remove(t); }

    /** Moves to the earliest timer (there is one); the strands whose timers are then due, in order. */
    List<SimScheduler.SimStrand> fireEarliest() {
        now = Math.max(now, timers.peek().at());
        List<SimScheduler.SimStrand> due = new ArrayList<>();
        while (!timers.isEmpty() && timers.peek().at() <= now) due.add(timers.poll().strand());
        return due;
    }

    /** `s` read (true) or did another access (false); true when it has now spun SPIN reads (see SPIN). */
    static boolean spins(SimScheduler.SimStrand s, boolean read) {
        if (!read) {
            s.busy = 0;
            return false;
        }
        return ++s.busy >= SPIN;
    }

    /** `s` spun and no timer is set: time moves on by its step, which doubles for its next spin. */
    void spinOn(SimScheduler.SimStrand s) {
        now += s.spinStep;
        s.spinStep = Math.min(s.spinStep * 2, SPIN_STEP_MAX);
    }
}
