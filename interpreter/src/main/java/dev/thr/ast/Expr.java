package dev.thr.ast;

import dev.thr.diag.Span;
import java.util.List;

/**
 * Expressions. Records are immutable and shared by every thread that runs them; side tables
 * about them (the resolver's) are keyed by identity, never by record equality.
 */
public sealed interface Expr extends Node {
    /** An integer literal: a Long, or a BigInteger when it does not fit. */
    record IntLit(Span span, Object value) implements Expr {}
    record FloatLit(Span span, double value) implements Expr {}
    record StringLit(Span span, String value) implements Expr {}
    /** A string with `{expr}` or `{expr:spec}` parts. */
    record Interpolation(Span span, List<Part> parts) implements Expr {}
    record BoolLit(Span span, boolean value) implements Expr {}
    record NilLit(Span span) implements Expr {}
    record Name(Span span, String name) implements Expr {}
    record ListLit(Span span, List<Expr> elements) implements Expr {}
    record MapLit(Span span, List<Expr> keys, List<Expr> values) implements Expr {}
    /** `{1, 2}`; the empty set is `set()`, as `{}` is the empty map. */
    record SetLit(Span span, List<Expr> elements) implements Expr {}
    /**
     * `[element for targets in iterable if filter ... for ...]`: clauses nest left to right, as
     * in Python. kind says what it builds: `[x for ...]` a list, `{x for ...}` a set, `{k: v for
     * ...}` a map (then key is k and element v; key is null otherwise).
     */
    record ListComp(Span span, Kind kind, Expr key, Expr element, List<CompFor> clauses) implements Expr {
        public enum Kind { LIST, SET, MAP }
    }
    record CompFor(List<Expr> targets, Expr iterable, List<Expr> filters) {}
    record Lambda(Span span, FunctionDef function) implements Expr {}
    record Call(Span span, Expr callee, List<Arg> args) implements Expr {}
    record Index(Span span, Expr target, Expr index) implements Expr {}
    record Slice(Span span, Expr target, Expr lo, Expr hi, Expr step) implements Expr {}
    record Member(Span span, Expr target, String name) implements Expr {}
    /** `spawn f(x)`: the callee and arguments are evaluated here, the call runs in a new thread. */
    record Spawn(Span span, Call call) implements Expr {}
    record Binary(Span span, String op, Expr left, Expr right) implements Expr {}
    /** `a < b <= c`: Python's chained comparison, each middle operand evaluated once. */
    record Compare(Span span, List<String> ops, List<Expr> operands) implements Expr {}
    record Unary(Span span, String op, Expr operand) implements Expr {}
    record Logical(Span span, boolean isAnd, Expr left, Expr right) implements Expr {}
    record In(Span span, boolean negated, Expr item, Expr container) implements Expr {}
    record Conditional(Span span, Expr cond, Expr then, Expr orElse) implements Expr {}

    /** A piece of an interpolated string: literal text, or an expression with an optional format spec. */
    sealed interface Part {}
    record Text(String text) implements Part {}
    record Hole(Expr expr, String spec) implements Part {}
}
