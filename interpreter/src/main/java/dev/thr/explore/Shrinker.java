package dev.thr.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Makes a failing schedule as small as the failure allows: delta debugging (Zeller's ddmin)
 * over its switches, keeping a smaller schedule whenever it still fails the same way. Each
 * switch left out lets the thread that was running go on, so the result has few preemptions,
 * and each one it keeps is needed for the failure.
 */
final class Shrinker<K extends Comparable<K>> {
    private Shrinker() {}

    /** What a run of a schedule gave: whether it failed the same way, and the switches it really made. */
    record Tried<K>(boolean fails, Map<K, Long> made, int preemptions) {}

    /** At most `budget` runs of `run`; returns the smallest failing schedule found. */
    static <K extends Comparable<K>> Map<K, Long> shrink(Map<K, Long> failing, Function<Map<K, Long>, Tried<K>> run, int budget) {
        List<Map.Entry<K, Long>> current = new ArrayList<>(failing.entrySet());
        int n = 2;
        int runs = 0;
        while (current.size() >= 1 && runs < budget) {
            int chunk = Math.max(1, (int) Math.ceil(current.size() / (double) n));
            boolean smaller = false;
            for (int from = 0; from < current.size() && runs < budget; from += chunk) {
                List<Map.Entry<K, Long>> without = new ArrayList<>(current.subList(0, from));
                without.addAll(current.subList(Math.min(current.size(), from + chunk), current.size()));
                Tried<K> t = run.apply(asMap(without));
                runs++;
                if (t.fails()) {
                    // what the run really switched is the schedule now: a switch whose thread
                    // could not run was left out, and the run may have taken no other
                    current = new ArrayList<>(new TreeMap<>(t.made()).entrySet());
                    n = Math.max(n - 1, 2);
                    smaller = true;
                    break;
                }
            }
            if (!smaller) {
                if (chunk == 1) break;
                n = Math.min(n * 2, current.size());
            }
        }
        return asMap(current);
    }

    private static <K extends Comparable<K>> Map<K, Long> asMap(List<Map.Entry<K, Long>> entries) {
        Map<K, Long> m = new TreeMap<>();
        for (Map.Entry<K, Long> e : entries) m.put(e.getKey(), e.getValue());
        return m;
    }
}
