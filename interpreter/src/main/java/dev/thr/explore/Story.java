package dev.thr.explore;

import dev.thr.runtime.Access;
import dev.thr.runtime.Strand;
import dev.thr.runtime.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches a simulated run that another strategy chooses, and writes down what each thread
 * did, in order: its reads and writes of shared state, its calls on shared objects, its
 * waits, its end, and every switch with the access the stopped thread was about to make.
 * Narration tells it.
 */
final class Story implements Strategy {
    sealed interface Event permits Did, Switch, Waits, Ends {}

    /** `thread` did `access`; `value` is what it read, wrote or got back. */
    record Did(String thread, Access access, Object value) implements Event {}

    /**
     * The run goes on in `to`. `from` is the thread that was running, with the access it was
     * about to make (null when it waits or ended, or is between accesses: then `last` is its
     * last one, if any), and `preempted` whether it could have gone on. `inside`: it was
     * stopped within that access, past the point before it (in a call such as `c.wait()`,
     * which lets go of its lock before it waits).
     */
    record Switch(String from, Access pending, Access last, String to, boolean preempted, boolean inside) implements Event {}

    /** `thread` waits; `at` is its last access (the call it waits in, or what it read just before). */
    record Waits(String thread, Access at) implements Event {}

    record Ends(String thread) implements Event {}

    /** A story longer than this keeps its end, where the failure is: a narration shows far less anyway. */
    static final int MAX_EVENTS = 200_000;

    private final Strategy inner;
    private final java.util.ArrayDeque<Event> events = new java.util.ArrayDeque<>();
    /** Each thread's accesses begun and not done yet, innermost last (`q.get()` is begun before `q` is read). */
    private final Map<Long, java.util.ArrayDeque<Access>> pending = new HashMap<>();
    /** Each thread's last access, begun or done: where it is when it waits. */
    private final Map<Long, Access> lastSeen = new HashMap<>();
    /** Threads whose innermost begun access has had its own point: a later one is inside it. */
    private final java.util.Set<Long> pastPoint = new java.util.HashSet<>();
    /** Set once the run is being stopped: the unwinding that follows is not part of the story. */
    private boolean over;
    /** The thread that ran last, so that a switch can name it. */
    private Strand last;

    Story(Strategy inner) {
        this.inner = inner;
    }

    @Override
    public int pick(List<? extends Strand> ready, int current, boolean visible) {
        int next = inner.pick(ready, current, visible);
        Strand to = ready.get(next);
        if (last != null && to.id() != last.id()) {
            boolean preempted = current >= 0 && next != current;
            Access pendingAccess = current >= 0 ? innermost(last) : null;
            add(new Switch(dev.thr.runtime.ThrThread.shown(last.name()), pendingAccess, lastSeen.get(last.id()),
                    dev.thr.runtime.ThrThread.shown(to.name()), preempted, pendingAccess != null && pastPoint.contains(last.id())));
        }
        if (current >= 0) pastPoint.add(ready.get(current).id()); // its next choice, if still in the access, is inside it
        last = to;
        return next;
    }

    @Override public boolean watches() { return true; }

    @Override
    public void before(Strand s, Object site) {
        if (site instanceof Access a) {
            pending.computeIfAbsent(s.id(), k -> new java.util.ArrayDeque<>()).addLast(a);
            lastSeen.put(s.id(), a);
            pastPoint.remove(s.id());
        }
    }

    @Override
    public void did(Strand s, Object site, Object value) {
        var begun = pending.get(s.id());
        if (begun != null) begun.removeLastOccurrence(site);
        pastPoint.add(s.id()); // an outer access still begun has had its point long ago
        if (site instanceof Access a) {
            lastSeen.put(s.id(), a);
            add(new Did(dev.thr.runtime.ThrThread.shown(s.name()), a, value));
        }
    }

    @Override
    public void waits(Strand s) {
        Access in = innermost(s);
        add(new Waits(dev.thr.runtime.ThrThread.shown(s.name()), in != null ? in : lastSeen.get(s.id())));
    }

    @Override
    public void ended(Strand s) {
        add(new Ends(dev.thr.runtime.ThrThread.shown(s.name())));
    }

    private Access innermost(Strand s) {
        var begun = pending.get(s.id());
        return begun == null ? null : begun.peekLast();
    }

    @Override
    public void stopping(Strand s) {
        over = true;
    }

    private void add(Event e) {
        if (over) return;
        if (events.size() == MAX_EVENTS) events.removeFirst();
        events.addLast(e);
    }

    /** What happened, in order (the last MAX_EVENTS events of a longer run). */
    List<Event> events() { return new ArrayList<>(events); }
}
