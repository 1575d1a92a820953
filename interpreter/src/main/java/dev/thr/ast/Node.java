package dev.thr.ast;

import dev.thr.diag.Span;

/** Every AST node knows where it came from, so every error can point at it. */
public sealed interface Node permits Expr, Stmt, Block, FunctionDef, Param, Arg, CatchClause {
    Span span();
}
