package dev.thr.repl;

import java.io.Reader;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * What `input()` reads in a session: lines typed through the session's own LineReader, never
 * System.in behind its back. The prompt has already been printed by `input()` itself.
 */
final class ReplInput extends Reader {
    private final Supplier<LineReader> reader;
    private String pending = "";
    private boolean ended;

    ReplInput(Supplier<LineReader> reader) {
        this.reader = reader;
    }

    @Override
    public synchronized int read(char[] buf, int off, int len) {
        if (pending.isEmpty()) {
            if (ended) return -1;
            try {
                pending = reader.get().readLine("") + "\n";
            } catch (EndOfFileException e) {
                ended = true;
                return -1;
            } catch (UserInterruptException e) {
                throw new dev.thr.eval.Cancelled(); // Ctrl-C while a snippet waits for input stops it
            }
        }
        int n = Math.min(len, pending.length());
        pending.getChars(0, n, buf, off);
        pending = pending.substring(n);
        return n;
    }

    @Override
    public void close() { }
}
