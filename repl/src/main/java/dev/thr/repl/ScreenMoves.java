package dev.thr.repl;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;

/** Cursor moves the session makes itself, where the terminal has them (a dumb one has none). */
final class ScreenMoves {
    private ScreenMoves() {}

    /** Whether the terminal can move the cursor up and right and clear to the end of the screen. */
    static boolean movable(Terminal terminal) {
        return !terminal.getType().startsWith("dumb") && terminal.getWidth() > 0
                && terminal.getStringCapability(Capability.cursor_up) != null
                && terminal.getStringCapability(Capability.parm_right_cursor) != null
                && terminal.getStringCapability(Capability.clr_eos) != null;
    }

    /** How many columns text takes on the screen (escape sequences take none). */
    static int columns(Terminal terminal, String text) {
        return AttributedString.fromAnsi(text).columnLength(terminal);
    }

    /** How many rows a line of this many columns takes: at least one. */
    static int rows(Terminal terminal, int columns) {
        int width = terminal.getWidth();
        return width <= 0 || columns == 0 ? 1 : (columns + width - 1) / width;
    }

    /**
     * Erases the last `rows` rows above the cursor, which must be at the start of a row, and
     * leaves it where the first of them began.
     */
    static void eraseRowsAbove(Terminal terminal, int rows) {
        if (!movable(terminal) || rows <= 0) return;
        for (int i = 0; i < rows; i++) terminal.puts(Capability.cursor_up);
        terminal.writer().write('\r');
        terminal.puts(Capability.clr_eos);
        terminal.flush();
    }

    /**
     * The moves, as text to print, from the start of the row below a line of `columns` columns
     * to just after its end: up one row and right. Empty when the line filled its last row
     * (the text goes on from the row below) or when the terminal cannot move.
     */
    static String backToEndOfLineAbove(Terminal terminal, int columns) {
        int width = terminal.getWidth();
        if (!movable(terminal) || columns % width == 0) return "";
        StringBuilder moves = new StringBuilder();
        appendCapability(terminal, moves, Capability.cursor_up);
        moves.append('\r');
        appendCapability(terminal, moves, Capability.parm_right_cursor, columns % width);
        return moves.toString();
    }

    private static void appendCapability(Terminal terminal, StringBuilder out, Capability capability, Object... params) {
        String sequence = terminal.getStringCapability(capability);
        if (sequence != null) org.jline.utils.Curses.tputs(out, sequence, params);
    }
}
