package dev.thr.diag;

/**
 * One problem found in a program before it runs: a syntax error or a name that cannot be
 * resolved. Runtime errors are thr error values instead, rendered by the same renderer.
 */
public record Diagnostic(Span span, String message) {
}
