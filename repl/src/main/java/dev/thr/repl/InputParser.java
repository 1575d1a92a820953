package dev.thr.repl;

import dev.thr.api.Syntax;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine whether Enter ends the input: thr's own parser decides, so an open brace, an
 * unclosed string or a trailing operator continues on the next line, and a line with a real
 * syntax error is accepted (to be reported) instead of waiting forever. Also splits the line
 * into the word being completed.
 */
final class InputParser implements Parser {
    private final boolean multiLine;

    /** @param multiLine false on a dumb terminal, where the REPL asks for continuation lines itself */
    InputParser(boolean multiLine) {
        this.multiLine = multiLine;
    }

    InputParser() {
        this(true);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        boolean accepting = multiLine && (context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT);
        if (accepting && !line.isBlank() && !line.stripLeading().startsWith(":")
                && Syntax.check(line) == Syntax.Input.INCOMPLETE) {
            int open = openBraces(line);
            throw new EOFError(-1, -1, "unfinished input", open > 0 ? "}" : "", open, open > 0 ? "}" : null);
        }
        return new Line(line, cursor);
    }

    /** How many `{` are open at the end, for indenting the next line (strings and comments skipped). */
    static int openBraces(String text) {
        int depth = 0;
        for (Syntax.Span t : Syntax.tokens(text)) {
            if (t.kind() != Syntax.Kind.OPERATOR) continue;
            char c = text.charAt(t.start());
            if (c == '{') depth++;
            if (c == '}') depth = Math.max(0, depth - 1);
        }
        return depth;
    }

    /** The line with the word under the cursor: a name (or the start of one), or a path after `:load`. */
    record Line(String line, int cursor) implements CompletingParsedLine {
        @Override
        public String word() {
            return line.substring(wordStart(), cursor);
        }

        int wordStart() {
            String before = line.substring(0, cursor);
            if (before.startsWith(":load ")) return Math.max(":load ".length(), before.lastIndexOf(' ') + 1);
            int i = cursor;
            while (i > 0 && (Character.isLetterOrDigit(line.charAt(i - 1)) || line.charAt(i - 1) == '_' || line.charAt(i - 1) == ':' && i == 1)) i--;
            return i;
        }

        @Override public int wordCursor() { return cursor - wordStart(); }
        @Override public int wordIndex() { return 0; }
        @Override public List<String> words() { return List.of(word()); }

        // thr names and paths need no quoting: a candidate goes in as it is
        @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }
        @Override public int rawWordCursor() { return wordCursor(); }
        @Override public int rawWordLength() { return word().length(); }
    }
}
