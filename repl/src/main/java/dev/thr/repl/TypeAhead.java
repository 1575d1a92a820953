package dev.thr.repl;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.Widget;
import org.jline.reader.impl.LineReaderImpl;

/**
 * Plain characters that are already waiting go into the line together. JLine redraws the line
 * (and thr highlights it) after every key, so a line pasted without bracketed paste, or typed
 * ahead while a snippet ran, cost a redraw per character: 3 ms for a 70-character line.
 */
final class TypeAhead {
    /** How long to look for a next key: far below what a typist notices, far above a paste's gaps. */
    private static final long PEEK_MS = 1;
    /** At most this many characters between redraws, so a huge paste still shows progress. */
    private static final int BATCH = 4096;

    private TypeAhead() {}

    /** Makes the reader's self-insert take the plain characters that follow it too. */
    static void install(LineReader reader) {
        if (!(reader instanceof LineReaderImpl impl)) return;
        Widget insertOne = reader.getWidgets().get(LineReader.SELF_INSERT);
        reader.getWidgets().put(LineReader.SELF_INSERT, () -> {
            if (!insertOne.apply()) return false;
            StringBuilder more = new StringBuilder();
            KeyMap<Binding> keys = reader.getKeys();
            while (more.length() < BATCH) {
                int c = impl.peekCharacter(PEEK_MS);
                // anything else (Enter, a brace, an escape sequence) goes through its own binding
                if (c < 0 || !insertsItself(keys, c)) break;
                more.appendCodePoint(impl.readCharacter());
            }
            if (!more.isEmpty()) impl.putString(more);
            return true;
        });
    }

    private static boolean insertsItself(KeyMap<Binding> keys, int c) {
        if (c < ' ' || c == 127) return false;
        if (c >= 128) return keys.getUnicode() instanceof Reference r && r.name().equals(LineReader.SELF_INSERT);
        // a keymap's table holds ASCII; a key that starts a longer binding (`"jk": vi-movement-mode`
        // in an inputrc) reports its fallback with remaining < 0: JLine must read on to decide
        int[] remaining = new int[1];
        Binding b = keys.getBound(Character.toString(c), remaining);
        return remaining[0] == 0 && b instanceof Reference r && r.name().equals(LineReader.SELF_INSERT);
    }
}
