package dev.thr.jsr223;

import dev.thr.api.Syntax;
import dev.thr.api.ThrEngine;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.script.Bindings;
import javax.script.ScriptContext;

/**
 * Copies between a context's bindings and thr's module variables. thr keeps its variables in
 * slots of its own, not in a Map a host could hand it, so bindings go in before each run and
 * the script's variables come back out into ENGINE_SCOPE after it.
 */
final class BindingsCopier {
    // Only keys a script could name become variables: not javax.script.filename, not keywords.
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");
    private static final Set<String> KEYWORDS = Set.copyOf(Syntax.keywords());

    private final ThrEngine thr;

    // What copyOut last put in ENGINE_SCOPE. A binding still holding that very object is the
    // script's own value: copying it back in would be wasted work, and for a list or map would
    // swap the one the script's threads share for a copy of it.
    private final Map<String, Object> copiedOut = new HashMap<>();

    // Variables that came from GLOBAL_SCOPE (as the script sees them). Left out of ENGINE_SCOPE
    // while the script has not changed them, else the copy there would hide the host's later
    // changes in GLOBAL_SCOPE (engine scope wins).
    private final Map<String, Object> fromGlobalScope = new HashMap<>();

    BindingsCopier(ThrEngine thr) { this.thr = thr; }

    /** GLOBAL_SCOPE first, then ENGINE_SCOPE: a name in both takes the engine scope's value. */
    synchronized void copyIn(ScriptContext context) {
        Bindings global = context.getBindings(ScriptContext.GLOBAL_SCOPE);
        Bindings engine = context.getBindings(ScriptContext.ENGINE_SCOPE);
        fromGlobalScope.clear();
        if (global != null) {
            for (var e : global.entrySet()) {
                String name = e.getKey();
                if (!isVariable(name) || (engine != null && engine.containsKey(name))) continue;
                thr.global(name, e.getValue());
                fromGlobalScope.put(name, thr.global(name));
            }
        }
        if (engine != null) {
            for (var e : engine.entrySet()) {
                String name = e.getKey();
                if (!isVariable(name)) continue;
                if (copiedOut.containsKey(name) && copiedOut.get(name) == e.getValue()) continue;
                thr.global(name, e.getValue());
            }
        }
    }

    /** Every module variable with a value, functions included, into ENGINE_SCOPE. */
    synchronized void copyOut(ScriptContext context) {
        Bindings engine = context.getBindings(ScriptContext.ENGINE_SCOPE);
        if (engine == null) return;
        for (String name : thr.globalNames()) {
            Object value = thr.global(name);
            if (!engine.containsKey(name) && fromGlobalScope.containsKey(name)
                    && Objects.equals(fromGlobalScope.get(name), value)) continue;
            engine.put(name, value);
            copiedOut.put(name, value);
        }
    }

    static boolean isVariable(String key) {
        return key != null && NAME.matcher(key).matches() && !KEYWORDS.contains(key);
    }
}
