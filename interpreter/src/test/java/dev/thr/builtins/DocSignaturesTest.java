package dev.thr.builtins;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.fail;

import dev.thr.builtins.DocCall.Param;
import dev.thr.builtins.DocSpans.Role;
import dev.thr.builtins.DocSpans.Span;
import dev.thr.eval.Function;
import dev.thr.eval.Signature;
import dev.thr.runtime.ThrBarrier;
import dev.thr.runtime.ThrCondition;
import dev.thr.runtime.ThrEvent;
import dev.thr.runtime.ThrLocal;
import dev.thr.runtime.ThrLock;
import dev.thr.runtime.ThrQueue;
import dev.thr.runtime.ThrRLock;
import dev.thr.runtime.ThrSemaphore;
import dev.thr.runtime.ThrThread;
import dev.thr.value.ErrorValue;
import dev.thr.value.ThrList;
import dev.thr.value.ThrMap;
import dev.thr.value.ThrSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signatures in the docs are the registry's: same names, same order, and a parameter has a
 * default in the docs exactly when the registry makes it optional. And every builtin function,
 * method and attribute is in docs/language.md's tables, so none goes undocumented.
 *
 * What counts as a signature: every call in a table of functions or members of docs/language.md,
 * and, anywhere else, a call written only with parameter names, at least one with a default, and
 * as many as the registry has (`semaphore(value=1)`). Any other call is an example, of which
 * only the names of its keyword arguments can be checked: `thread(f, daemon=true)` may call its
 * target f, but `semaphore(n=2)` fails, since semaphore has no parameter n.
 */
class DocSignaturesTest {
    /** The words the docs use for the types that have members: in headings and in the members table. */
    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            entry("thread", ThrThread.class), entry("lock", ThrLock.class), entry("rlock", ThrRLock.class),
            entry("condition", ThrCondition.class), entry("event", ThrEvent.class), entry("semaphore", ThrSemaphore.class),
            entry("barrier", ThrBarrier.class), entry("queue", ThrQueue.class), entry("local", ThrLocal.class),
            entry("string", String.class), entry("list", ThrList.class), entry("map", ThrMap.class),
            entry("set", ThrSet.class), entry("error", ErrorValue.class), entry("function", Function.class));

    static Registry registry;
    static List<Span> spans;

    @BeforeAll
    static void read() throws IOException {
        registry = new StandardLibrary().registry();
        spans = DocSpans.read(TYPES.keySet());
    }

    @Test
    void signaturesInTheTablesAreTheRegistrys() {
        List<String> problems = new ArrayList<>();
        for (Span s : spans) {
            DocCall call = DocCall.parse(s.text());
            switch (s.role()) {
                case FUNCTION -> {
                    if (call == null) continue;
                    if (call.receiver() != null) {
                        problems.add(s.where() + ": `" + s.text() + "` is a method, in a table of functions");
                    } else if (registry.functions.get(call.name()) instanceof Registry.Builtin b) {
                        table(s, call, b.signature(), problems);
                    } else {
                        problems.add(s.where() + ": `" + s.text() + "`: there is no builtin function " + call.name());
                    }
                }
                case MEMBER, OBJECT_MEMBER -> {
                    String name = memberName(s, call);
                    if (name == null) continue;
                    if (s.type() == null) {
                        problems.add(s.where() + ": `" + s.text() + "`: the heading above names no type, so whose member it is cannot be told");
                    } else if (!TYPES.containsKey(s.type())) {
                        problems.add(s.where() + ": '" + s.type() + "' is not a type this test knows (see TYPES)");
                    } else {
                        member(s, call, name, problems);
                    }
                }
                default -> { }
            }
        }
        noProblems(problems);
    }

    @Test
    void callsInTheTextAgreeWithTheRegistry() {
        List<String> problems = new ArrayList<>();
        for (Span s : spans) {
            DocCall call = DocCall.parse(s.text());
            if (call == null || inTable(s, call)) continue;
            Map<String, Signature> candidates = candidates(call);
            if (candidates.isEmpty()) continue; // not a builtin: Python's, Java's or a host's
            List<Param> params = call.params();
            boolean signature = params != null && params.stream().anyMatch(Param::optional)
                    && candidates.values().stream().anyMatch(c -> c.params().length == params.size());
            if (signature) {
                if (candidates.values().stream().noneMatch(c -> difference(params, c) == null)) {
                    // tell the difference from the method of the section's type, when there is one
                    var c = candidates.entrySet().stream().filter(e -> e.getValue().params().length == params.size())
                            .sorted(Comparator.comparing(e -> !e.getKey().equals(s.type() + "." + call.name()))).findFirst().get();
                    problems.add(differs(s, c.getKey(), c.getValue(), difference(params, c.getValue())));
                }
                continue;
            }
            for (String keyword : call.keywords()) {
                boolean known = false;
                for (Signature sig : candidates.values()) {
                    int at = List.of(sig.params()).indexOf(keyword);
                    known |= at >= 0 && at != sig.rest();
                }
                if (!known) {
                    List<String> theirs = new ArrayList<>();
                    candidates.forEach((label, sig) -> theirs.add(render(label, sig)));
                    problems.add(s.where() + ": `" + s.text() + "` names a parameter '" + keyword + "' that the registry's "
                            + String.join(" and ", theirs) + (theirs.size() == 1 ? " does" : " do") + " not have");
                }
            }
        }
        noProblems(problems);
    }

    @Test
    void everyBuiltinFunctionIsInTheTables() {
        Set<String> listed = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Span s : spans) {
            DocCall call = DocCall.parse(s.text());
            if (s.role() == Role.FUNCTION && call != null) listed.add(call.name());
            if (s.role() == Role.KIND && s.text().matches("[A-Za-z_]\\w*")) {
                // an error kind with a constructor is a builtin function, listed in this table instead
                boolean made = !s.row().contains("(no constructor)");
                if (made) listed.add(s.text());
                if (made != registry.functions.containsKey(s.text())) {
                    problems.add(s.where() + ": the table of error kinds says " + s.text() + (made ? " has" : " has no")
                            + " constructor, but the registry " + (made ? "has no" : "has a") + " function " + s.text());
                }
            }
        }
        for (var f : new TreeSet<>(registry.functions.keySet())) {
            if (registry.functions.get(f) instanceof Registry.Builtin && !listed.contains(f)) {
                problems.add(f + " is a builtin function, but no table of functions (or of error kinds) in " + DocSpans.REFERENCE + " lists it");
            }
        }
        noProblems(problems);
    }

    @Test
    void everyMemberIsInTheTables() {
        Map<String, Set<String>> listed = new LinkedHashMap<>();
        for (Span s : spans) {
            String name = memberName(s, DocCall.parse(s.text()));
            if (name != null && s.type() != null) listed.computeIfAbsent(s.type(), k -> new HashSet<>()).add(name);
        }
        List<String> problems = new ArrayList<>();
        Set<Class<?>> types = new HashSet<>(registry.methods.keySet());
        types.addAll(registry.getters.keySet());
        for (Class<?> type : types) {
            String word = word(type);
            if (word == null) {
                problems.add(type.getSimpleName() + " has members in the registry, but no word in this test's TYPES, so its docs go unchecked");
                continue;
            }
            Set<String> members = new TreeSet<>(registry.methods.getOrDefault(type, Map.of()).keySet());
            members.addAll(registry.getters.getOrDefault(type, Map.of()).keySet());
            for (String m : members) {
                if (!listed.getOrDefault(word, Set.of()).contains(m)) {
                    problems.add(word + "." + m + " is in the registry, but neither the members table of " + DocSpans.REFERENCE
                            + " nor a table under a " + word + " heading lists it");
                }
            }
        }
        problems.sort(null);
        noProblems(problems);
    }

    /** A member in a table: a method's signature, or an attribute (or method) that exists. */
    private static void member(Span s, DocCall call, String name, List<String> problems) {
        Class<?> type = TYPES.get(s.type());
        Registry.Method m = registry.methods.getOrDefault(type, Map.of()).get(name);
        if (call != null) {
            if (m == null) problems.add(s.where() + ": `" + s.text() + "`: a " + s.type() + " has no method " + name);
            else table(s, call, m.signature(), problems);
        } else if (m == null && !registry.getters.getOrDefault(type, Map.of()).containsKey(name)) {
            problems.add(s.where() + ": `" + s.text() + "`: a " + s.type() + " has no member " + name);
        }
    }

    /** A call in a table of signatures must be one, unless `(...)` says "and so on": `TypeError(...)`. */
    private static void table(Span s, DocCall call, Signature sig, List<String> problems) {
        if (call.args().equals(List.of("..."))) return;
        List<Param> params = call.params();
        String label = s.role() == Role.FUNCTION ? call.name() : s.type() + "." + call.name();
        if (params == null) {
            problems.add(s.where() + ": `" + s.text() + "` is not a signature (only parameter names, `name=default` and `*rest`); the registry has "
                    + render(label, sig));
            return;
        }
        String d = difference(params, sig);
        if (d != null) problems.add(differs(s, label, sig, d));
    }

    /** The builtins a text's call may mean: the function, else every type's method of that name. */
    private static Map<String, Signature> candidates(DocCall call) {
        Map<String, Signature> out = new LinkedHashMap<>();
        if (call.receiver() == null && registry.functions.get(call.name()) instanceof Registry.Builtin b) {
            out.put(call.name(), b.signature());
            return out;
        }
        for (String word : new TreeSet<>(TYPES.keySet())) {
            Registry.Method m = registry.methods.getOrDefault(TYPES.get(word), Map.of()).get(call.name());
            if (m != null) out.put(word + "." + call.name(), m.signature());
        }
        return out;
    }

    /** Whether the table test checks this call: one in a list of signatures, not an example beside them. */
    private static boolean inTable(Span s, DocCall call) {
        return s.role() == Role.FUNCTION || memberName(s, call) != null;
    }

    /** How the docs' parameters differ from the registry's, or null when they agree. */
    static String difference(List<Param> doc, Signature sig) {
        List<String> names = List.of(sig.params());
        for (int i = 0; i < Math.max(doc.size(), names.size()); i++) {
            if (i >= doc.size()) return "the docs leave out '" + names.get(i) + "'";
            Param p = doc.get(i);
            if (i >= names.size()) return "the registry has no parameter '" + p.name() + "'";
            if (!p.name().equals(names.get(i))) {
                return names.contains(p.name()) ? "'" + p.name() + "' comes at place " + (names.indexOf(p.name()) + 1) + " in the registry, not " + (i + 1)
                        : "the registry has no parameter '" + p.name() + "' (at place " + (i + 1) + " it has '" + names.get(i) + "')";
            }
            boolean rest = i == sig.rest();
            if (p.rest() != rest) {
                return rest ? "'" + p.name() + "' takes the remaining arguments in the registry: write *" + p.name()
                        : "'" + p.name() + "' does not take the remaining arguments in the registry";
            }
            boolean optional = !rest && i >= sig.required();
            if (!rest && p.optional() != optional) {
                return optional ? "'" + p.name() + "' is optional in the registry, so the docs should give it a default (" + p.name() + "=...)"
                        : "'" + p.name() + "' is required in the registry, but the docs give it a default";
            }
        }
        return null;
    }

    private static String differs(Span s, String label, Signature sig, String difference) {
        return s.where() + ": `" + s.text() + "` is not the registry's " + render(label, sig) + ": " + difference;
    }

    /** A signature as the docs would write it, a default left blank: `queue.put(item, block=, timeout=)`. */
    static String render(String label, Signature sig) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sig.params().length; i++) {
            out.add(i == sig.rest() ? "*" + sig.params()[i] : i >= sig.required() ? sig.params()[i] + "=" : sig.params()[i]);
        }
        return label + "(" + String.join(", ", out) + ")";
    }

    /**
     * The member a table of members lists: `t.join(timeout=nil)` or `t.name` under a heading, and
     * `join(timeout=)` or `name` in the members table. Null for anything else, such as `len(q)`
     * beside `q.size()`, an example.
     */
    private static String memberName(Span s, DocCall call) {
        String ident = "[A-Za-z_]\\w*";
        return switch (s.role()) {
            case MEMBER -> call != null ? (call.receiver() != null ? call.name() : null)
                    : s.text().matches(ident + "\\." + ident) ? s.text().substring(s.text().indexOf('.') + 1) : null;
            case OBJECT_MEMBER -> call != null ? (call.receiver() == null ? call.name() : null) : s.text().matches(ident) ? s.text() : null;
            default -> null;
        };
    }

    private static String word(Class<?> type) {
        return TYPES.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static void noProblems(List<String> problems) {
        if (!problems.isEmpty()) fail(problems.size() + " disagreement(s) between the docs and the registry:\n  " + String.join("\n  ", problems));
    }
}
