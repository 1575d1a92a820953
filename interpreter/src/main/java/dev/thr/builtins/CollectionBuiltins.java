package dev.thr.builtins;

import static dev.thr.eval.Signature.of;

import dev.thr.eval.Callable;
import dev.thr.eval.ThreadContext;
import dev.thr.value.Arith;
import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/** Builtins over sequences: sorted, reversed, min, max, sum, enumerate, zip, any, all. */
final class CollectionBuiltins {
    private CollectionBuiltins() {}

    static void register(Registry r) {
        r.function("sorted", of("sorted", "items", "key=", "reverse="), (ctx, a) -> {
            ThrList out = Args.toList(ctx, a[0]);
            sort(ctx, out, a[1], a[2]);
            return out;
        });
        r.function("reversed", of("reversed", "items"), (ctx, a) -> {
            ThrList out = Args.toList(ctx, a[0]);
            out.reverse();
            return out;
        });
        r.function("min", of("min", "*items", "key="), (ctx, a) -> extreme(ctx, "min", (ThrList) a[0], a[1], -1));
        r.function("max", of("max", "*items", "key="), (ctx, a) -> extreme(ctx, "max", (ThrList) a[0], a[1], 1));
        r.function("sum", of("sum", "items", "start="), (ctx, a) -> {
            Object total = Args.or(a[1], 0L);
            Iterator<Object> it = Args.iterate(ctx, a[0]);
            while (it.hasNext()) total = Arith.add(total, it.next());
            return total;
        });
        r.function("enumerate", of("enumerate", "items", "start="), (ctx, a) -> {
            ThrList out = new ThrList();
            long i = Args.integer(a[1], "enumerate start", 0);
            Iterator<Object> it = Args.iterate(ctx, a[0]);
            while (it.hasNext()) out.add(ThrList.of(i++, it.next()));
            return out;
        });
        r.function("zip", of("zip", "*lists"), (ctx, a) -> {
            List<List<Object>> lists = new ArrayList<>();
            for (Object l : ((ThrList) a[0]).snapshot()) lists.add(Args.toList(ctx, l).snapshot());
            ThrList out = new ThrList();
            int n = lists.stream().mapToInt(List::size).min().orElse(0);
            for (int i = 0; i < n; i++) {
                ThrList row = new ThrList();
                for (List<Object> l : lists) row.add(l.get(i));
                out.add(row);
            }
            return out;
        });
        r.function("any", of("any", "items"), (ctx, a) -> {
            Iterator<Object> it = Args.iterate(ctx, a[0]);
            while (it.hasNext()) if (Values.truthy(it.next())) return true;
            return false;
        });
        r.function("all", of("all", "items"), (ctx, a) -> {
            Iterator<Object> it = Args.iterate(ctx, a[0]);
            while (it.hasNext()) if (!Values.truthy(it.next())) return false;
            return true;
        });
    }

    /**
     * Sorts in place by the key function's results (computed once per item), stable like
     * Python's. No lock is held while items are compared (a comparison may lock the sets or
     * lists it compares: holding the list's lock too could deadlock with another thread), so
     * the result replaces the list only if no other thread changed it meanwhile: without a key
     * the sort is tried again, with one (thr code, run once per item) it is an error, as in Python.
     */
    static void sort(ThreadContext ctx, ThrList list, Object key, Object reverse) {
        boolean descending = Args.truthy(reverse, false);
        Callable f = !Args.given(key) || key == null ? null : Args.callable(key, "key");
        while (true) {
            long seen = list.changes();
            List<Object> items = list.snapshot();
            List<Object[]> keyed = new ArrayList<>(items.size());
            int n = 0;
            for (Object item : items) {
                if ((++n & 4095) == 0 && ctx.thread().stopped()) throw new dev.thr.value.Cancelled();
                keyed.add(new Object[] {f == null ? item : f.call(ctx, new Object[] {item}, null), item});
            }
            List<Object> sorted = Sorting.sorted(keyed, descending, () -> ctx.thread().stopped());
            if (list.replaceIfUnchanged(seen, sorted)) return;
            if (f != null) throw ThrError.value("list modified during sort");
        }
    }

    private static Object extreme(ThreadContext ctx, String name, ThrList args, Object key, int sign) {
        if (args.size() == 0) throw ThrError.type(name + "() expected at least 1 argument, got 0");
        List<Object> items = args.size() == 1 ? Args.toList(ctx, args.get(0)).snapshot() : args.snapshot();
        if (items.isEmpty()) throw ThrError.value(name + "() of an empty sequence");
        Callable f = Args.given(key) && key != null ? Args.callable(key, "key") : null;
        Object best = items.get(0);
        Object bestKey = f == null ? best : f.call(ctx, new Object[] {best}, null);
        for (Object item : items.subList(1, items.size())) {
            Object k = f == null ? item : f.call(ctx, new Object[] {item}, null);
            if (Values.compare(k, bestKey, sign < 0 ? "<" : ">") == sign) {
                best = item;
                bestKey = k;
            }
        }
        return best;
    }
}
