package dev.thr.api;

import dev.thr.diag.Source;
import dev.thr.grammar.ThrLexer;
import dev.thr.syntax.ParseResult;
import dev.thr.syntax.Parsing;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * What tools around thr need from its syntax without running anything: whether some input is
 * a whole program yet (a REPL's "continue on the next line?") and what kind each token is (for
 * highlighting). Stateless and thread-safe.
 */
public final class Syntax {
    private Syntax() {}

    /** Where typed input stands. */
    public enum Input { COMPLETE, INCOMPLETE, INVALID }

    /** COMPLETE when it parses, INCOMPLETE when it only lacks an ending (an open brace, string, operator), else INVALID. */
    public static Input check(String source) {
        ParseResult r = Parsing.parse(new Source("<input>", source));
        if (r.ok()) return Input.COMPLETE;
        return r.incomplete() ? Input.INCOMPLETE : Input.INVALID;
    }

    public enum Kind { KEYWORD, NAME, NUMBER, STRING, COMMENT, OPERATOR, ERROR }

    /** A token: its kind and where it is in the text (offsets in chars, end exclusive). */
    public record Span(Kind kind, int start, int end) {}

    /** The tokens of some text, comments included, for highlighting; never throws. */
    public static List<Span> tokens(String text) {
        List<Span> out = new ArrayList<>();
        ThrLexer lexer = new ThrLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        // ANTLR's offsets count code points; highlighting wants chars
        int[] charAt = charOffsets(text);
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            Kind kind = kind(t);
            if (kind == null) continue;
            out.add(new Span(kind, charAt[t.getStartIndex()], charAt[t.getStopIndex() + 1]));
        }
        return out;
    }

    /** The keywords of the language. */
    public static List<String> keywords() {
        List<String> out = new ArrayList<>();
        for (int type = 1; type <= ThrLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = ThrLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && Character.isLetter(literal.charAt(1))) out.add(literal.substring(1, literal.length() - 1));
        }
        return out;
    }

    private static Kind kind(Token t) {
        return switch (t.getType()) {
            case ThrLexer.NL, ThrLexer.WS, ThrLexer.LINE_JOIN -> null;
            case ThrLexer.COMMENT -> Kind.COMMENT;
            case ThrLexer.STRING -> Kind.STRING;
            case ThrLexer.INT, ThrLexer.FLOAT -> Kind.NUMBER;
            case ThrLexer.NAME -> Kind.NAME;
            case ThrLexer.UNKNOWN_CHAR, ThrLexer.UNTERMINATED_STRING -> Kind.ERROR;
            default -> {
                String literal = ThrLexer.VOCABULARY.getLiteralName(t.getType());
                yield literal != null && Character.isLetter(literal.charAt(1)) ? Kind.KEYWORD : Kind.OPERATOR;
            }
        };
    }

    private static int[] charOffsets(String text) {
        int points = text.codePointCount(0, text.length());
        int[] at = new int[points + 1];
        int c = 0;
        for (int p = 0; p < points; p++) {
            at[p] = c;
            c += Character.charCount(text.codePointAt(c));
        }
        at[points] = c;
        return at;
    }
}
