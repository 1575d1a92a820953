package dev.thr.repl;

import org.jline.reader.Completer;
import org.jline.reader.Highlighter;
import org.jline.reader.Parser;
import org.jline.utils.AttributedString;

/**
 * The reader's helpers for code, stepping back while `input()` waits for an answer: an answer
 * is taken as typed, so it never continues on a `..2>` line (an unbalanced `(` is just a
 * character), is not coloured as code, and Tab does not offer thr's names.
 */
final class Answers {
    private Answers() {}

    static Parser parser(Parser code, ReaderTurns turns) {
        return new Parser() {
            @Override
            public org.jline.reader.ParsedLine parse(String line, int cursor, ParseContext context) {
                return turns.answering() ? new InputParser.Line(line, cursor) : code.parse(line, cursor, context);
            }
        };
    }

    static Highlighter highlighter(Highlighter code, ReaderTurns turns) {
        return (reader, buffer) -> turns.answering() ? new AttributedString(buffer) : code.highlight(reader, buffer);
    }

    static Completer completer(Completer code, ReaderTurns turns) {
        return (reader, line, candidates) -> {
            if (!turns.answering()) code.complete(reader, line, candidates);
        };
    }
}
