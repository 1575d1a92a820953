package dev.thr.diag;

import java.util.List;

/**
 * The one place that turns a position and a message into what a person reads:
 * <pre>
 * file.thr:3:9: error: expected ')' but found 'print'
 *   3 | x = f(1, 2
 *     |         ^
 * </pre>
 */
public final class Renderer {
    private Renderer() {}

    public static String render(Diagnostic d) {
        return render(d.span(), "error: " + d.message());
    }

    public static String renderAll(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) out.append(render(d));
        int n = diagnostics.size();
        if (n > 1) out.append(n).append(" errors\n");
        return out.toString();
    }

    /** `where: headline`, then the source line with a caret under the span (when there is one). */
    public static String render(Span span, String headline) {
        StringBuilder out = new StringBuilder();
        out.append(span.where()).append(": ").append(headline).append('\n');
        appendExcerpt(out, span);
        return out.toString();
    }

    public static void appendExcerpt(StringBuilder out, Span span) {
        if (span.line() < 1) return;
        String text = span.source().line(span.line());
        if (text.isBlank() && span.column() > text.length() + 1) return;
        String number = Integer.toString(span.line());
        String gutter = " ".repeat(number.length());
        out.append("  ").append(number).append(" | ").append(text.replace('\t', ' ')).append('\n');
        int col = Math.max(1, Math.min(span.column(), text.length() + 1));
        int width = Math.max(1, Math.min(span.length(), text.length() - col + 1));
        out.append("  ").append(gutter).append(" | ")
                .append(" ".repeat(col - 1)).append("^".repeat(width)).append('\n');
    }
}
