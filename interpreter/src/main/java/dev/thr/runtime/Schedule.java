package dev.thr.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run written down as the few places where it differs from the plainest run, in which each
 * thread goes on until it waits or ends and then the lowest-numbered thread that can run goes.
 * `2.14:3,4.9:1` means "when thread 2 is at its 14th scheduling point, thread 3 runs; when
 * thread 4 is at its 9th, thread 1 runs". Threads are numbered in the order they were made,
 * the main program being 1; a thread's points are counted in its own code, so that dropping
 * one switch leaves the others where they were (which is what lets a schedule be shrunk).
 * When a thread waits or ends, the choice of who runs next counts as its next point. A
 * switch away from a thread that could have gone on is a preemption.
 *
 * <p>As a strategy, a schedule replays itself; it also writes down every run it guides, or
 * any other strategy's run when it wraps one, so that a run found by chance can be replayed,
 * shrunk and told. A systematic search forces choices by their number in the run instead.
 */
public final class Schedule implements Strategy {
    /** A thread's `point`-th scheduling point. */
    public record At(long thread, int point) implements Comparable<At> {
        @Override
        public int compareTo(At o) {
            return thread != o.thread ? Long.compare(thread, o.thread) : Integer.compare(point, o.point);
        }

        @Override
        public String toString() { return thread + "." + point; }
    }

    /**
     * One choice of a run (a point where more than one thread could run): its number, who
     * could run, who was at the point (0: nobody, it waits or ended), who ran, and whether the
     * point was visible (see Strategy.pick).
     */
    public record Choice(int step, long[] ready, long current, long chosen, boolean visible) {
        public boolean preempts() { return current != 0 && chosen != current; }
    }

    /**
     * After this many choices in a row where a thread went on while others could run, the
     * plainest run lets the next thread run: else a thread that spins waiting for another
     * (`while not done { }`) would keep the baton for ever.
     */
    static final int FAIR = 10_000;

    /**
     * What a run did between one choice and the next (for a search): what its steps read and
     * wrote of what threads share, resource by resource (`touched`: true for a write), and
     * whether any step did what cannot be put so (a thread's end, a stop, a thread's first
     * step: `noisy`). A module variable is a resource by its name; the contents of lists,
     * maps and objects are one resource, Scheduler.HEAP, which every step reads (a builtin such as
     * sum(xs) or a loop's next item reads it with no point before) and only an item's or a
     * field's write, a method call or a deletion writes; the rest come from the runtime
     * (Strategy.shared). `steps` counts the steps, `oneThread` says whether one thread took them.
     */
    public record Segment(Map<Object, Boolean> touched, boolean noisy, int steps, boolean oneThread) {
        /** Whether this segment, one quiet step, and `other` give the same state in either order. */
        public boolean commutesWith(Segment other) {
            if (noisy || other.noisy || steps != 1) return false;
            for (var e : touched.entrySet()) {
                Boolean theirs = other.touched.get(e.getKey());
                if (theirs != null && (theirs || e.getValue())) return false;
            }
            return true;
        }
    }

    /** A module variable as a resource (see Segment). */
    private record Variable(String name) {}

    /** A strand's next step is its first, or follows a stop: nothing is known of it. */
    private static final Object NOISY = new Object();
    /** A strand's next step starts at a point with no access: a loop's turn, a call. */
    private static final Object PLAIN = new Object();
    /** A strand's next step goes on inside the operation it waited in (on `on`). */
    private record Resumes(Object on) {}

    private final Map<At, Long> switches;
    /** For a search: who runs at which choice (by its number in the run). */
    private final Map<Integer, Long> forced;
    /** When set, this strategy chooses and the schedule only writes down. */
    private final Strategy inner;
    /** Every choice, for a search; null otherwise. */
    private final List<Choice> taken;
    /** For a search: each choice's segment, built as the run goes (see Segment). */
    private final List<SegmentBuilder> segments;
    /** For a search: what each strand's next step starts with: the Access at its point, PLAIN or NOISY. */
    private final Map<Long, Object> pending = new HashMap<>();
    private final TreeMap<At, Long> made = new TreeMap<>();
    private final Map<Long, Integer> points = new HashMap<>();
    /** The thread that ran last: when it waits or ends, the next choice is its point. */
    private long last;
    private int step, preemptions;
    /** Choices in a row at which the running thread went on: see FAIR. */
    private int spin;

    private Schedule(Map<At, Long> switches, Map<Integer, Long> forced, Strategy inner, boolean keepAll) {
        this.switches = switches;
        this.forced = forced;
        this.inner = inner;
        this.taken = keepAll ? new ArrayList<>() : null;
        this.segments = keepAll ? new ArrayList<>() : null;
    }

    /** Replays `switches`. */
    public static Schedule replay(Map<At, Long> switches) {
        return new Schedule(new HashMap<>(switches), null, null, false);
    }

    /** Runs the thread `forced` names at each numbered choice (the plainest choice elsewhere), keeping every choice. */
    public static Schedule forced(Map<Integer, Long> forced) {
        return new Schedule(Map.of(), new HashMap<>(forced), null, true);
    }

    /** Writes down what `inner` chooses. */
    public static Schedule recording(Strategy inner) {
        return new Schedule(Map.of(), null, inner, false);
    }

    /** Parses `2.14:3,4.9:1` (or `none`, for the plainest run); throws IllegalArgumentException with a message for a person. */
    public static Schedule parse(String text) {
        Map<At, Long> m = new HashMap<>();
        if (!text.strip().equals("none")) {
            for (String part : text.strip().split(",")) {
                if (part.isBlank()) continue;
                var match = java.util.regex.Pattern.compile("\\s*(\\d+)\\.(\\d+)\\s*:\\s*(\\d+)\\s*").matcher(part);
                if (!match.matches()) {
                    throw new IllegalArgumentException("a schedule is a list of THREAD.POINT:THREAD such as 2.14:3,4.9:1, not '" + part.strip() + "'");
                }
                try {
                    At at = new At(Long.parseLong(match.group(1)), Integer.parseInt(match.group(2)));
                    if (m.put(at, Long.parseLong(match.group(3))) != null) throw new IllegalArgumentException(at + " appears twice in the schedule");
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a number in the schedule is too large: '" + part.strip() + "'");
                }
            }
        }
        return replay(m);
    }

    /** `2.14:3,4.9:1`, as parse reads it; `none` for the plainest run. */
    public static String text(Map<At, Long> switches) {
        if (switches.isEmpty()) return "none";
        StringBuilder b = new StringBuilder();
        new TreeMap<>(switches).forEach((at, who) -> b.append(b.isEmpty() ? "" : ",").append(at).append(':').append(who));
        return b.toString();
    }

    @Override
    public boolean watches() { return segments != null; }

    @Override
    public boolean hearsValues() { return false; }

    @Override
    public void before(Strand s, Object site) {
        if (segments != null) pending.put(s.id(), site);
    }

    @Override
    public void shared(Strand s, Object resource, boolean writes) {
        if (resource instanceof Access a && a.moduleVariable()) resource = new Variable(a.variable()); // `del x` (Deletes)
        if (segments != null && !segments.isEmpty()) segments.get(segments.size() - 1).touch(resource, writes);
    }

    @Override
    public void waits(Strand s, Object on) {
        if (segments == null) return;
        pending.put(s.id(), new Resumes(on));
        shared(s, on, true);
    }

    @Override
    public void ended(Strand s) { noisy(); }

    @Override
    public void stopping(Strand s) { noisy(); }

    private void noisy() {
        if (segments != null && !segments.isEmpty()) segments.get(segments.size() - 1).noisy = true;
    }

    @Override
    public int pick(List<? extends Strand> ready, int current, boolean visible) {
        if (segments != null && current >= 0 && !visible) pending.put(ready.get(current).id(), PLAIN);
        long who = current >= 0 ? ready.get(current).id() : last;
        int point = points.merge(who, 1, Integer::sum);
        int fallback = inner != null ? inner.pick(ready, current, visible) : -1;
        int chosen = 0;
        if (ready.size() > 1) {
            step++;
            int plain = current < 0 ? lowest(ready) : spin < FAIR ? current : after(ready, current);
            Long want = inner != null ? null : forced != null ? forced.get(step) : switches.get(new At(who, point));
            int i = want == null ? -1 : indexOf(ready, want);
            chosen = inner != null ? fallback : i >= 0 ? i : plain;
            if (chosen != plain) made.put(new At(who, point), ready.get(chosen).id());
            if (current >= 0 && chosen != current) preemptions++;
            spin = chosen == current ? spin + 1 : 0;
            if (taken != null) {
                long[] ids = new long[ready.size()];
                for (int k = 0; k < ids.length; k++) ids[k] = ready.get(k).id();
                taken.add(new Choice(step, ids, current >= 0 ? ids[current] : 0, ids[chosen], visible));
                segments.add(new SegmentBuilder(ids[chosen]));
            }
        }
        last = ready.get(chosen).id();
        if (segments != null && !segments.isEmpty()) {
            segments.get(segments.size() - 1).step(last, pending.getOrDefault(last, NOISY));
        }
        return chosen;
    }

    private static int lowest(List<? extends Strand> ready) {
        int best = 0;
        for (int i = 1; i < ready.size(); i++) if (ready.get(i).id() < ready.get(best).id()) best = i;
        return best;
    }

    /** The thread numbered next after ready[current], round the circle. */
    private static int after(List<? extends Strand> ready, int current) {
        long me = ready.get(current).id();
        int best = -1;
        for (int i = 0; i < ready.size(); i++) {
            long id = ready.get(i).id();
            if (id > me && (best < 0 || id < ready.get(best).id())) best = i;
        }
        return best >= 0 ? best : lowest(ready);
    }

    private static int indexOf(List<? extends Strand> ready, long id) {
        for (int i = 0; i < ready.size(); i++) if (ready.get(i).id() == id) return i;
        return -1;
    }

    /** The segment after each choice of choices() (for a forced schedule; else null). */
    public List<Segment> segments() {
        return segments == null ? null : segments.stream().map(SegmentBuilder::build).toList();
    }

    private static final class SegmentBuilder {
        final long thread;
        final Map<Object, Boolean> touched = new HashMap<>();
        boolean noisy, oneThread = true;
        int steps;

        SegmentBuilder(long thread) { this.thread = thread; }

        void touch(Object resource, boolean writes) {
            touched.merge(resource, writes, Boolean::logicalOr);
        }

        /** `who` takes a step that starts with `what` (see pending). */
        void step(long who, Object what) {
            steps++;
            if (who != thread) oneThread = false;
            touch(Scheduler.HEAP, false);
            if (what instanceof Access a) {
                if (a.moduleVariable()) touch(new Variable(a.variable()), !a.verb().equals("reads"));
                // an item, a field or a captured variable is written, or a method may change its object
                else if (a.verb().equals("writes") || a.verb().equals("deletes") || a.verb().equals("calls")) touch(Scheduler.HEAP, true);
                // else a print, a spawn, a join, a lock taken: what they share the runtime says (Strategy.shared)
            } else if (what instanceof Resumes r) {
                touch(r.on(), true);
                touch(Scheduler.THREADS, true);
            } else {
                if (what != PLAIN) noisy = true;
            }
        }

        Segment build() { return new Segment(Map.copyOf(touched), noisy, steps, oneThread); }
    }

    /** Every choice of the run so far (for a forced schedule; else null). */
    public List<Choice> choices() { return taken; }

    /** How many choices the run made so far. */
    public int steps() { return step; }

    /** The run so far as a schedule: the choices that differ from the plainest run's. */
    public Map<At, Long> switches() { return made; }

    /** How many of the run's choices were preemptions. */
    public int preemptions() { return preemptions; }
}
