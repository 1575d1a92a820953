package dev.thr.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of an engine's module-level variables and their indexes. It outlives one program:
 * a REPL session or a host adds to it, and every compiled unit of the engine shares it.
 */
public final class GlobalTable {
    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public synchronized int index(String name) {
        Integer i = indexes.get(name);
        if (i != null) return i;
        indexes.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    public synchronized boolean has(String name) { return indexes.containsKey(name); }

    public synchronized int size() { return names.size(); }

    public synchronized String name(int index) { return names.get(index); }

    public synchronized List<String> names() { return List.copyOf(names); }
}
