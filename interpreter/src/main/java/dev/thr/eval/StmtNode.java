package dev.thr.eval;

import dev.thr.diag.Span;

/**
 * An executable statement. Control flow is a result code, not an exception: loops consume
 * BREAK and CONTINUE, function calls consume RETURN (the value waits in the frame).
 */
abstract class StmtNode {
    static final int NORMAL = 0, BREAK = 1, CONTINUE = 2, RETURN = 3;

    final Span span;

    StmtNode(Span span) { this.span = span; }

    abstract int exec(Frame f);
}
