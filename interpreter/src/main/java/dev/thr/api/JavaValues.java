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

    // instanceof, not a switch over type patterns, which makes a class the first time it runs:
    // every script's start converts its `args` (see bench/README.md)
    static Object toThr(Object v) {
        if (v instanceof Integer i) return (long) i;
        if (v instanceof Short s) return (long) s;
        if (v instanceof Byte b) return (long) b;
        if (v instanceof Float f) return (double) f;
        if (v instanceof Character c) return String.valueOf(c);
        if (v instanceof List<?> l) {
            ThrList out = new ThrList();
            for (Object o : l) out.add(toThr(o));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            ThrMap out = new ThrMap();
            m.forEach((k, x) -> out.put(toThr(k), toThr(x)));
            return out;
        }
        if (v instanceof java.util.Set<?> z) {
            ThrSet out = new ThrSet();
            for (Object o : z) out.add(toThr(o));
            return out;
        }
        if (v instanceof Object[] a) return toThr(List.of(a));
        return v;
    }

    /** thr lists, maps and sets become unmodifiable Java lists, (ordered) maps and (ordered) sets; other values stay. */
    static Object toJava(Object v) {
        if (v instanceof ThrList l) return l.snapshot().stream().map(JavaValues::toJava).toList();
        if (v instanceof ThrMap m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Object[] e : m.entries()) out.put(toJava(e[0]), toJava(e[1]));
            return java.util.Collections.unmodifiableMap(out);
        }
        if (v instanceof ThrSet z) {
            java.util.Set<Object> out = new java.util.LinkedHashSet<>();
            for (Object o : z.snapshot()) out.add(toJava(o));
            return java.util.Collections.unmodifiableSet(out);
        }
        return v;
    }
}
