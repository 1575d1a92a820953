package dev.thr.repl;

import dev.thr.api.Syntax;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours typed code from thr's own lexer: keywords, strings, numbers, comments, errors. */
final class Highlighting implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return style(buffer);
    }

    static AttributedString style(String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (buffer.stripLeading().startsWith(":")) {
            return out.styled(COMMAND, buffer).toAttributedString();
        }
        int at = 0;
        for (Syntax.Span t : Syntax.tokens(buffer)) {
            out.append(buffer.substring(at, t.start()));
            AttributedStyle style = switch (t.kind()) {
                case KEYWORD -> KEYWORD;
                case STRING -> STRING;
                case NUMBER -> NUMBER;
                case COMMENT -> COMMENT;
                case ERROR -> ERROR;
                case NAME, OPERATOR -> AttributedStyle.DEFAULT;
            };
            out.styled(style, buffer.substring(t.start(), t.end()));
            at = t.end();
        }
        out.append(buffer.substring(at));
        return out.toAttributedString();
    }
}
