package dev.thr.ast;

import dev.thr.diag.Span;
import java.util.List;

public sealed interface Stmt extends Node {
    /** Calls the visitor's method for this kind of statement (why not a switch: see Expr.accept). */
    <R> R accept(Visitor<R> v);

    interface Visitor<R> {
        R visitFnDecl(FnDecl s);
        R visitIf(If s);
        R visitWhile(While s);
        R visitFor(For s);
        R visitTry(Try s);
        R visitWith(With s);
        R visitReturn(Return s);
        R visitBreak(Break s);
        R visitContinue(Continue s);
        R visitRaise(Raise s);
        R visitAssert(Assert s);
        R visitPrint(Print s);
        R visitSleep(Sleep s);
        R visitJoin(Join s);
        R visitGlobal(Global s);
        R visitNonlocal(Nonlocal s);
        R visitDel(Del s);
        R visitAssign(Assign s);
        R visitExprStmt(ExprStmt s);
    }

    record FnDecl(Span span, FunctionDef function) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitFnDecl(this); }
    }
    record If(Span span, List<Expr> conditions, List<Block> bodies, Block orElse) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitIf(this); }
    }
    record While(Span span, Expr condition, Block body) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitWhile(this); }
    }
    record For(Span span, List<Expr> targets, Expr iterable, Block body) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitFor(this); }
    }
    record Try(Span span, Block body, List<CatchClause> catches, Block fin) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitTry(this); }
    }
    record With(Span span, Expr subject, Block body) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitWith(this); }
    }
    record Return(Span span, Expr value) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitReturn(this); }
    }
    record Break(Span span) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitBreak(this); }
    }
    record Continue(Span span) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitContinue(this); }
    }
    /** `raise value`, or a bare `raise` (value null): the error being handled, raised again. */
    record Raise(Span span, Expr value) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitRaise(this); }
    }
    record Assert(Span span, Expr condition, Expr message) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitAssert(this); }
    }
    /** `print a, b` or `print(a, b, sep=", ", end="")`. */
    record Print(Span span, List<Arg> args) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitPrint(this); }
    }
    record Sleep(Span span, Expr seconds) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitSleep(this); }
    }
    record Join(Span span, List<Expr> threads) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitJoin(this); }
    }
    record Global(Span span, List<String> names) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitGlobal(this); }
    }
    record Nonlocal(Span span, List<String> names) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitNonlocal(this); }
    }
    /** `del x`, `del m[k]`, `del xs[i]`, `del xs[i:j]`, several at once: `del a, b`. */
    record Del(Span span, List<Expr> targets) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitDel(this); }
    }
    /** `a = v`, `a, b = v` (destructuring), `a[i] += v`, `t.name = v`; op is "=" or "+=" etc. */
    record Assign(Span span, List<Expr> targets, String op, Expr value) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitAssign(this); }
    }
    record ExprStmt(Span span, Expr expr) implements Stmt {
        public <R> R accept(Visitor<R> v) { return v.visitExprStmt(this); }
    }
}
