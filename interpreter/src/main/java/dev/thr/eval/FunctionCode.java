package dev.thr.eval;

import dev.thr.diag.Span;

/** The compiled, shareable part of a function: its parameters, frame size and body. */
final class FunctionCode {
    final String name;
    final String[] params;
    /** Default value expressions, evaluated when the function is defined; null where required. */
    final ExprNode[] defaults;
    /** The index of the `*rest` parameter (or of a bare `*`), of the `**named` one; -1 where there is none. */
    final int rest, named;
    /** The `*` at rest is a bare one: no extra positional arguments are taken. */
    final boolean bareStar;
    final int slots;
    final StmtNode body;
    final Span span;
    /** Compiles the body once the function is called often (bytecode tiers only; else null). */
    final Hot hot;

    FunctionCode(String name, String[] params, ExprNode[] defaults, int rest, boolean bareStar, int named, int slots, StmtNode body, Span span,
                 Hot hot) {
        this.name = name;
        this.params = params;
        this.defaults = defaults;
        this.rest = rest;
        this.bareStar = bareStar;
        this.named = named;
        this.slots = slots;
        this.body = body;
        this.span = span;
        this.hot = hot;
    }

    /** Runs the body for a call: compiled, once it is (counting the call until then). */
    int exec(Frame f) {
        if (hot != null) {
            Bytecode.Compiled compiled = hot.call(this);
            if (compiled != null) return compiled.body().exec(f);
        }
        return body.exec(f);
    }

    /**
     * The compiled body's whole call, (Function, ThreadContext, Object[] args, String[] names)
     * -> Object, which a compiled call site links to directly (see CallSites); null until the
     * body is compiled.
     */
    java.lang.invoke.MethodHandle entry() {
        Bytecode.Compiled compiled = hot == null ? null : hot.compiled();
        return compiled == null ? null : compiled.entry();
    }

    /** Whether the body may still be compiled: a call site waits for it before it settles. */
    boolean cold() {
        return hot != null && hot.cold();
    }
}
