package dev.thr.syntax;

import dev.thr.ast.Expr;
import dev.thr.diag.Diagnostic;
import dev.thr.diag.Source;
import dev.thr.diag.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Turns a string token into a literal or an interpolation: escapes (\n \t \\ \" \' \{ \u00e9),
 * `{{` and `}}` for literal braces, and holes `{expr}`, `{expr:spec}`, `{expr!r}` whose
 * expressions are parsed by the same parser, with positions inside the original line.
 */
final class StringParser {
    private final Source source;
    private final List<Diagnostic> diagnostics;

    StringParser(Source source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    Expr parse(Token token, Span at) {
        String raw = token.getText();
        String body = raw.substring(1, raw.length() - 1);
        List<Expr.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                i = escape(body, i, text, at);
            } else if (c == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
                text.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < body.length() && body.charAt(i + 1) == '}') {
                text.append('}');
                i += 2;
            } else if (c == '{') {
                int close = closingBrace(body, i + 1);
                if (close < 0) {
                    error(at, i, "unclosed '{' in string: write '{{' for a literal brace");
                    return new Expr.StringLit(at, body);
                }
                if (!text.isEmpty()) parts.add(new Expr.Text(text.toString()));
                text.setLength(0);
                parts.add(hole(body, i + 1, close, at));
                i = close + 1;
            } else if (c == '}') {
                error(at, i, "single '}' in string: write '}}' for a literal brace");
                i++;
            } else {
                text.append(c);
                i++;
            }
        }
        if (parts.isEmpty()) return new Expr.StringLit(at, text.toString());
        if (!text.isEmpty()) parts.add(new Expr.Text(text.toString()));
        return new Expr.Interpolation(at, List.copyOf(parts));
    }

    private int escape(String body, int i, StringBuilder text, Span at) {
        char e = body.charAt(i + 1);
        switch (e) {
            case 'n' -> text.append('\n');
            case 't' -> text.append('\t');
            case 'r' -> text.append('\r');
            case '0' -> text.append('\0');
            case '\\', '"', '\'', '{', '}' -> text.append(e);
            case 'u' -> {
                if (i + 6 <= body.length() && body.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                    text.append((char) Integer.parseInt(body.substring(i + 2, i + 6), 16));
                    return i + 6;
                }
                error(at, i, "\\u needs four hex digits, like \\u00e9");
            }
            default -> error(at, i, "unknown escape '\\" + e + "'");
        }
        return i + 2;
    }

    /** The index of the '}' closing a hole that starts at `from`, skipping nested brackets and strings. */
    private static int closingBrace(String s, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) return c == '}' ? i : -1;
                depth--;
            }
        }
        return -1;
    }

    private Expr.Part hole(String body, int start, int end, Span at) {
        int specAt = topLevelColon(body, start, end);
        String code = body.substring(start, specAt < 0 ? end : specAt);
        String spec = specAt < 0 ? null : body.substring(specAt + 1, end);
        boolean repr = false;
        if (code.endsWith("!r")) {
            repr = true;
            code = code.substring(0, code.length() - 2);
        }
        if (code.isBlank()) {
            error(at, start, "empty '{}' in string: put an expression inside, or write '{{}}'");
            return new Expr.Text("");
        }
        // body index 0 is one column after the opening quote
        var parsed = Parsing.parseHole(source, code, at.line(), at.column() + 1 + start);
        if (parsed.value() == null) {
            diagnostics.addAll(parsed.diagnostics());
            return new Expr.Text("");
        }
        Expr expr = parsed.value();
        if (repr) expr = new Expr.Call(expr.span(), new Expr.Name(expr.span(), "repr"),
                List.of(new dev.thr.ast.Arg(expr.span(), null, expr)));
        return new Expr.Hole(expr, spec);
    }

    private static int topLevelColon(String s, int start, int end) {
        int depth = 0;
        char quote = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') quote = c;
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == ':' && depth == 0) return i;
        }
        return -1;
    }

    private void error(Span at, int index, String message) {
        diagnostics.add(new Diagnostic(new Span(source, at.line(), at.column() + 1 + index, 1), message));
    }
}
