package dev.thr.syntax;

import dev.thr.diag.Diagnostic;
import dev.thr.diag.Source;
import dev.thr.diag.Span;
import dev.thr.grammar.ThrLexer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Collects ANTLR's syntax errors as diagnostics worded for people: what was expected, what was found. */
final class SyntaxErrors extends BaseErrorListener {
    private static final int MAX_EXPECTED = 8;

    private final Source source;
    private final int lineOffset;
    private final int columnOffset;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private boolean atEnd;
    private NewlineFilter brackets;

    SyntaxErrors(Source source, int lineOffset, int columnOffset) {
        this.source = source;
        this.lineOffset = lineOffset;
        this.columnOffset = columnOffset;
    }

    List<Diagnostic> diagnostics() { return diagnostics; }

    /** The token filter whose open brackets explain errors that show up lines later. */
    void watch(NewlineFilter filter) { this.brackets = filter; }

    /**
     * True when the first error is at the end of the input: the program may just be unfinished.
     * (An error earlier on is a real one, whatever ANTLR's recovery then meets at the end.)
     */
    boolean atEnd() { return atEnd; }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column,
                            String antlrMessage, RecognitionException e) {
        Token token = offending instanceof Token t ? t : null;
        Token end = token == null ? null : endAfter(recognizer, token);
        if (end != null) {
            // the input ends with an operator (`for x in a in`): ANTLR's prediction may give up
            // at the operator rather than at the end, yet what is missing is what comes after it
            line = token.getLine();
            column = token.getCharPositionInLine() + token.getText().length();
            token = end;
        }
        String message = token == null ? antlrMessage
                : end != null ? "unexpected " + found(end) : describe((Parser) recognizer, token, antlrMessage, e);
        boolean endError = token != null && (token.getType() == Token.EOF || token.getType() == ThrLexer.UNTERMINATED_STRING);
        if (!diagnostics.isEmpty() && endError && token.getType() == Token.EOF) {
            return; // recovery from an earlier error ran into the end: not a second mistake
        }
        // unfinished, not wrong: the end came inside a bracket or string, or after an operator
        if (diagnostics.isEmpty() && endError && (token.getType() != Token.EOF || brackets == null || brackets.unfinished())) {
            atEnd = true;
        }
        if (token != null && token.getType() == Token.EOF && end == null && recognizer instanceof Parser p) {
            // "found end of input" is clearest just after the last thing written, not on the
            // empty line after it
            Token last = p.getInputStream().LT(-1);
            if (last != null && last.getType() != Token.EOF) {
                line = last.getLine();
                column = last.getCharPositionInLine() + (last.getType() == ThrLexer.NL ? 0 : last.getText().length());
            }
        }
        int length = token == null || token.getType() == Token.EOF ? 1 : Math.max(1, token.getText().length());
        int col = column + 1 + (line == 1 ? columnOffset : 0);
        Span span = new Span(source, line + lineOffset, col, length);
        message += unclosedHint(line, token) + pythonHint(recognizer, token);
        // ANTLR may report several errors at one spot while it recovers: one is enough.
        if (seen.add(span.where())) diagnostics.add(new Diagnostic(span, message));
    }

    /**
     * The end of the input, when it comes right after `token` and `token` cannot end a
     * statement (an operator, a comma); else null.
     */
    private static Token endAfter(Recognizer<?, ?> recognizer, Token token) {
        if (!NewlineFilter.continues(token.getType()) || !(recognizer instanceof Parser p)
                || !(p.getInputStream() instanceof org.antlr.v4.runtime.BufferedTokenStream tokens)) {
            return null;
        }
        for (int i = token.getTokenIndex() + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) return t.getType() == Token.EOF ? t : null;
        }
        return null;
    }

    /** The program is nested deeper than the parser goes: `at` is where it got too deep. */
    void tooDeep(Token at, String message) {
        int line = at == null ? 1 : at.getLine();
        int column = at == null ? 0 : at.getCharPositionInLine();
        int length = at == null ? 1 : Math.max(1, at.getText().length());
        Span span = new Span(source, line + lineOffset, column + 1 + (line == 1 ? columnOffset : 0), length);
        diagnostics.add(new Diagnostic(span, message));
    }

    private static String describe(Parser parser, Token token, String antlrMessage, RecognitionException e) {
        if (token.getType() == ThrLexer.UNTERMINATED_STRING) return "unterminated string: it needs a closing quote on the same line";
        if (token.getType() == ThrLexer.UNKNOWN_CHAR) return "unexpected character " + quote(token.getText());
        String found = found(token);
        if (e instanceof NoViableAltException) return "unexpected " + found;
        IntervalSet expected = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
        if (antlrMessage.startsWith("extraneous input")) return "unexpected " + found;
        String wanted = expectedList(expected, parser.getVocabulary());
        if (wanted.isEmpty() || e != null && !(e instanceof InputMismatchException)) return "unexpected " + found;
        return "expected " + wanted + " but found " + found;
    }

    /**
     * Newlines inside ( and [ are not statement ends, so a missing ')' shows up as an error on
     * some later line; and a missing '}' as an error at the end. Name the bracket left open.
     */
    private String unclosedHint(int line, Token token) {
        if (brackets == null || token == null) return "";
        Token open = token.getType() == Token.EOF ? brackets.unclosed() : brackets.unclosedParen();
        if (open == null || open.getLine() >= line && token.getType() != Token.EOF) return "";
        return " ('" + open.getText() + "' at line " + (open.getLine() + lineOffset) + ", column "
                + (open.getCharPositionInLine() + 1) + " is not closed)";
    }

    /** Hints for what a Python (or C) habit typed: thr's way of saying it. */
    private static String pythonHint(Recognizer<?, ?> recognizer, Token token) {
        if (token == null || !(recognizer instanceof Parser p)) return "";
        Token before = p.getInputStream().LT(-1);
        String previous = before == null ? "" : before.getText();
        // what comes just before the offending token (a failed prediction reports it from further back)
        String justBefore = previous;
        if (p.getInputStream() instanceof org.antlr.v4.runtime.BufferedTokenStream tokens) {
            for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
                Token t = tokens.get(i);
                if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                    justBefore = t.getText();
                    break;
                }
            }
        }
        if (previous.equals("f") && token.getType() == ThrLexer.STRING) return " (every thr string fills in {braces}: \"hi {name}\", no f needed)";
        return switch (token.getText()) {
            case "=" -> previous.equals("|") || previous.equals("&") || previous.equals("^") ? "" : " (to compare, write ==)";
            // [*xs, 1], {**m}, print *xs: spreading where Python allows it and thr does not
            case "*" -> spreadsHere(justBefore) ? " (*xs spreads a list only in a call, as in f(*xs) or print(*xs); to join lists write xs + ys)" : "";
            case "**" -> spreadsHere(justBefore) ? " (**m spreads a map only in a call, as in f(**m); to merge maps write a | b)" : "";
            case "if" -> previous.equals("else") ? " (write elif)" : "";
            case ":" -> " (blocks are in braces: if x { ... })";
            default -> switch (previous) {
                case "def", "function", "func" -> " (define functions with fn: fn name(a, b) { ... })";
                case "lambda" -> " (a function without a name is fn(x) { return x * 2 })";
                case "class" -> " (thr has no classes: a function, a map or a thread's result does the job)";
                default -> "";
            };
        };
    }

    private static boolean spreadsHere(String previous) {
        return previous.equals("[") || previous.equals("{") || previous.equals(",") || previous.equals("print");
    }

    static String found(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of input";
            case ThrLexer.NL -> "end of line";
            case ThrLexer.NAME -> "name '" + token.getText() + "'";
            case ThrLexer.INT, ThrLexer.FLOAT -> "number " + token.getText();
            case ThrLexer.STRING -> "string " + token.getText();
            default -> quote(token.getText());
        };
    }

    private static String expectedList(IntervalSet set, Vocabulary vocabulary) {
        List<String> names = new ArrayList<>();
        for (int type : set.toArray()) {
            String name = switch (type) {
                case Token.EOF -> "end of input";
                case ThrLexer.NL -> "end of line";
                case ThrLexer.NAME -> "a name";
                case ThrLexer.INT, ThrLexer.FLOAT -> "a number";
                case ThrLexer.STRING -> "a string";
                case ThrLexer.UNTERMINATED_STRING, ThrLexer.UNKNOWN_CHAR -> null;
                default -> vocabulary.getLiteralName(type);
            };
            if (name != null && !names.contains(name)) names.add(name);
        }
        if (names.size() > MAX_EXPECTED) return names.contains("a name") ? "an expression" : "";
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String quote(String text) {
        return "'" + text.replace("\n", "\\n") + "'";
    }
}
