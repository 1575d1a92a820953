package dev.thr.runtime;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The default strategy: at each choice, a strand drawn from the seed, which then runs for a
 * number of points drawn from the seed too, up to a bound that depends on the seed: switching
 * at every point would make a simulated run many times slower, and a switch after a random
 * number of points reaches the same interleavings.
 */
public final class RandomWalk implements Strategy {
    private final SplittableRandom choices;
    /**
     * This run's bound on the quantum, from its seed: 1, 2, 4, 8 or 16. Some seeds switch at
     * nearly every point, others let a thread run longer, so that seeds in a row try both
     * fine and coarse interleavings (a deadlock of five philosophers needs fine ones).
     */
    private final int maxQuantum;
    /** Points the running strand passes before the next choice. */
    private int quantum;

    public RandomWalk(long seed) {
        choices = new SplittableRandom(seed);
        maxQuantum = 1 << (int) Math.floorMod(seed, 5L);
    }

    @Override
    public int pick(List<? extends Strand> ready, int current, boolean visible) {
        if (current >= 0 && quantum-- > 0) return current;
        int next = ready.size() == 1 ? 0 : choices.nextInt(ready.size());
        quantum = choices.nextInt(maxQuantum);
        return next;
    }
}
