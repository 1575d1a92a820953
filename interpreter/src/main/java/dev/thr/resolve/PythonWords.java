package dev.thr.resolve;

import java.util.Map;

/** Words from Python (and a few from other languages) that thr spells otherwise: a hint for each. */
public final class PythonWords {
    private PythonWords() {}

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("None", "thr writes nil"),
            Map.entry("null", "thr writes nil"),
            Map.entry("True", "thr writes true"),
            Map.entry("False", "thr writes false"),
            Map.entry("pass", "an empty block is just { }"),
            Map.entry("self", "thr has no classes: a function's variables, a map or a thread's result hold state"),
            Map.entry("this", "thr has no classes: a function's variables, a map or a thread's result hold state"),
            Map.entry("lambda", "a function without a name is fn(x) { return x * 2 }"),
            Map.entry("def", "define functions with fn: fn name(a, b) { ... }"),
            Map.entry("threading", "thr has no modules: thread(), lock(), queue() ... are builtins"));

    /** " (the hint)" for a name thr does not know, or "". */
    public static String hint(String name) {
        String h = HINTS.get(name);
        return h == null ? "" : " (" + h + ")";
    }
}
