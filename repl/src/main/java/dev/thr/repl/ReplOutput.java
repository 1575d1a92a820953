package dev.thr.repl;

import java.io.Writer;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/**
 * Where the session's `print` and thread error reports go. While the user is typing, whole
 * lines are printed above the prompt (JLine redraws the line being typed, intact); a partial
 * line waits for its end. While a snippet runs, output goes straight to the terminal.
 */
final class ReplOutput extends Writer {
    private final Terminal terminal;
    private final StringBuilder pending = new StringBuilder();
    private volatile LineReader reader;

    ReplOutput(Terminal terminal) {
        this.terminal = terminal;
    }

    void attach(LineReader reader) { this.reader = reader; }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        pending.append(buf, off, len);
    }

    @Override
    public synchronized void flush() {
        LineReader r = reader;
        if (r != null && r.isReading()) {
            int end = pending.lastIndexOf("\n");
            if (end < 0) return;
            r.printAbove(pending.substring(0, end));
            pending.delete(0, end + 1);
        } else {
            terminal.writer().write(pending.toString());
            pending.setLength(0);
            terminal.writer().flush();
        }
    }

    /** Before a prompt: a line left unfinished (`print x, end=""`) is ended, so the prompt starts clean. */
    synchronized void endPartialLine() {
        if (pending.isEmpty()) return;
        terminal.writer().write(pending.toString());
        pending.setLength(0);
        terminal.writer().write("\n");
        terminal.writer().flush();
    }

    @Override
    public void close() { flush(); }
}
