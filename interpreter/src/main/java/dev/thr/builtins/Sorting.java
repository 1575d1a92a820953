package dev.thr.builtins;

import dev.thr.value.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Python's sort: stable, asking only "is this less than that?". A merge sort, since Java's
 * own refuses orders that are not total ("Comparison method violates its general contract"),
 * and thr has such orders: sets by subset, floats with a NaN, where Python sorts without
 * complaint into some order.
 */
final class Sorting {
    private Sorting() {}

    /**
     * Sorts [key, item] pairs by key; reverse sorts as if every comparison were turned round,
     * keeping equal items in order. `stopped` is asked now and then: sorting millions of items
     * takes seconds, and a run being stopped must not wait for it.
     */
    static List<Object> sorted(List<Object[]> keyed, boolean reverse, java.util.function.BooleanSupplier stopped) {
        List<Object[]> work = new ArrayList<>(keyed);
        if (reverse) Collections.reverse(work);
        Object[][] a = work.toArray(new Object[0][]);
        mergeSort(a, new Object[a.length][], 0, a.length, stopped);
        List<Object> out = new ArrayList<>(a.length);
        for (Object[] k : a) out.add(k[1]);
        if (reverse) Collections.reverse(out);
        return out;
    }

    private static void mergeSort(Object[][] a, Object[][] tmp, int from, int to, java.util.function.BooleanSupplier stopped) {
        if (to - from < 2) return;
        if (to - from >= 4096 && stopped.getAsBoolean()) throw new dev.thr.value.Cancelled();
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, stopped);
        mergeSort(a, tmp, mid, to, stopped);
        if (!less(a[mid][0], a[mid - 1][0])) return; // already in order
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from, j = mid, k = from;
        while (i < mid && j < to) a[k++] = less(tmp[j][0], tmp[i][0]) ? tmp[j++] : tmp[i++];
        while (i < mid) a[k++] = tmp[i++];
        while (j < to) a[k++] = tmp[j++];
    }

    private static boolean less(Object x, Object y) {
        return Values.compare(x, y, "<") == -1;
    }
}
