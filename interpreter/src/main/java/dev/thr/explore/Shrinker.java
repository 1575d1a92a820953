package dev.thr.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.thr.runtime.Schedule;
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

    /**
     * Moves switches: ddmin only drops them, and a failure that needs a switch at a slightly
     * different place (or to another thread) can keep several where one would do. Each switch
     * is tried a few points earlier and later, and towards each other thread; a change is kept
     * when the run still fails the same way with fewer preemptions (or as many, with fewer
     * switches), and then dropping is tried again. At most `budget` runs.
     */
    static Map<Schedule.At, Long> move(Map<Schedule.At, Long> failing, int preemptions, List<Long> threads,
                                       Function<Map<Schedule.At, Long>, Tried<Schedule.At>> run, int budget) {
        Map<Schedule.At, Long> current = new TreeMap<>(failing);
        int best = preemptions;
        int[] runs = {0};
        boolean better = true;
        while (better && runs[0] < budget) {
            better = false;
            search:
            for (Map.Entry<Schedule.At, Long> e : new ArrayList<>(current.entrySet())) {
                for (Map<Schedule.At, Long> candidate : neighbours(current, e.getKey(), e.getValue(), threads)) {
                    if (runs[0]++ >= budget) break search;
                    Tried<Schedule.At> t = run.apply(candidate);
                    if (!t.fails()) continue;
                    if (t.preemptions() < best || t.preemptions() == best && t.made().size() < current.size()) {
                        Function<Map<Schedule.At, Long>, Tried<Schedule.At>> counted = m -> { runs[0]++; return run.apply(m); };
                        current = new TreeMap<>(shrink(t.made(), counted, Math.max(1, budget - runs[0])));
                        best = Math.min(best, t.preemptions());
                        better = true;
                        break search;
                    }
                }
            }
        }
        return current;
    }

    /** The schedule with one switch moved a few points either way, or sent to another thread. */
    private static List<Map<Schedule.At, Long>> neighbours(Map<Schedule.At, Long> schedule, Schedule.At at, long to,
                                                           List<Long> threads) {
        List<Map<Schedule.At, Long>> out = new ArrayList<>();
        for (int d = 1; d <= MOVES; d++) {
            for (int sign : new int[] {-1, 1}) {
                Schedule.At moved = new Schedule.At(at.thread(), at.point() + sign * d);
                if (moved.point() < 1 || schedule.containsKey(moved)) continue;
                Map<Schedule.At, Long> m = new TreeMap<>(schedule);
                m.remove(at);
                m.put(moved, to);
                out.add(m);
            }
        }
        for (long other : threads) {
            if (other == to || other == at.thread()) continue;
            Map<Schedule.At, Long> m = new TreeMap<>(schedule);
            m.put(at, other);
            out.add(m);
        }
        return out;
    }

    /** How far a switch is moved either way, in its thread's points. */
    static final int MOVES = 6;

    private static <K extends Comparable<K>> Map<K, Long> asMap(List<Map.Entry<K, Long>> entries) {
        Map<K, Long> m = new TreeMap<>();
        for (Map.Entry<K, Long> e : entries) m.put(e.getKey(), e.getValue());
        return m;
    }
}
