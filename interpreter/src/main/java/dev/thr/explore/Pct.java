package dev.thr.explore;

import dev.thr.runtime.Strand;
import dev.thr.runtime.Strategy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing (Burckhardt et al., 2010): every thread gets a random
 * priority when first seen, the highest-priority thread that can run always runs, and at
 * depth - 1 choices drawn at random from the run's length the running thread drops below
 * all others. A bug that needs d ordering constraints is found with probability at least
 * 1 / (n k^(d-1)) per run for n threads and k steps: far better than a random walk for bugs
 * that need a thread to stop at one exact place.
 */
final class Pct implements Strategy {
    private final SplittableRandom random;
    private final Map<Long, Integer> priority = new HashMap<>();
    private final int[] changeAt;
    /** Priorities below every starting one, handed out at change points. */
    private int low;
    private int step;

    /** `steps`: about how many choices a run makes (a change point is drawn among them). */
    Pct(long seed, int depth, int steps) {
        random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 1);
        changeAt = new int[Math.max(0, depth - 1)];
        for (int i = 0; i < changeAt.length; i++) changeAt[i] = 1 + random.nextInt(Math.max(1, steps));
    }

    @Override
    public int pick(List<? extends Strand> ready, int current, boolean visible) {
        if (ready.size() < 2) return 0;
        boolean spinning = current >= 0 && ++spin >= FAIR;
        step++;
        for (int i = 0; i < changeAt.length; i++) {
            if (changeAt[i] == step && current >= 0) priority.put(ready.get(current).id(), --low);
        }
        if (spinning) priority.put(ready.get(current).id(), --low); // a thread that spins lets the others run
        int best = 0, bestPriority = Integer.MIN_VALUE;
        for (int i = 0; i < ready.size(); i++) {
            int p = priority.computeIfAbsent(ready.get(i).id(), id -> random.nextInt(1 << 20) + 1);
            if (p > bestPriority) {
                best = i;
                bestPriority = p;
            }
        }
        if (best != current) spin = 0;
        return best;
    }

    /** Points in a row at which the running thread went on while others could run (see Schedule.FAIR). */
    private int spin;
    private static final int FAIR = 10_000;

    int steps() { return step; }
}
