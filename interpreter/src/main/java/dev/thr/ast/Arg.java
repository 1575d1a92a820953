package dev.thr.ast;

import dev.thr.diag.Span;

/**
 * A call argument; name is null for a positional one. stars is 1 for `*xs` (a list spread into
 * positional arguments), 2 for `**m` (a map spread into named ones), else 0.
 */
public record Arg(Span span, String name, Expr value, int stars) implements Node {
    public Arg(Span span, String name, Expr value) {
        this(span, name, value, 0);
    }
}
