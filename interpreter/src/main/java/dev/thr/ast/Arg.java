package dev.thr.ast;

import dev.thr.diag.Span;

/** A call argument; name is null for a positional one. */
public record Arg(Span span, String name, Expr value) implements Node {}
