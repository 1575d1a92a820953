package dev.thr.explore;

import dev.thr.runtime.Schedule;
import java.util.ArrayList;
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
 */
final class Search {
    /** One choice on the current path, and the threads still to try there. */
    private static final class Node {
        final Schedule.Choice choice;
        long chosen;
        final List<Long> todo = new ArrayList<>();
        /** Whether the node is on the first run of its pass: the subtrees of its branches are what shards share out. */
        final boolean root;
        Node(Schedule.Choice choice, boolean root) { this.choice = choice; this.chosen = choice.chosen(); this.root = root; }
        boolean preempts() { return choice.current() != 0 && chosen != choice.current(); }
    }

    private final int bound;
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
        this.bound = bound;
        this.shard = shard;
        this.shards = shards;
    }

    /** A search of one pass only, with `bound` preemptions at most (for shrinking: the fewest first). */
    static Search exactly(int bound) {
        Search s = new Search(bound);
        s.pass = bound;
        return s;
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
        int preemptions = 0;
        for (Node n : path) if (n.preempts()) preemptions++;
        for (int k = path.size(); k < choices.size(); k++) {
            Node n = new Node(choices.get(k), first);
            Schedule.Choice c = n.choice;
            boolean costs = c.current() != 0;
            // every point branches, visible or not: a builtin such as sum(xs) or a for loop's next
            // item reads shared state with no visible point before it
            if (!costs || preemptions < pass) {
                for (long id : c.ready()) if (id != c.chosen()) n.todo.add(id);
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
