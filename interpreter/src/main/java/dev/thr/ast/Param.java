package dev.thr.ast;

import dev.thr.diag.Span;

/**
 * A parameter; defaultValue is null when the argument is required. stars is 1 for `*rest`
 * (the extra positional arguments, as a list), 2 for `**named` (the extra named ones, as a
 * map), 3 for a bare `*` (named "*": the parameters after it are named-only, and there may be
 * no extra positional arguments), else 0.
 */
public record Param(Span span, String name, Expr defaultValue, int stars) implements Node {}
