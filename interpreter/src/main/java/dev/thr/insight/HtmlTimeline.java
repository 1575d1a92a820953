package dev.thr.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A timeline as one self-contained HTML page (no network, no external scripts or fonts):
 * zoomable lanes, details of a state or event on hover, and arrows from spawn to start, put
 * to get and release to acquire. The page is timeline.html beside this class, with the data
 * put in as JSON.
 */
public final class HtmlTimeline {
    private HtmlTimeline() {}

    /** What a browser draws without trouble: a few hundred thousand states and operations. */
    static final int SEGMENTS = 150_000, MARKS = 60_000;

    public static String render(Timeline tl, String title) {
        return template().replace("/*DATA*/", data(tl.summarised(SEGMENTS, MARKS), title));
    }

    /** {title, length, activities, lanes: [{name, start, end, error, segments, marks}], flows}. */
    static String data(Timeline tl, String title) {
        Waits waits = new Waits(null);
        StringBuilder out = new StringBuilder("{\"title\":").append(JsonText.quote(title))
                .append(",\"note\":").append(tl.note() == null ? "null" : JsonText.quote(tl.note()))
                .append(",\"length\":").append(tl.length()).append(",\"activities\":[");
        Timeline.Activity[] acts = Timeline.Activity.values();
        for (int i = 0; i < acts.length; i++) out.append(i == 0 ? "" : ",").append(JsonText.quote(acts[i].label));
        out.append("],\"lanes\":[");
        boolean firstLane = true;
        for (Timeline.Lane lane : tl.lanes()) {
            out.append(firstLane ? "\n" : ",\n");
            firstLane = false;
            out.append("{\"name\":").append(JsonText.quote(lane.name())).append(",\"start\":").append(lane.start())
                    .append(",\"end\":").append(lane.end()).append(",\"error\":")
                    .append(lane.error() == null ? "null" : JsonText.quote(lane.error().kind() + ": " + lane.error().message()))
                    .append(",\"segments\":[");
            boolean first = true;
            for (Timeline.Segment s : lane.segments()) {
                out.append(first ? "" : ",");
                first = false;
                String what = s.on() == null ? "" : waits.what(lane.thread(), s.on(), s.op()).replaceAll(",$", "");
                if (s.timed()) what += " (with a timeout)";
                out.append('[').append(s.from()).append(',').append(s.to()).append(',').append(s.activity().ordinal()).append(',')
                        .append(JsonText.quote(what)).append(',')
                        .append(s.site() == null ? "\"\"" : JsonText.quote(s.site().where())).append(',')
                        .append(s.site() == null ? "\"\"" : JsonText.quote(s.site().source().line(s.site().line()).strip())).append(']');
            }
            out.append("],\"marks\":[");
            first = true;
            for (Timeline.Mark m : lane.marks()) {
                out.append(first ? "" : ",");
                first = false;
                String label = switch (m.kind()) {
                    case SPAWN -> "starts " + (m.subject() instanceof dev.thr.runtime.ThrThread t ? t.name() : "a thread");
                    case END -> lane.error() != null ? "dies: " + lane.error().kind() + ": " + lane.error().message() : "ends";
                    default -> m.kind().name().toLowerCase(Locale.ROOT) + " " + waits.name(m.subject());
                };
                out.append('[').append(m.at()).append(',').append(JsonText.quote(m.kind().name().toLowerCase(Locale.ROOT))).append(',')
                        .append(JsonText.quote(label)).append(',')
                        .append(m.site() == null ? "\"\"" : JsonText.quote(m.site().where())).append(']');
            }
            out.append("]}");
        }
        out.append("\n],\"flows\":[");
        boolean first = true;
        for (Flows.Flow f : Flows.of(tl)) {
            out.append(first ? "" : ",");
            first = false;
            out.append('[').append(JsonText.quote(f.kind().name().toLowerCase(Locale.ROOT))).append(',').append(f.fromLane())
                    .append(',').append(f.from()).append(',').append(f.toLane()).append(',').append(f.to()).append(']');
        }
        return out.append("]}").toString();
    }

    private static String template() {
        try (InputStream in = HtmlTimeline.class.getResourceAsStream("timeline.html")) {
            if (in == null) throw new IllegalStateException("timeline.html is missing from thr's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
