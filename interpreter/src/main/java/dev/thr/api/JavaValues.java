package dev.thr.api;

import dev.thr.value.ThrList;
import dev.thr.value.ThrMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values crossing between a host and thr: Java numbers, strings, booleans, null, List and Map. */
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
            case Object[] a -> toThr(List.of(a));
            default -> v;
        };
    }

    /** thr lists and maps become (unmodifiable) Java lists and (ordered) maps; other values stay. */
    static Object toJava(Object v) {
        return switch (v) {
            case ThrList l -> l.snapshot().stream().map(JavaValues::toJava).toList();
            case ThrMap m -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Object[] e : m.entries()) out.put(toJava(e[0]), toJava(e[1]));
                yield java.util.Collections.unmodifiableMap(out);
            }
            case null, default -> v;
        };
    }
}
