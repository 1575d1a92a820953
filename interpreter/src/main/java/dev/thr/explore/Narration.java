package dev.thr.explore;

import dev.thr.runtime.Access;
import dev.thr.value.Values;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells a Story in a few lines of thr terms: which thread read or wrote what, at which line,
 * where a thread was stopped for another to run and what it was about to do, and when a
 * write undid another thread's (a lost update). A long run keeps the lines around each
 * preemption and the end, and says in one line what else each thread did.
 */
final class Narration {
    private Narration() {}

    /** One line of the story, and whether it must stay when the story is cut to size. */
    private record Line(String thread, String text, boolean key) {}

    /** `fingerprint`: the failure being told (`file:line:col: Kind`); the story stops where it happens. */
    static List<String> tell(List<Story.Event> events, String fingerprint, int maxLines) {
        List<Line> lines = lines(events, fingerprint);
        return fit(lines, maxLines);
    }

    private static List<Line> lines(List<Story.Event> events, String fingerprint) {
        Object told = null; // the error last told: a thread's end repeats the failure of its last access
        int width = 6;
        for (Story.Event e : events) width = Math.max(width, Math.min(24, thread(e).length()));
        String format = "%-" + width + "s  %s";
        List<Line> out = new ArrayList<>();
        // for lost updates: each thread's last read of a subject, and each subject's writes
        Map<String, Integer> lastRead = new HashMap<>();
        Map<String, List<Object[]>> writes = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Story.Event e = events.get(i);
            if (e instanceof Story.Did d) {
                Access a = d.access();
                String subject = a.subject();
                String at = line(a.span().line());
                if (d.value() instanceof dev.thr.value.ThrError err) {
                    var ev = err.error();
                    if (ev == told) continue;
                    told = ev;
                    boolean failure = ev.origin() != null && fingerprint.equals(ev.origin().where() + ": " + ev.kind());
                    out.add(new Line(d.thread(), String.format(format, d.thread(), at + "  "
                            + (a.subject().isEmpty() ? "" : a.subject() + " ") + "fails: " + ev.kind() + ": " + ev.message()), true));
                    if (failure) return out; // the story ends where the failure is
                    continue;
                }
                switch (a.verb()) {
                    case "reads" -> {
                        lastRead.put(d.thread() + "\0" + subject, i);
                        if (plain(d.value())) {
                            out.add(new Line(d.thread(), String.format(format, d.thread(), at + "  reads " + subject + " (" + show(d.value()) + ")"), false));
                        }
                    }
                    case "writes" -> {
                        if (!plain(d.value()) && !(d.value() instanceof List<?>) && !(d.value() instanceof Map<?, ?>)) break;
                        String text = at + "  writes " + subject + " = " + show(d.value());
                        // only a module variable is one place by its name: `xs[i]` or `self.n` may be another
                        String lost = a.moduleVariable() ? lost(d.thread(), subject, lastRead, writes.get(subject)) : null;
                        boolean key = lost != null;
                        if (lost != null) text += "  <- " + lost;
                        writes.computeIfAbsent(subject, k -> new ArrayList<>()).add(new Object[] {d.thread(), i, d.value(), a.span().line()});
                        out.add(new Line(d.thread(), String.format(format, d.thread(), text), key));
                    }
                    case "spawns" -> out.add(new Line(d.thread(), String.format(format, d.thread(),
                            at + "  starts " + (d.value() instanceof dev.thr.runtime.ThrThread t ? t.name() : a.subject())), false));
                    case "joins" -> out.add(new Line(d.thread(), String.format(format, d.thread(),
                            at + "  joins " + (d.value() instanceof dev.thr.runtime.ThrThread t ? t.name() : a.subject())), false));
                    case "prints" -> out.add(new Line(d.thread(), String.format(format, d.thread(),
                            at + "  prints " + show(String.valueOf(d.value()).replaceAll("\n$", ""))), false));
                    case "deletes" -> out.add(new Line(d.thread(), String.format(format, d.thread(),
                            at + "  deletes " + subject), false));
                    case "takes", "releases" -> out.add(new Line(d.thread(), String.format(format, d.thread(),
                            at + "  " + a.verb() + " " + subject), false));
                    default -> {
                        String gave = d.value() == null ? "" : " -> " + show(d.value());
                        out.add(new Line(d.thread(), String.format(format, d.thread(), at + "  " + subject + gave), false));
                    }
                }
            } else if (e instanceof Story.Switch s) {
                if (s.preempted()) {
                    // stopped inside a call (c.wait() lets go of its lock first); a lock's own take has a
                    // point before it takes, so "before it takes" stays true for it
                    String before = s.pending() != null && s.inside() && s.pending().verb().equals("calls") ? " in " + s.pending().subject() + " (line " + s.pending().span().line() + ")"
                            : s.pending() != null ? " before it " + s.pending().verb() + " "
                            + s.pending().subject() + " (line " + s.pending().span().line() + ")"
                            : s.last() != null ? " after line " + s.last().span().line() : " as it starts";
                    out.add(new Line("", "-- switch: " + s.from() + " is stopped" + before + "; " + s.to() + " runs --", true));
                }
            } else if (e instanceof Story.Waits w && w.at() != null && w.at().verb().equals("spawns")) {
                // starting a thread waits until it runs: the story shows it run next
            } else if (e instanceof Story.Waits w) {
                String where = w.at() == null ? "" : line(w.at().span().line()) + "  ";
                String in = w.at() == null ? "" : switch (w.at().verb()) {
                    case "calls" -> " in " + w.at().subject();
                    case "takes" -> " to take " + w.at().subject();
                    case "joins" -> " to join " + w.at().subject();
                    default -> "";
                };
                out.add(new Line(w.thread(), String.format(format, w.thread(), where + "waits" + in), false));
            } else if (e instanceof Story.Ends x) out.add(new Line(x.thread(), String.format(format, x.thread(), "ends"), false));
        }
        return out;
    }

    /**
     * When `thread` writes `subject` after reading it, and another thread wrote it in between,
     * the other write is lost: its words, or null.
     */
    private static String lost(String thread, String subject, Map<String, Integer> lastRead, List<Object[]> writes) {
        Integer read = lastRead.get(thread + "\0" + subject);
        if (read == null || writes == null || writes.isEmpty()) return null;
        // the last write since the read: another thread's is overwritten by this one
        Object[] w = writes.get(writes.size() - 1);
        if ((int) w[1] < read || w[0].equals(thread)) return null;
        return w[0] + "'s write (" + subject + " = " + show(w[2]) + ", line " + w[3] + ") is lost";
    }

    private static String line(int n) {
        return String.format("line %-3d", n);
    }

    private static String thread(Story.Event e) {
        if (e instanceof Story.Did d) return d.thread();
        if (e instanceof Story.Waits w) return w.thread();
        if (e instanceof Story.Ends x) return x.thread();
        return ""; // a Story.Switch
    }

    /** Values worth showing inline: numbers, strings, booleans, nil. */
    private static boolean plain(Object v) {
        return v == null || v instanceof Long || v instanceof BigInteger || v instanceof Double || v instanceof Boolean || v instanceof String;
    }

    private static String show(Object v) {
        String s = Values.repr(v);
        return s.length() > 30 ? s.substring(0, 27) + "..." : s;
    }

    /**
     * Keeps what matters when the story is too long: lines around each switch that stopped a
     * thread, lines that lost an update, and the end; each stretch left out becomes one line.
     */
    private static List<String> fit(List<Line> lines, int max) {
        int n = lines.size();
        if (n <= max) return lines.stream().map(Line::text).toList();
        boolean[] keep = new boolean[n];
        for (int radius = 3; radius >= 0; radius--) {
            java.util.Arrays.fill(keep, false);
            // the end, where the failure shows, and what led to each line that matters
            for (int i = Math.max(0, n - max / 2 + radius); i < n; i++) keep[i] = true;
            for (int i = 0; i < n; i++) {
                if (!lines.get(i).key()) continue;
                for (int j = Math.max(0, i - radius); j <= Math.min(n - 1, i + radius); j++) keep[j] = true;
            }
            List<String> out = render(lines, keep);
            if (out.size() <= max || radius == 0) {
                if (out.size() <= max) return out;
                List<String> cut = new ArrayList<>(out.subList(0, max / 2));
                cut.add("... (" + (out.size() - max + 1) + " lines left out)");
                cut.addAll(out.subList(out.size() - (max - max / 2 - 1), out.size()));
                return cut;
            }
        }
        throw new AssertionError();
    }

    private static List<String> render(List<Line> lines, boolean[] keep) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (keep[i]) {
                out.add(lines.get(i++).text());
                continue;
            }
            int from = i;
            while (i < lines.size() && !keep[i]) i++;
            out.add("   ... " + summary(lines.subList(from, i)));
        }
        return out;
    }

    /** "Thread-1: 12 steps; Thread-2: 3 steps" for a stretch left out. */
    private static String summary(List<Line> stretch) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Line l : stretch) counts.merge(l.thread().isEmpty() ? "switches" : l.thread(), 1, Integer::sum);
        StringBuilder b = new StringBuilder();
        counts.forEach((who, c) -> b.append(b.isEmpty() ? "" : "; ").append(who).append(": ").append(c).append(c == 1 ? " step" : " steps"));
        return b.toString();
    }
}
