package dev.thr.repl;

import java.io.Writer;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * Where the session's `print` and thread error reports go. While a snippet runs, output goes
 * straight to the terminal. While the user is typing (or answering `input()`), it is printed
 * above the prompt, and JLine redraws the line being typed, intact, below it.
 *
 * <p>Above the prompt, output is gathered for a moment ({@link #GATHER_MILLIS}) and printed in
 * one go: a thread printing thousands of lines costs one redraw of the prompt per batch, not
 * one per line. A line printed in parts (`print(x, end="")`) shows its first part within that
 * moment too, on a row of its own, and the next part goes on at the end of that row.
 */
final class ReplOutput extends Writer {
    /** How long output waits to be printed above the prompt with whatever follows it. */
    static final int GATHER_MILLIS = 20;
    /** A thread printing faster than the terminal shows waits once this much is waiting. */
    private static final int MOST_WAITING = 1 << 20;

    private final Terminal terminal;
    /** Written, not on the screen yet. */
    private final StringBuilder pending = new StringBuilder();
    /** The last line on the screen when it has not ended yet ("" when it has). */
    private String open = "";
    /** Whether that line was printed above a prompt (the cursor is on the row below it), not at the cursor. */
    private boolean openAbove;
    /**
     * The unended line that {@link #endPartialLine} ended just before the session's prompt came
     * up on the row under it, until anything else is shown. It may be a question that a thread
     * printed just before it asked (it printed at the cursor, nothing was reading yet).
     */
    private String endedAtPrompt = "";
    /**
     * Whether a readLine of the session's reader is about to start: output must wait for it to
     * be up and go above it, as text printed at the cursor now would sit in front of the prompt
     * JLine is about to draw there (JLine draws from column 0 of the cursor's row).
     */
    private boolean promptComing;
    private boolean gathering;
    private Thread printer;
    private volatile LineReader reader;

    ReplOutput(Terminal terminal) {
        this.terminal = terminal;
    }

    void attach(LineReader reader) { this.reader = reader; }

    private boolean reading() {
        LineReader r = reader;
        return r != null && r.isReading();
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        pending.append(buf, off, len);
        while (pending.length() > MOST_WAITING && gathering) {
            try {
                wait(); // the printer takes it all and wakes us
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // a thread being stopped: keep its output, let it stop
                return;
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (pending.isEmpty()) return;
        if (!reading() && !promptComing) {
            show();
        } else if (!gathering) {
            gathering = true;
            if (printer == null) {
                printer = new Thread(this::printLoop, "thr-repl-output");
                printer.setDaemon(true);
                printer.start();
            }
            notifyAll();
        }
    }

    /** The printer thread: once output is waiting, a moment later, prints all of it. */
    private void printLoop() {
        while (true) {
            try {
                synchronized (this) {
                    while (!gathering) wait();
                }
                Thread.sleep(GATHER_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (promptComing && !reading()) continue; // not up yet: gather on until it is
                gathering = false;
                show();
                notifyAll();
            }
        }
    }

    /** Puts what is waiting on the screen: above the prompt while one is up, else at the cursor. */
    private void show() {
        if (pending.isEmpty()) return;
        endedAtPrompt = "";
        String text = pending.toString();
        pending.setLength(0);
        LineReader r = reader;
        if (r != null && r.isReading()) {
            // go on where the unended line above the prompt stopped, or start a row of its own
            String moves = openAbove ? ScreenMoves.backToEndOfLineAbove(terminal, ScreenMoves.columns(terminal, open)) : "";
            String before = moves.isEmpty() ? "" : open;
            r.printAbove(moves + text);
            int end = text.lastIndexOf('\n');
            open = end >= 0 ? text.substring(end + 1) : before + text;
            openAbove = !open.isEmpty();
        } else {
            // a line left open above a prompt that has gone cannot be gone back to: a new row
            if (openAbove) open = "";
            openAbove = false;
            terminal.writer().write(text);
            terminal.writer().flush();
            int end = text.lastIndexOf('\n');
            open = end >= 0 ? text.substring(end + 1) : open + text;
        }
    }

    /** Before a prompt: a line left unfinished (`print x, end=""`) is ended, so the prompt starts clean. */
    synchronized void endPartialLine() {
        show();
        endedAtPrompt = "";
        if (!open.isEmpty() && !openAbove) {
            terminal.writer().write("\n");
            terminal.writer().flush();
            endedAtPrompt = open;
        }
        open = "";
        openAbove = false;
    }

    /** Before the session's reader starts a readLine (the prompt or a question's). */
    synchronized void promptComing() {
        promptComing = true;
    }

    /** After that readLine ended, however: output waiting for it goes to the cursor. */
    synchronized void promptGone() {
        promptComing = false;
        flush();
    }

    /**
     * The session's prompt gave way to a question and JLine erased it: the cursor is where the
     * prompt began. A line ended just before that prompt is again the open line right above
     * the cursor, where a question taken from it can be erased.
     */
    synchronized void promptGaveWay() {
        if (!endedAtPrompt.isEmpty() && open.isEmpty()) {
            open = endedAtPrompt;
            openAbove = true;
        }
        endedAtPrompt = "";
    }

    /**
     * For `input()`, with nothing reading: the unended last line, which is its question (it
     * printed it just before), taken off the screen so that JLine can draw it again as the
     * prompt of the answer, where it stays. Whole lines before it are printed first.
     */
    synchronized String takeQuestion() {
        int end = pending.lastIndexOf("\n");
        String rest = pending.substring(end + 1);
        pending.setLength(end + 1);
        show();
        String question = open + rest;
        if (!open.isEmpty()) {
            int rows = ScreenMoves.rows(terminal, ScreenMoves.columns(terminal, open));
            if (openAbove) {
                ScreenMoves.eraseRowsAbove(terminal, rows);
            } else {
                terminal.writer().write('\r'); // the cursor is just after it
                if (rows > 1) ScreenMoves.eraseRowsAbove(terminal, rows - 1);
                else if (ScreenMoves.movable(terminal)) terminal.puts(Capability.clr_eos);
                terminal.flush();
            }
        }
        open = "";
        openAbove = false;
        promptComing = true; // the question's readLine comes next
        return question;
    }

    @Override
    public void close() { flush(); }
}
