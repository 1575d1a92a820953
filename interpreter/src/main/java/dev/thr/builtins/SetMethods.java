package dev.thr.builtins;

import static dev.thr.eval.Signature.of;

import dev.thr.eval.ThreadContext;
import dev.thr.value.SetOps;
import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.ThrSet;
import dev.thr.value.Values;

/** `set(iterable)` and the methods of sets, Python's names and meanings. */
final class SetMethods {
    private SetMethods() {}

    static void register(Registry r) {
        r.function("set", of("set", "items="), (ctx, a) -> Args.given(a[0]) ? copy(ctx, a[0]) : new ThrSet());
        r.method(ThrSet.class, "add", of("add", "item"), (ctx, s, a) -> { s.add(a[0]); return null; });
        r.method(ThrSet.class, "remove", of("remove", "item"), (ctx, s, a) -> {
            if (!s.remove(a[0])) throw ThrError.key(Values.repr(a[0]) + " is not in the set");
            return null;
        });
        r.method(ThrSet.class, "discard", of("discard", "item"), (ctx, s, a) -> { s.remove(a[0]); return null; });
        r.method(ThrSet.class, "pop", of("pop"), (ctx, s, a) -> {
            Object v = s.pop();
            if (v == ThrSet.EMPTY) throw ThrError.key("pop from an empty set");
            return v;
        });
        r.method(ThrSet.class, "clear", of("clear"), (ctx, s, a) -> { s.clear(); return null; });
        r.method(ThrSet.class, "copy", of("copy"), (ctx, s, a) -> new ThrSet(s.snapshot()));
        r.method(ThrSet.class, "update", of("update", "*others"), (ctx, s, a) -> {
            for (Object other : ((ThrList) a[0]).snapshot()) {
                for (var it = Args.iterate(ctx, other); it.hasNext(); ) s.add(it.next());
            }
            return null;
        });
        r.method(ThrSet.class, "union", of("union", "*others"), (ctx, s, a) -> {
            ThrSet out = new ThrSet(s.snapshot());
            for (Object other : ((ThrList) a[0]).snapshot()) {
                for (var it = Args.iterate(ctx, other); it.hasNext(); ) out.add(it.next());
            }
            return out;
        });
        r.method(ThrSet.class, "intersection", of("intersection", "*others"), (ctx, s, a) -> {
            ThrSet out = new ThrSet(s.snapshot());
            for (Object other : ((ThrList) a[0]).snapshot()) out = SetOps.intersection(out, set(ctx, other), ctx.thread());
            return out;
        });
        r.method(ThrSet.class, "difference", of("difference", "*others"), (ctx, s, a) -> {
            ThrSet out = new ThrSet(s.snapshot());
            for (Object other : ((ThrList) a[0]).snapshot()) out = SetOps.difference(out, set(ctx, other), ctx.thread());
            return out;
        });
        r.method(ThrSet.class, "symmetric_difference", of("symmetric_difference", "other"),
                (ctx, s, a) -> SetOps.symmetricDifference(s, set(ctx, a[0]), ctx.thread()));
        r.method(ThrSet.class, "issubset", of("issubset", "other"), (ctx, s, a) -> SetOps.subset(s, set(ctx, a[0])));
        r.method(ThrSet.class, "issuperset", of("issuperset", "other"), (ctx, s, a) -> SetOps.subset(set(ctx, a[0]), s));
        r.method(ThrSet.class, "isdisjoint", of("isdisjoint", "other"),
                (ctx, s, a) -> SetOps.intersection(s, set(ctx, a[0]), ctx.thread()).size() == 0);
    }

    /** A new set of an iterable's elements, stoppable as every long builtin is. */
    private static ThrSet copy(ThreadContext ctx, Object v) {
        if (v instanceof ThrSet s) return new ThrSet(s.snapshot());
        ThrSet out = new ThrSet();
        for (var it = Args.iterate(ctx, v); it.hasNext(); ) out.add(it.next());
        return out;
    }

    /** The set an argument means: a set as it is, any other iterable's elements gathered. */
    private static ThrSet set(ThreadContext ctx, Object v) {
        return v instanceof ThrSet s ? s : copy(ctx, v);
    }
}
