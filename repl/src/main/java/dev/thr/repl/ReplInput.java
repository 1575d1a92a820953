package dev.thr.repl;

import java.io.Reader;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * What `input()` reads in a session: a line typed through the session's own LineReader, never
 * System.in behind its back, from whichever thread asks (see {@link ReaderTurns}). The
 * question `input()` printed becomes the answer's prompt, so it stays on the screen with the
 * answer after it, and output from other threads goes above both. The answer is text: it is
 * not parsed as code (an unbalanced one does not continue), coloured, completed, or put in the
 * history.
 */
final class ReplInput extends Reader {
    private final LineReader reader;
    private final ReaderTurns turns;
    private final ReplOutput output;
    private String pending = "";
    private boolean ended;

    ReplInput(LineReader reader, ReaderTurns turns, ReplOutput output) {
        this.reader = reader;
        this.turns = turns;
        this.output = output;
    }

    @Override
    public synchronized int read(char[] buf, int off, int len) {
        if (pending.isEmpty()) {
            if (ended) return -1;
            String answer = ask();
            if (answer == null) {
                ended = true;
                return -1;
            }
            pending = answer + "\n";
        }
        int n = Math.min(len, pending.length());
        pending.getChars(0, n, buf, off);
        pending = pending.substring(n);
        return n;
    }

    /** The answer to the question just printed; null for Ctrl-D. */
    private String ask() {
        try {
            turns.startQuestion();
        } catch (InterruptedException e) {
            throw new dev.thr.value.Cancelled(); // the thread is being stopped while it waits its turn
        }
        try {
            // JLine reads % in a prompt as the start of a pattern (%N, %P): %% is a plain %
            String question = output.takeQuestion().replace("%", "%%");
            reader.variable(LineReader.DISABLE_HISTORY, true);
            // an answer is not code: the session's history has nothing to suggest for it
            reader.setAutosuggestion(LineReader.SuggestionType.NONE);
            try {
                return reader.readLine(question);
            } finally {
                reader.variable(LineReader.DISABLE_HISTORY, false);
                output.promptGone();
            }
        } catch (EndOfFileException e) {
            return null;
        } catch (UserInterruptException e) {
            throw new dev.thr.value.Cancelled(); // Ctrl-C at a question stops the thread that asked
        } finally {
            turns.endQuestion();
        }
    }

    @Override
    public void close() { }
}
