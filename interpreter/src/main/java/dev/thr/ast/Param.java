package dev.thr.ast;

import dev.thr.diag.Span;

/** A parameter; defaultValue is null when the argument is required. */
public record Param(Span span, String name, Expr defaultValue) implements Node {}
