package dev.thr.eval;

import dev.thr.diag.Span;

/** An executable expression: the compiled form of an AST expression, shared by all threads. */
abstract class ExprNode {
    final Span span;

    ExprNode(Span span) { this.span = span; }

    abstract Object eval(Frame f);
}
