package dev.thr.value;

import java.util.List;

/** What sets do together: the operators `| & - ^ <= <` and the methods that spell them out. */
public final class SetOps {
    private SetOps() {}

    public static ThrSet union(ThrSet a, Iterable<?> b) {
        ThrSet out = new ThrSet(a.snapshot());
        for (Object v : b) out.add(v);
        return out;
    }

    public static ThrSet intersection(ThrSet a, ThrSet b) {
        ThrSet out = new ThrSet();
        for (Object v : a.snapshot()) if (b.contains(v)) out.add(v);
        return out;
    }

    public static ThrSet difference(ThrSet a, ThrSet b) {
        ThrSet out = new ThrSet();
        for (Object v : a.snapshot()) if (!b.contains(v)) out.add(v);
        return out;
    }

    public static ThrSet symmetricDifference(ThrSet a, ThrSet b) {
        ThrSet out = difference(a, b);
        for (Object v : b.snapshot()) if (!a.contains(v)) out.add(v);
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
