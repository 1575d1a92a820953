package dev.thr.api;

import dev.thr.value.ThrList;
import dev.thr.value.ThrMap;
import dev.thr.value.ThrSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values crossing between a host and thr: Java numbers, strings, booleans, null, List, Map and Set. */
final class JavaValues {
    private JavaValues() {}

    static Object toThr(Object v) {
        return switch (v) {
            case null -> null;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Byte b -> (long) b;
            case Float f -> (double) f;
            case Character c -> String.valueOf(c);
            case List<?> l -> {
                ThrList out = new ThrList();
                for (Object o : l) out.add(toThr(o));
                yield out;
            }
            case Map<?, ?> m -> {
                ThrMap out = new ThrMap();
                m.forEach((k, x) -> out.put(toThr(k), toThr(x)));
                yield out;
            }
            case java.util.Set<?> z -> {
                ThrSet out = new ThrSet();
                for (Object o : z) out.add(toThr(o));
                yield out;
            }
            case Object[] a -> toThr(List.of(a));
            default -> v;
        };
    }

    /** thr lists, maps and sets become unmodifiable Java lists, (ordered) maps and (ordered) sets; other values stay. */
    static Object toJava(Object v) {
        return switch (v) {
            case ThrList l -> l.snapshot().stream().map(JavaValues::toJava).toList();
            case ThrMap m -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Object[] e : m.entries()) out.put(toJava(e[0]), toJava(e[1]));
                yield java.util.Collections.unmodifiableMap(out);
            }
            case ThrSet z -> {
                java.util.Set<Object> out = new java.util.LinkedHashSet<>();
                for (Object o : z.snapshot()) out.add(toJava(o));
                yield java.util.Collections.unmodifiableSet(out);
            }
            case null, default -> v;
        };
    }
}
