package dev.thr.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The session's history, kept in its file as JLine keeps it, except that a file JLine cannot
 * read (a directory, bytes that are not UTF-8) ends the session in a Java stack trace there:
 * here it is one line of warning, and the history lasts as long as the session.
 */
final class SafeHistory extends DefaultHistory {
    private final PrintWriter err;
    private LineReader owner;

    SafeHistory(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void attach(LineReader reader) {
        owner = reader;
        super.attach(reader);
    }

    @Override
    public void load() throws IOException {
        try {
            super.load();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            giveUp(e);
        }
    }

    @Override
    public void save() throws IOException {
        try {
            super.save();
        } catch (IOException | UncheckedIOException e) {
            giveUp(e);
        }
    }

    private void giveUp(Exception e) {
        Object file = owner == null ? null : owner.getVariable(LineReader.HISTORY_FILE);
        if (owner != null) owner.setVariable(LineReader.HISTORY_FILE, null); // nothing more is read or written there
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        String why = cause instanceof java.nio.charset.CharacterCodingException ? "it is not UTF-8 text" : cause.getMessage();
        err.println("thr: cannot use the history file " + file + " (" + why + "): the history lasts this session only.");
        err.flush();
    }
}
