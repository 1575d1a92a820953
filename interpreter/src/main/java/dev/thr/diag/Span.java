package dev.thr.diag;

/** A place in a source: 1-based line and column of the first character, and a length on that line. */
public record Span(Source source, int line, int column, int length) {
    public static final Span NONE = new Span(new Source("<internal>", ""), 0, 0, 0);

    public String where() {
        return source.name() + ":" + line + ":" + column;
    }

    @Override
    public String toString() { return where(); }
}
