package dev.thr.ast;

import dev.thr.diag.Span;
import java.util.List;

public sealed interface Stmt extends Node {
    record FnDecl(Span span, FunctionDef function) implements Stmt {}
    record If(Span span, List<Expr> conditions, List<Block> bodies, Block orElse) implements Stmt {}
    record While(Span span, Expr condition, Block body) implements Stmt {}
    record For(Span span, List<Expr> targets, Expr iterable, Block body) implements Stmt {}
    record Try(Span span, Block body, List<CatchClause> catches, Block fin) implements Stmt {}
    record With(Span span, Expr subject, Block body) implements Stmt {}
    record Return(Span span, Expr value) implements Stmt {}
    record Break(Span span) implements Stmt {}
    record Continue(Span span) implements Stmt {}
    /** `raise value`, or a bare `raise` (value null): the error being handled, raised again. */
    record Raise(Span span, Expr value) implements Stmt {}
    record Assert(Span span, Expr condition, Expr message) implements Stmt {}
    /** `print a, b` or `print(a, b, sep=", ", end="")`. */
    record Print(Span span, List<Arg> args) implements Stmt {}
    record Sleep(Span span, Expr seconds) implements Stmt {}
    record Join(Span span, List<Expr> threads) implements Stmt {}
    record Global(Span span, List<String> names) implements Stmt {}
    record Nonlocal(Span span, List<String> names) implements Stmt {}
    /** `del x`, `del m[k]`, `del xs[i]`, `del xs[i:j]`, several at once: `del a, b`. */
    record Del(Span span, List<Expr> targets) implements Stmt {}
    /** `a = v`, `a, b = v` (destructuring), `a[i] += v`, `t.name = v`; op is "=" or "+=" etc. */
    record Assign(Span span, List<Expr> targets, String op, Expr value) implements Stmt {}
    record ExprStmt(Span span, Expr expr) implements Stmt {}
}
