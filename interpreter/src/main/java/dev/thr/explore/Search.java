package dev.thr.explore;

import dev.thr.runtime.Schedule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A systematic search of every schedule with at most `bound` preemptions, by CHESS's
 * iterative context bounding: first every schedule with no preemption, then with at most
 * one, and so on up to the bound, so that a bug that needs few preemptions is found early and
 * with few. Each pass goes depth first over the choices of a run, re-running the program from
 * the start for each new branch (a stateless search: the simulated program is its own state).
 * Choosing who runs after a thread waits or ends costs nothing; stopping a thread that could
 * go on costs one preemption. When the last pass runs out of branches, every schedule within
 * the bound has been tried, and what it saw is all there is within it.
 *
 * <p>With sleep sets (Godefroid's partial-order reduction), a branch is not tried when it only
 * reorders steps that commute. Where a thread that could go on is preempted, its going on
 * was tried first; if its next step was one quiet access to module variables (or a plain
 * step), that thread sleeps in the later branches until a step that does not commute with
 * it runs, and a run that would wake it by running it is one already seen, with its step
 * moved earlier. Only that thread sleeps, not every branch tried before: moving its step back
 * to where it was preempted never adds a preemption (the preemption there goes, at most one
 * comes back after its step, and the switch to it later goes too), so every schedule left
 * out has one within the same bound that was tried.
 */
final class Search {
    /** One choice on the current path, and the threads still to try there. */
    private static final class Node {
        final Schedule.Choice choice;
        long chosen;
        final List<Long> todo = new ArrayList<>();
        /** Whether the node is on the first run of its pass: the subtrees of its branches are what shards share out. */
        final boolean root;
        /** What the run that made this node did after it, when it took its first branch. */
        Schedule.Segment firstSegment;
        /** The threads asleep here (see the class comment), with the step each would take. */
        Map<Long, Schedule.Segment> sleep = Map.of();
        /** Whether a sleeping thread ran on the way here: all from here on is seen elsewhere. */
        boolean redundant;
        Node(Schedule.Choice choice, boolean root) { this.choice = choice; this.chosen = choice.chosen(); this.root = root; }
        boolean preempts() { return choice.current() != 0 && chosen != choice.current(); }
    }

    private final int bound;
    /** Whether to leave out what only reorders commuting steps (see the class comment). */
    private final boolean reduce;
    /** This search is shard `shard` (from 0) of `shards`: it takes every shards-th subtree of a first run's branches. */
    private final int shard, shards;
    /** Subtrees handed out so far (to this shard and the others), counted the same in every shard. */
    private long subtrees;
    /** Whether the next run is a pass's first (its nodes are roots). */
    private boolean first = true;
    /** The bound of the pass under way. */
    private int pass;
    private final List<Node> path = new ArrayList<>();
    private boolean done;

    Search(int bound) {
        this(bound, 0, 1);
    }

    Search(int bound, int shard, int shards) {
        this(bound, shard, shards, true);
    }

    Search(int bound, int shard, int shards, boolean reduce) {
        this.bound = bound;
        this.reduce = reduce;
        this.shard = shard;
        this.shards = shards;
    }

    /** A search of one pass only, with `bound` preemptions at most (for shrinking: the fewest first). */
    static Search exactly(int bound) {
        Search s = new Search(bound);
        s.pass = bound;
        return s;
    }

    /** The threads asleep after `parent`, whose branch in this run was followed by `after`. */
    private static Map<Long, Schedule.Segment> asleep(Node parent, Schedule.Segment after) {
        Map<Long, Schedule.Segment> sleep = new HashMap<>(parent.sleep);
        Schedule.Choice c = parent.choice;
        Schedule.Segment goesOn = parent.firstSegment;
        // the thread preempted here, once its going on has been tried (the first branch)
        if (c.current() != 0 && c.chosen() == c.current() && parent.chosen != c.current()
                && goesOn.steps() == 1 && goesOn.oneThread() && !goesOn.noisy()) {
            sleep.put(c.current(), goesOn);
        }
        sleep.remove(parent.chosen);
        sleep.values().removeIf(step -> !step.commutesWith(after));
        return sleep.isEmpty() ? Map.of() : sleep;
    }

    /** Whether every schedule within the bound has been tried. */
    boolean done() { return done; }

    /** The schedule for the next run: every choice on the path, forced. */
    Schedule next() {
        Map<Integer, Long> forced = new TreeMap<>();
        for (Node n : path) forced.put(n.choice.step(), n.chosen);
        return Schedule.forced(forced);
    }

    /** Takes in the choices of the run `next()` guided, and moves to the next branch. */
    void ran(Schedule run) {
        List<Schedule.Choice> choices = run.choices();
        List<Schedule.Segment> segments = run.segments();
        int preemptions = 0;
        for (Node n : path) if (n.preempts()) preemptions++;
        for (int k = path.size(); k < choices.size(); k++) {
            Node n = new Node(choices.get(k), first);
            Schedule.Choice c = n.choice;
            n.firstSegment = segments.get(k);
            if (reduce && k > 0) {
                Node parent = path.get(k - 1);
                n.sleep = asleep(parent, segments.get(k - 1));
                // the branch taken at the parent ran a sleeping thread: everything below is seen elsewhere
                n.redundant = parent.redundant || parent.sleep.containsKey(parent.chosen);
            }
            boolean costs = c.current() != 0;
            // every point branches, visible or not: a builtin such as sum(xs) or a for loop's next
            // item reads shared state with no visible point before it
            if (!n.redundant && (!costs || preemptions < pass)) {
                for (long id : c.ready()) if (id != c.chosen() && !n.sleep.containsKey(id)) n.todo.add(id);
            }
            path.add(n);
            if (n.preempts()) preemptions++;
        }
        first = false;
        while (true) {
            while (!path.isEmpty() && path.get(path.size() - 1).todo.isEmpty()) path.remove(path.size() - 1);
            if (path.isEmpty()) {
                if (pass < bound) {
                    pass++; // the next pass starts from the plainest run again
                    first = true;
                } else {
                    done = true;
                }
                return;
            }
            Node last = path.get(path.size() - 1);
            last.chosen = last.todo.remove(0);
            // a branch off a first run roots a subtree: each shard takes its share of them
            if (!last.root || subtrees++ % shards == shard) return;
        }
    }
}
