package dev.thr.repl;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;

/**
 * Marks a line that Ctrl-C discarded at the prompt with `^C` after its text, as shells do.
 * JLine leaves the discarded text on the screen and the cursor on the line below, so without
 * a mark it looks like a line that ran and printed nothing.
 */
final class DiscardedLine {
    private DiscardedLine() {}

    static final String MARK = "^C";

    /** Called right after readLine threw UserInterruptException for `partial`. */
    static void mark(Terminal terminal, String partial, boolean dumb) {
        if (terminal instanceof org.jline.terminal.impl.DumbTerminal) {
            // a system terminal left in line mode echoes ^C itself: just end the line
            terminal.writer().write("\r\n");
            terminal.writer().flush();
            return;
        }
        String[] lines = partial.split("\n", -1);
        String prompt = lines.length == 1 ? Prompts.PRIMARY : Prompts.continuation(lines.length);
        int width = terminal.getWidth();
        int end = new AttributedString(prompt + lines[lines.length - 1]).columnLength(terminal);
        // the mark goes where the text ended, one row up, unless that row is full or the
        // terminal cannot move there: then it gets a line of its own
        boolean up = !dumb && width > 0 && end % width != 0
                && terminal.getStringCapability(Capability.cursor_up) != null
                && terminal.getStringCapability(Capability.parm_right_cursor) != null;
        if (up) {
            terminal.puts(Capability.cursor_up);
            terminal.writer().write('\r');
            terminal.puts(Capability.parm_right_cursor, end % width);
        }
        terminal.writer().write(MARK + "\r\n");
        terminal.writer().flush();
    }
}
