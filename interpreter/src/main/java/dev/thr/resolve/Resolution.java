package dev.thr.resolve;

import dev.thr.ast.FunctionDef;
import dev.thr.ast.Node;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The resolver's answers, keyed by node identity: two equal `x` records in different scopes
 * are different nodes with different answers.
 */
public final class Resolution {
    /** How many slots a function's frame needs; its parameters take the first ones, in order. */
    public record Layout(int slots, VarRef.SlotInfo[] infos) {}

    final Map<Node, VarRef> refs = new IdentityHashMap<>();
    final Map<FunctionDef, Layout> layouts = new IdentityHashMap<>();
    int moduleSlots;
    final java.util.Set<Node> undefined = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /** The variable a name, assignment target, `fn` declaration or catch binding stands for. */
    public VarRef ref(Node node) {
        VarRef r = refs.get(node);
        if (r == null) throw new IllegalStateException("unresolved node at " + node.span());
        return r;
    }

    public Layout layout(FunctionDef f) { return layouts.get(f); }

    /** A read of a name that no code assigns yet (allowed in an interactive session). */
    public boolean undefined(Node read) { return undefined.contains(read); }

    /** Slots of the module's own frame: the variables of top-level comprehensions. */
    public int moduleSlots() { return moduleSlots; }
}
