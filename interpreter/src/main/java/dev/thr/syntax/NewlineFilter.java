package dev.thr.syntax;

import dev.thr.grammar.ThrLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Sits between the lexer and the parser and drops the newlines that cannot end a statement:
 * those inside ( ) or [ ], and those after a token that needs something after it (a binary
 * operator, ',', '=', an opening bracket). Braces keep their newlines because a `{` may open a
 * block. Doing this here keeps the grammar free of optional-newline clutter, and lets the REPL
 * treat `x = 1 +` as unfinished.
 */
final class NewlineFilter implements TokenSource {
    private final TokenSource lexer;
    /** Asked every few thousand tokens: a host may stop a long parse (a timeout, cancel()). */
    private final java.util.function.BooleanSupplier stop;
    private int tokens;
    private final Deque<Token> brackets = new ArrayDeque<>();
    private int previousType = Token.INVALID_TYPE;

    NewlineFilter(TokenSource lexer, java.util.function.BooleanSupplier stop) {
        this.lexer = lexer;
        this.stop = stop;
    }

    @Override
    public Token nextToken() {
        while (true) {
            if ((++tokens & 4095) == 0 && stop.getAsBoolean()) throw new Parsing.Stopped();
            Token t = lexer.nextToken();
            if (t.getChannel() != Token.DEFAULT_CHANNEL) return t;
            int type = t.getType();
            if (type == ThrLexer.NL && (insideParens() || continues(previousType))) continue;
            // a run of newlines (blank lines) or of ';' is one separator to the grammar; passed on
            // whole, each would make the parser look ahead to the run's end: quadratic time
            if (type == previousType && (type == ThrLexer.NL || ";".equals(t.getText()))) continue;
            track(t);
            if (type != Token.EOF) previousType = type; // what the input ended with, for unfinished()
            return t;
        }
    }

    private boolean insideParens() {
        Token top = brackets.peek();
        return top != null && !top.getText().equals("{");
    }

    /** The innermost bracket still open, or null: named in the error for an unfinished program. */
    Token unclosed() {
        return brackets.peek();
    }

    /** Whether the input so far stops mid-statement: a bracket open, or a token that needs more after it. */
    boolean unfinished() {
        return !brackets.isEmpty() || continues(previousType);
    }

    /** The outermost ( or [ still open (inside it, newlines were swallowed), or null. */
    Token unclosedParen() {
        Token found = null;
        for (Token t : brackets) if (!t.getText().equals("{")) found = t;
        return found;
    }

    /**
     * At most this many brackets and blocks open at once (Python's parser allows 200
     * parentheses): deeper, the parser's recursion would run out of stack.
     */
    static final int MAX_NESTING = 200;

    /** Thrown at the bracket that opens one level too many; Parsing makes it a syntax error. */
    static final class TooDeep extends RuntimeException {
        final transient Token at;
        TooDeep(Token at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    /** The last token handed to the parser: where a parse that ran out of stack had got to. */
    Token last() { return last; }

    private Token last;

    private void track(Token t) {
        last = t;
        String text = t.getText();
        if (text.length() != 1) return;
        switch (text.charAt(0)) {
            case '(', '[', '{' -> {
                brackets.push(t);
                if (brackets.size() > MAX_NESTING) throw new TooDeep(t);
            }
            case ')', ']', '}' -> { if (!brackets.isEmpty()) brackets.pop(); }
            default -> { }
        }
    }

    /** Tokens after which a line cannot end: the statement goes on on the next line. */
    static boolean continues(int type) {
        if (type == Token.INVALID_TYPE || type == ThrLexer.NL) return false;
        String literal = ThrLexer.VOCABULARY.getLiteralName(type);
        if (literal == null) return false;
        return switch (literal) {
            case "'+'", "'-'", "'*'", "'/'", "'//'", "'%'", "'**'", "'<'", "'<='", "'>'", "'>='",
                 "'=='", "'!='", "'and'", "'or'", "'not'", "'in'", "','", "'='", "'+='", "'-='",
                 "'*='", "'/='", "'//='", "'%='", "'**='", "'&='", "'|='", "'^='", "'('", "'['", "'{'", "'.'", "':'",
                 "'=>'", "'|'", "'&'", "'^'", "'is'", "'del'" -> true;
            default -> false;
        };
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
