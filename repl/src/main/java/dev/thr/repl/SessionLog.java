package dev.thr.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * What was typed in this session, for :history and :save: each snippet under the number its
 * error messages give it (`<input 3>`), whether it ran without error, and the commands that
 * changed what the session holds (:load, :reset, :sim).
 */
final class SessionLog {
    /** A snippet (number > 0) or a command (number 0); code is what a script needs to do the same. */
    private record Entry(int number, String typed, String code, boolean ok, int generation) {}

    private final List<Entry> entries = new ArrayList<>();
    /** Bumped by :reset and :sim: what ran before is gone from the session. */
    private int generation;

    void snippet(int number, String code, boolean ok) {
        entries.add(new Entry(number, code, code, ok, generation));
    }

    /** A file run into the session: its text is what a saved script needs. */
    void loaded(String command, String code, boolean ok) {
        entries.add(new Entry(0, command, "# " + command + "\n" + code.stripTrailing(), ok, generation));
    }

    /** The session started afresh: earlier inputs no longer count for :save. */
    void reset(String command) {
        generation++;
        entries.add(new Entry(0, command, null, true, generation));
    }

    /** Every input, numbered as in error messages; a snippet's later lines indented under its first. */
    String history() {
        StringBuilder out = new StringBuilder();
        for (Entry e : entries) {
            String[] lines = e.typed().split("\n", -1);
            out.append(String.format("%4s  %s\n", e.number() > 0 ? e.number() : "", lines[0]));
            for (int i = 1; i < lines.length; i++) out.append("      ").append(lines[i]).append('\n');
        }
        return out.toString();
    }

    boolean isEmpty() { return entries.isEmpty(); }

    /** What :save writes: the code of the inputs since the last reset that ran without error. */
    List<String> saved() {
        return entries.stream().filter(e -> e.generation() == generation && e.ok() && e.code() != null)
                .map(Entry::code).toList();
    }
}
