package dev.thr.builtins;

import static dev.thr.eval.Signature.of;

import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.Values;
import java.util.List;

/** Methods of lists: append, extend, insert, pop, remove, index, count, sort, reverse, clear, copy. */
final class ListMethods {
    private ListMethods() {}

    static void register(Registry r) {
        r.method(ThrList.class, "append", of("append", "item"), (ctx, l, a) -> { l.add(a[0]); return null; });
        r.method(ThrList.class, "extend", of("extend", "items"), (ctx, l, a) -> { l.addAll(Args.toList(ctx, a[0])); return null; });
        r.method(ThrList.class, "insert", of("insert", "index", "item"), (ctx, l, a) -> {
            long i = Args.integer(a[0], "insert index");
            synchronized (l) {
                int n = l.size();
                long at = i < 0 ? Math.max(0, i + n) : Math.min(i, n);
                l.insert((int) at, a[1]);
            }
            return null;
        });
        r.method(ThrList.class, "pop", of("pop", "index="), (ctx, l, a) -> {
            long i = Args.integer(a[0], "pop index", -1);
            synchronized (l) {
                int n = l.size();
                if (n == 0) throw ThrError.index("pop from an empty list");
                long at = i < 0 ? i + n : i;
                if (at < 0 || at >= n) throw ThrError.index("pop index " + i + " out of range");
                return l.removeAt((int) at);
            }
        });
        r.method(ThrList.class, "remove", of("remove", "item"), (ctx, l, a) -> {
            synchronized (l) {
                int at = indexOf(l.snapshot(), a[0]);
                if (at < 0) throw ThrError.value(Values.repr(a[0]) + " is not in the list");
                l.removeAt(at);
            }
            return null;
        });
        r.method(ThrList.class, "index", of("index", "item"), (ctx, l, a) -> {
            int at = indexOf(l.snapshot(), a[0]);
            if (at < 0) throw ThrError.value(Values.repr(a[0]) + " is not in the list");
            return (long) at;
        });
        r.method(ThrList.class, "count", of("count", "item"), (ctx, l, a) ->
                l.snapshot().stream().filter(x -> Values.equal(x, a[0])).count());
        r.method(ThrList.class, "sort", of("sort", "key=", "reverse="), (ctx, l, a) -> {
            CollectionBuiltins.sort(ctx, l, a[0], a[1]);
            return null;
        });
        r.method(ThrList.class, "reverse", of("reverse"), (ctx, l, a) -> { l.reverse(); return null; });
        r.method(ThrList.class, "clear", of("clear"), (ctx, l, a) -> { l.clear(); return null; });
        r.method(ThrList.class, "copy", of("copy"), (ctx, l, a) -> new ThrList(l.snapshot()));
    }

    private static int indexOf(List<Object> items, Object item) {
        for (int i = 0; i < items.size(); i++) if (Values.equal(items.get(i), item)) return i;
        return -1;
    }
}
