package dev.thr.repl;

import dev.thr.api.ThrEngine;
import dev.thr.builtins.StandardLibrary;
import dev.thr.eval.Signature;
import dev.thr.value.Values;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * `:help NAME`: one-line help for builtins, keywords and error kinds from help.txt beside this
 * class, and for methods and attributes (`put`, `queue.put`, `q.put` for a queue q) their
 * parameters as the builtins declare them, so a signature shown is the one a call is bound to.
 */
final class HelpTopics {
    private final Map<String, String> topics = new TreeMap<>();
    private final StandardLibrary library = new StandardLibrary();
    private final Supplier<ThrEngine> engine;

    HelpTopics(Supplier<ThrEngine> engine) {
        this.engine = engine;
        try (var in = new BufferedReader(new InputStreamReader(
                HelpTopics.class.getResourceAsStream("help.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int bar = line.indexOf(" | ");
                topics.put(line.substring(0, bar).strip(), line.substring(bar + 3).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The help for a name, `type.member` or `variable.member`; null when there is none. */
    String get(String name) {
        int dot = name.lastIndexOf('.');
        if (dot > 0) return member(name.substring(0, dot), name.substring(dot + 1));
        List<String> out = new ArrayList<>();
        if (topics.containsKey(name)) {
            out.add(topics.get(name));
        } else if (library.signature(name) != null) {
            out.add(name + "(" + params(library.signature(name)) + ")");
        }
        // `join` is a statement and a method of threads and queues: say both
        library.membersNamed(name).forEach((type, signature) -> out.add(member(type, name, signature)));
        return out.isEmpty() ? null : String.join("\n", out);
    }

    /** `queue.put` names a type; `q.put` a variable, whose value's type has the member. */
    private String member(String owner, String name) {
        SortedMap<String, Signature> types = library.membersNamed(name);
        String type = typeOfVariable(owner);
        if (type == null) type = owner;
        if (!types.containsKey(type)) return null;
        String text = member(type, name, types.get(type));
        return topics.containsKey(type) ? text + "\n  " + topics.get(type) : text;
    }

    private static String member(String type, String name, Signature signature) {
        return signature == null ? type + "." + name + ": an attribute of " + type
                : type + "." + name + "(" + params(signature) + "): a method of " + type;
    }

    private String typeOfVariable(String name) {
        ThrEngine e = engine.get();
        if (!e.globalNames().contains(name)) return null;
        return typeOf(e.global(name));
    }

    /** The thr type name of a value as the engine hands it out (lists, maps and sets as Java ones). */
    static String typeOf(Object value) {
        if (value instanceof List<?>) return "list";
        if (value instanceof Map<?, ?>) return "map";
        if (value instanceof java.util.Set<?>) return "set";
        return Values.typeName(value);
    }

    /** How a member of a type is called, `put(item, block=, timeout=)`, or null for an attribute or none. */
    String memberCall(String type, String name) {
        Signature s = library.membersNamed(name).get(type);
        return s == null ? null : name + "(" + params(s) + ")";
    }

    /** How a builtin function is called, `queue(maxsize=)`, or null when it is not one. */
    String builtinCall(String name) {
        Signature s = library.signature(name);
        return s == null ? null : name + "(" + params(s) + ")";
    }

    /** `item, block=, timeout=`: optional parameters end in `=`, as help.txt writes them. */
    static String params(Signature s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.params().length; i++) {
            out.add(i == s.rest() ? "*" + s.params()[i] : i < s.required() ? s.params()[i] : s.params()[i] + "=");
        }
        return String.join(", ", out);
    }

    Iterable<String> names() { return topics.keySet(); }
}
