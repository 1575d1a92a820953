package dev.thr.eval;

/**
 * How a function or a loop goes up from the closure tree to bytecode (Tier.ADAPTIVE, and
 * Tier.BYTECODE with thresholds of one): its uses are counted, and at the threshold it is
 * compiled, once. Its node stays as it was; this holder is the one thing that changes, from
 * cold to compiled (or to settled on the tree, when its code cannot be compiled).
 */
final class Hot {
    /** Calls of a function, or turns of one run of a loop, before it is compiled. */
    private final int threshold;
    private static final Object ON_TREE = new Object();
    /** null (cold), the Bytecode.Compiled, or ON_TREE; written once, under this object's lock. */
    private volatile Object state;
    /** Uses so far. Racy on purpose: a lost increment only delays the compile a little. */
    private int uses;

    Hot(int threshold) {
        this.threshold = threshold;
    }

    /** For the Tier: null for the tree alone, else a holder that compiles after `adaptive` uses (one, when every body is compiled). */
    static Hot of(Tier tier, int adaptive) {
        return switch (tier) {
            case TREE -> null;
            case BYTECODE -> new Hot(1);
            case ADAPTIVE -> new Hot(adaptive);
        };
    }

    /** Calls before a function is compiled, adaptively. */
    static final int CALLS = 200;
    /** Turns of one run of a loop before the loop is compiled, adaptively. */
    static final int TURNS = 1000;

    /** The compiled form, once there is one. */
    Bytecode.Compiled compiled() {
        return state instanceof Bytecode.Compiled c ? c : null;
    }

    /** Whether this may still be compiled (it is neither compiled nor settled on the tree). */
    boolean cold() {
        return state == null;
    }

    /** One call of code: counted; the compiled form when there is one (made now, at the threshold). */
    Bytecode.Compiled call(FunctionCode code) {
        Object s = state;
        if (s instanceof Bytecode.Compiled c) return c;
        if (s != null || ++uses < threshold) return null;
        synchronized (this) {
            if (state == null) settle(Bytecode.function(code));
        }
        return compiled();
    }

    /** Whether a loop that has turned `turns` times in this run of it should be compiled now. */
    boolean turned(int turns) {
        return turns == threshold && state == null;
    }

    /** Compiles a loop, once: its compiled form, or null when it stays on the tree. */
    synchronized Bytecode.Compiled compile(String name, StmtNode loop, Bytecode.Unit unit) {
        if (state == null) settle(Bytecode.compile(name, loop, unit));
        return compiled();
    }

    private void settle(Bytecode.Compiled compiled) {
        state = compiled != null ? compiled : ON_TREE;
    }
}
