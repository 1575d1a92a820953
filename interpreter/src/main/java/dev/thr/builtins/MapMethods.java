package dev.thr.builtins;

import static dev.thr.eval.Signature.of;

import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.ThrMap;
import dev.thr.value.Values;

/** Methods of maps: get, keys, values, items, pop, setdefault, update, clear, copy. */
final class MapMethods {
    private MapMethods() {}

    static void register(Registry r) {
        r.method(ThrMap.class, "get", of("get", "key", "default="), (ctx, m, a) -> {
            synchronized (m) {
                return m.containsKey(a[0]) ? m.get(a[0]) : Args.or(a[1], null);
            }
        });
        r.method(ThrMap.class, "keys", of("keys"), (ctx, m, a) -> new ThrList(m.keys()));
        r.method(ThrMap.class, "values", of("values"), (ctx, m, a) -> new ThrList(m.values()));
        r.method(ThrMap.class, "items", of("items"), (ctx, m, a) -> {
            ThrList out = new ThrList();
            for (Object[] e : m.entries()) out.add(ThrList.of(e[0], e[1]));
            return out;
        });
        r.method(ThrMap.class, "pop", of("pop", "key", "default="), (ctx, m, a) -> {
            synchronized (m) {
                if (m.containsKey(a[0])) return m.remove(a[0]);
            }
            if (Args.given(a[1])) return a[1];
            throw ThrError.key("no key " + Values.repr(a[0]) + " in the map");
        });
        r.method(ThrMap.class, "setdefault", of("setdefault", "key", "default="), (ctx, m, a) -> {
            synchronized (m) {
                if (!m.containsKey(a[0])) m.put(a[0], Args.or(a[1], null));
                return m.get(a[0]);
            }
        });
        r.method(ThrMap.class, "update", of("update", "other"), (ctx, m, a) -> {
            if (!(a[0] instanceof ThrMap other)) throw ThrError.type("update needs a map, not " + Values.typeName(a[0]));
            for (Object[] e : other.entries()) m.put(e[0], e[1]);
            return null;
        });
        r.method(ThrMap.class, "clear", of("clear"), (ctx, m, a) -> { m.clear(); return null; });
        r.method(ThrMap.class, "copy", of("copy"), (ctx, m, a) -> {
            ThrMap out = new ThrMap();
            for (Object[] e : m.entries()) out.put(e[0], e[1]);
            return out;
        });
    }
}
