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

    FunctionCode(String name, String[] params, ExprNode[] defaults, int rest, boolean bareStar, int named, int slots, StmtNode body, Span span) {
        this.name = name;
        this.params = params;
        this.defaults = defaults;
        this.rest = rest;
        this.bareStar = bareStar;
        this.named = named;
        this.slots = slots;
        this.body = body;
        this.span = span;
    }
}
