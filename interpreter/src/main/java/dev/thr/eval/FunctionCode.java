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
        Bytecode.Compiled compiled = compiled();
        return compiled == null ? null : compiled.entry();
    }

    /** The compiled body, once there is one; else null. */
    Bytecode.Compiled compiled() {
        return hot == null ? null : hot.compiled();
    }

    /** Whether the body may still be compiled: a call site waits for it before it settles. */
    boolean cold() {
        return hot != null && hot.cold();
    }

    /**
     * A call's body failed with e, whichever tier ran it: what to throw instead (an error's
     * trace grows by this function), with ctx.depth back to the caller's.
     */
    Throwable failed(ThreadContext ctx, Throwable e) {
        try {
            if (e instanceof dev.thr.value.ThrError t) {
                // the error's trace grows by a frame: an error value may be shared (`raise t.error`)
                ctx.scheduler().shared(dev.thr.runtime.Scheduler.HEAP);
                return t.leaving(name);
            }
            if (e instanceof dev.thr.value.Cancelled) ctx.unwinding();
            return e;
        } finally {
            ctx.depth--;
        }
    }
}
