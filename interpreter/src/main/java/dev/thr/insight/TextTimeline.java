package dev.thr.insight;

import dev.thr.runtime.EventLog;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A timeline for the terminal: one lane per thread on a shared time axis, a glyph per column
 * for what the thread did most in that slice of time, marks for spawns and ends, a scale and
 * a legend. Unicode, or ASCII where the terminal may not show it; ANSI colours when wanted.
 */
public final class TextTimeline {
    /** How the text is drawn. */
    public record Style(int columns, boolean unicode, boolean colour) {}

    /** Lanes past this many are counted, not drawn: the HTML timeline and the trace show them all. */
    static final int MAX_LANES = 60;
    private static final int MAX_NAME = 24;

    private final Style style;

    private TextTimeline(Style style) { this.style = style; }

    public static String render(Timeline timeline, Style style) {
        return new TextTimeline(style).draw(timeline);
    }

    private String draw(Timeline tl) {
        List<Timeline.Lane> lanes = tl.lanes();
        int nameWidth = 4;
        for (Timeline.Lane l : lanes.subList(0, Math.min(lanes.size(), MAX_LANES))) nameWidth = Math.max(nameWidth, Math.min(MAX_NAME, l.name().length()));
        int width = Math.max(20, style.columns() - nameWidth - 2);
        double perColumn = tl.length() / (double) width;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "timeline: %s, %d %s (a column is %s)%n", seconds(tl.length()), lanes.size(),
                lanes.size() == 1 ? "thread" : "threads", seconds((long) perColumn)));
        if (tl.note() != null) out.append(tl.note()).append('\n');
        scale(out, tl.length(), width, nameWidth);
        int shown = 0;
        for (Timeline.Lane lane : lanes) {
            if (shown++ == MAX_LANES) {
                out.append(String.format(Locale.ROOT, "... and %,d more threads%n", lanes.size() - MAX_LANES));
                break;
            }
            out.append(pad(lane.name(), nameWidth)).append("  ");
            int mark = out.length();
            lane(out, lane, width, perColumn);
            // no trailing blanks after a lane that ended early
            while (out.length() > mark && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
            out.append('\n');
        }
        legend(out);
        return out.toString();
    }

    private void lane(StringBuilder out, Timeline.Lane lane, int width, double perColumn) {
        String current = null;
        for (int c = 0; c < width; c++) {
            long from = (long) (c * perColumn);
            long to = (long) ((c + 1) * perColumn);
            String glyph = glyph(lane, from, to, c == width - 1);
            String colour = colourOf(glyph);
            if (style.colour() && !java.util.Objects.equals(colour, current)) {
                out.append(colour == null ? RESET : colour);
                current = colour;
            }
            out.append(glyph);
        }
        if (style.colour() && current != null) out.append(RESET);
    }

    /** What a lane shows for [from, to): a mark if one falls in it, else the activity that took most of it. */
    private String glyph(Timeline.Lane lane, long from, long to, boolean last) {
        if (lane.start() >= to || (lane.end() >= 0 && lane.end() < from)) return " ";
        if (lane.end() >= from && (lane.end() < to || last && lane.end() >= 0)) {
            return lane.error() != null ? g("✗", "X") : g("┤", "|");
        }
        for (Timeline.Mark m : lane.marks()) {
            if (m.kind() == EventLog.Kind.SPAWN && m.at() >= from && m.at() < to) return g("┬", "+");
        }
        Map<Timeline.Activity, Long> time = new EnumMap<>(Timeline.Activity.class);
        for (Timeline.Segment s : lane.segments()) {
            long overlap = Math.min(s.to(), to) - Math.max(s.from(), from);
            if (overlap > 0 || (overlap == 0 && s.from() == s.to() && s.from() >= from && s.from() < to)) {
                time.merge(s.activity(), Math.max(overlap, 0), Long::sum);
            }
        }
        Timeline.Activity most = null;
        for (var e : time.entrySet()) if (most == null || e.getValue() > time.get(most)) most = e.getKey();
        return most == null ? " " : glyph(most);
    }

    private String glyph(Timeline.Activity a) {
        return switch (a) {
            case RUNNING -> g("█", "#");
            case SLEEPING -> g("·", ".");
            case LOCK -> g("▒", "L");
            case QUEUE -> g("┄", "Q");
            case JOIN -> g("─", "J");
            case SIGNAL -> g("≈", "S");
        };
    }

    private void legend(StringBuilder out) {
        StringBuilder line = new StringBuilder();
        for (Timeline.Activity a : Timeline.Activity.values()) item(line, glyph(a), a.label);
        item(line, g("┬", "+"), "starts a thread");
        item(line, g("┤", "|"), "ends");
        item(line, g("✗", "X"), "dies with an error");
        out.append(wrap(line.toString().strip(), style.columns()));
    }

    private void item(StringBuilder line, String glyph, String label) {
        line.append(style.colour() && colourOf(glyph) != null ? colourOf(glyph) + glyph + RESET : glyph).append(' ').append(label).append("   ");
    }

    /** Ticks at a round step (1, 2 or 5 times a power of ten seconds) with their times. */
    private void scale(StringBuilder out, long length, int width, int nameWidth) {
        double seconds = length / 1e9;
        double step = niceStep(seconds / Math.max(1, width / 12.0));
        char[] ticks = " ".repeat(width).toCharArray();
        char[] labels = " ".repeat(width).toCharArray(); // a label that would stick out is left off
        for (int k = 0; k * step <= seconds + 1e-12; k++) {
            int col = (int) Math.round(k * step / seconds * (width - 1));
            if (col >= width) break;
            ticks[col] = style.unicode() ? '╵' : '|';
            String label = trim(k * step) + "s";
            if (col + label.length() <= labels.length && (col == 0 || labels[col - 1] == ' ')) {
                boolean free = true;
                for (int i = col; i < col + label.length(); i++) free &= labels[i] == ' ';
                if (free) label.getChars(0, label.length(), labels, col);
            }
        }
        out.append(" ".repeat(nameWidth + 2)).append(new String(labels).stripTrailing()).append('\n');
        out.append(" ".repeat(nameWidth + 2)).append(new String(ticks).stripTrailing()).append('\n');
    }

    static double niceStep(double raw) {
        if (raw <= 0) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= raw) return m * p;
        return 10 * p;
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String seconds(long nanos) {
        double s = nanos / 1e9;
        if (s >= 10) return String.format(Locale.ROOT, "%.1f s", s);
        if (s >= 0.01) return String.format(Locale.ROOT, "%.2f s", s);
        if (s >= 0.0001) return String.format(Locale.ROOT, "%.1f ms", s * 1e3);
        return String.format(Locale.ROOT, "%.1f us", s * 1e6);
    }

    private String g(String unicode, String ascii) { return style.unicode() ? unicode : ascii; }

    private static String pad(String name, int width) {
        String n = name.length() > width ? name.substring(0, width - 1) + "~" : name;
        return n + " ".repeat(width - n.length());
    }

    private static String wrap(String text, int columns) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String item : text.split(" {3}")) {
            int visible = item.replaceAll("\u001b\\[[0-9;]*m", "").length();
            if (lineLength > 0 && lineLength + 3 + visible > columns) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append("   ");
                lineLength += 3;
            }
            out.append(item);
            lineLength += visible;
        }
        return out.append('\n').toString();
    }

    private static final String RESET = "\u001b[0m";

    private String colourOf(String glyph) {
        return switch (glyph) {
            case "█", "#" -> "\u001b[32m";
            case "·", "." -> "\u001b[2m";
            case "▒", "L" -> "\u001b[31m";
            case "┄", "Q" -> "\u001b[33m";
            case "─", "J" -> "\u001b[34m";
            case "≈", "S" -> "\u001b[35m";
            case "✗", "X" -> "\u001b[1;31m";
            case "┬", "+", "┤", "|" -> "\u001b[1m";
            default -> null;
        };
    }
}
