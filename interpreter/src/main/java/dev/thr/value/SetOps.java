package dev.thr.value;

import java.util.List;

/**
 * What sets do together: the operators `| & - ^ <= <` and the methods that spell them out.
 * Sets of millions of elements take a while: `stop` is asked every few thousand.
 */
public final class SetOps {
    private SetOps() {}

    public static ThrSet union(ThrSet a, Iterable<?> b, StopSignal stop) {
        ThrSet out = new ThrSet(a.snapshot());
        int n = 0;
        for (Object v : b) {
            if ((++n & 4095) == 0) stop.check();
            out.add(v);
        }
        return out;
    }

    public static ThrSet intersection(ThrSet a, ThrSet b, StopSignal stop) {
        return filtered(a, b, true, stop);
    }

    public static ThrSet difference(ThrSet a, ThrSet b, StopSignal stop) {
        return filtered(a, b, false, stop);
    }

    public static ThrSet symmetricDifference(ThrSet a, ThrSet b, StopSignal stop) {
        ThrSet out = difference(a, b, stop);
        for (Object v : difference(b, a, stop).snapshot()) out.add(v);
        return out;
    }

    /** The elements of a that are in b (`in` true) or not. */
    private static ThrSet filtered(ThrSet a, ThrSet b, boolean in, StopSignal stop) {
        ThrSet out = new ThrSet();
        int n = 0;
        for (Object v : a.snapshot()) {
            if ((++n & 4095) == 0) stop.check();
            if (b.contains(v) == in) out.add(v);
        }
        return out;
    }

    /** Every element of a is in b. */
    public static boolean subset(ThrSet a, ThrSet b) {
        List<Object> mine = a.snapshot();
        if (mine.size() > b.size()) return false;
        for (Object v : mine) if (!b.contains(v)) return false;
        return true;
    }
}
