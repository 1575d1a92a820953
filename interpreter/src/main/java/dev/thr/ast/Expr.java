package dev.thr.ast;

import dev.thr.diag.Span;
import java.util.List;

/**
 * Expressions. Records are immutable and shared by every thread that runs them; side tables
 * about them (the resolver's) are keyed by identity, never by record equality.
 */
public sealed interface Expr extends Node {
    /**
     * Calls the visitor's method for this kind of expression. Walkers dispatch through this
     * rather than a `switch` over the record types: each such switch makes a class the first
     * time it runs (the JDK's pattern-switch bootstrap), which costs a script's start-up
     * milliseconds that no AOT cache keeps. Like the switch, a visitor must handle every kind.
     */
    <R> R accept(Visitor<R> v);

    interface Visitor<R> {
        R visitIntLit(IntLit e);
        R visitFloatLit(FloatLit e);
        R visitStringLit(StringLit e);
        R visitInterpolation(Interpolation e);
        R visitBoolLit(BoolLit e);
        R visitNilLit(NilLit e);
        R visitName(Name e);
        R visitListLit(ListLit e);
        R visitMapLit(MapLit e);
        R visitSetLit(SetLit e);
        R visitListComp(ListComp e);
        R visitLambda(Lambda e);
        R visitCall(Call e);
        R visitIndex(Index e);
        R visitSlice(Slice e);
        R visitMember(Member e);
        R visitSpawn(Spawn e);
        R visitBinary(Binary e);
        R visitCompare(Compare e);
        R visitUnary(Unary e);
        R visitLogical(Logical e);
        R visitIn(In e);
        R visitConditional(Conditional e);
    }

    /** An integer literal: a Long, or a BigInteger when it does not fit. */
    record IntLit(Span span, Object value) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitIntLit(this); }
    }
    record FloatLit(Span span, double value) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitFloatLit(this); }
    }
    record StringLit(Span span, String value) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitStringLit(this); }
    }
    /** A string with `{expr}` or `{expr:spec}` parts. */
    record Interpolation(Span span, List<Part> parts) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitInterpolation(this); }
    }
    record BoolLit(Span span, boolean value) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitBoolLit(this); }
    }
    record NilLit(Span span) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitNilLit(this); }
    }
    record Name(Span span, String name) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitName(this); }
    }
    record ListLit(Span span, List<Expr> elements) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitListLit(this); }
    }
    record MapLit(Span span, List<Expr> keys, List<Expr> values) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitMapLit(this); }
    }
    /** `{1, 2}`; the empty set is `set()`, as `{}` is the empty map. */
    record SetLit(Span span, List<Expr> elements) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitSetLit(this); }
    }
    /**
     * `[element for targets in iterable if filter ... for ...]`: clauses nest left to right, as
     * in Python. kind says what it builds: `[x for ...]` a list, `{x for ...}` a set, `{k: v for
     * ...}` a map (then key is k and element v; key is null otherwise).
     */
    record ListComp(Span span, Kind kind, Expr key, Expr element, List<CompFor> clauses) implements Expr {
        public enum Kind { LIST, SET, MAP }

        public <R> R accept(Visitor<R> v) { return v.visitListComp(this); }
    }
    record CompFor(List<Expr> targets, Expr iterable, List<Expr> filters) {}
    record Lambda(Span span, FunctionDef function) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitLambda(this); }
    }
    record Call(Span span, Expr callee, List<Arg> args) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitCall(this); }
    }
    record Index(Span span, Expr target, Expr index) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitIndex(this); }
    }
    record Slice(Span span, Expr target, Expr lo, Expr hi, Expr step) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitSlice(this); }
    }
    record Member(Span span, Expr target, String name) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitMember(this); }
    }
    /** `spawn f(x)`: the callee and arguments are evaluated here, the call runs in a new thread. */
    record Spawn(Span span, Call call) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitSpawn(this); }
    }
    record Binary(Span span, String op, Expr left, Expr right) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitBinary(this); }
    }
    /** `a < b <= c`: Python's chained comparison, each middle operand evaluated once. */
    record Compare(Span span, List<String> ops, List<Expr> operands) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitCompare(this); }
    }
    record Unary(Span span, String op, Expr operand) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitUnary(this); }
    }
    record Logical(Span span, boolean isAnd, Expr left, Expr right) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitLogical(this); }
    }
    record In(Span span, boolean negated, Expr item, Expr container) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitIn(this); }
    }
    record Conditional(Span span, Expr cond, Expr then, Expr orElse) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitConditional(this); }
    }

    /** A piece of an interpolated string: literal text, or an expression with an optional format spec. */
    sealed interface Part {}
    record Text(String text) implements Part {}
    record Hole(Expr expr, String spec) implements Part {}
}
