package dev.thr.insight;

import dev.thr.diag.Span;
import dev.thr.runtime.EventLog;
import dev.thr.runtime.ThrThread;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A timeline in the Chrome Trace Event format, which Perfetto (ui.perfetto.dev) and
 * chrome://tracing open: a track per thread with a slice per state (its source line in the
 * arguments), instants for spawn, put, get, acquire, release and the end, and flow arrows from
 * a spawn to the thread's start, from a put to the get that took its item, and from a release
 * to the next acquire of that lock. A flow is written only when both of its ends were recorded.
 */
public final class ChromeTrace {
    private ChromeTrace() {}

    /** Perfetto loads millions of events, but a trace file should stay a few hundred MB at most. */
    static final int SEGMENTS = 1_000_000, MARKS = 500_000;

    public static String render(Timeline full, String title) {
        Timeline tl = full.summarised(SEGMENTS, MARKS);
        Waits waits = new Waits(null);
        StringBuilder out = new StringBuilder("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
        Json json = new Json(out);
        json.event("M", "process_name", 0, 0, null, Map.of("name", title));
        if (tl.note() != null) json.event("M", "process_labels", 0, 0, null, Map.of("labels", tl.note()));
        Map<ThrThread, Integer> tids = new IdentityHashMap<>();
        for (int i = 0; i < tl.lanes().size(); i++) tids.put(tl.lanes().get(i).thread(), i + 1);
        for (Timeline.Lane lane : tl.lanes()) {
            int tid = tids.get(lane.thread());
            json.event("M", "thread_name", tid, 0, null, Map.of("name", lane.name()));
            json.event("M", "thread_sort_index", tid, 0, null, Map.of("sort_index", tid));
        }
        for (Timeline.Lane lane : tl.lanes()) {
            int tid = tids.get(lane.thread());
            for (Timeline.Segment s : lane.segments()) {
                if (s.to() <= s.from()) continue;
                Map<String, Object> args = new java.util.LinkedHashMap<>();
                if (s.site() != null) args.put("line", s.site().where());
                if (s.site() != null) args.put("code", text(s.site()));
                if (s.on() != null) args.put("waits", waits.what(lane.thread(), s.on(), s.op()).replaceAll(",$", ""));
                if (s.timed()) args.put("timeout", true);
                json.complete(sliceName(s, waits), s.activity().name().toLowerCase(Locale.ROOT), tid, s.from(), s.to() - s.from(), args);
            }
            for (Timeline.Mark m : lane.marks()) {
                Map<String, Object> args = new java.util.LinkedHashMap<>();
                if (m.site() != null) args.put("line", m.site().where());
                String name = switch (m.kind()) {
                    case SPAWN -> "spawn " + (m.subject() instanceof ThrThread c ? c.name() : "");
                    case END -> lane.error() != null ? "died: " + lane.error().kind() + ": " + lane.error().message() : "end";
                    case PUT -> "put " + waits.name(m.subject());
                    case GET -> "get " + waits.name(m.subject());
                    case ACQUIRE -> "acquire " + waits.name(m.subject());
                    case RELEASE -> "release " + waits.name(m.subject());
                    default -> m.kind().name().toLowerCase(Locale.ROOT);
                };
                json.instant(name, m.kind().name().toLowerCase(Locale.ROOT), tid, m.at(), args);
            }
        }
        int id = 0;
        for (Flows.Flow f : Flows.of(tl)) {
            String cat = f.kind().name().toLowerCase(Locale.ROOT);
            id++;
            json.flow("s", cat, id, f.fromLane() + 1, f.from());
            json.flow("f", cat, id, f.toLane() + 1, f.to());
        }
        json.end();
        return out.toString();
    }

    private static String sliceName(Timeline.Segment s, Waits waits) {
        return switch (s.activity()) {
            case RUNNING -> "running";
            case SLEEPING -> "sleeping";
            default -> s.activity().name().toLowerCase(Locale.ROOT) + " " + waits.name(s.on());
        };
    }

    private static String text(Span s) { return s.source().line(s.line()).strip(); }

    /** Writes trace events as JSON, one per line; only what this format needs. */
    private static final class Json {
        private final StringBuilder out;
        private boolean first = true;

        Json(StringBuilder out) { this.out = out; }

        void event(String ph, String name, int tid, long at, String cat, Map<String, Object> args) {
            open();
            field("ph", ph).append(',');
            field("name", name).append(",\"pid\":1,\"tid\":").append(tid).append(",\"ts\":").append(micros(at));
            if (cat != null) out.append(',').append(quote("cat")).append(':').append(quote(cat));
            if (args != null) out.append(",\"args\":").append(object(args));
            out.append('}');
        }

        void complete(String name, String cat, int tid, long at, long length, Map<String, Object> args) {
            open();
            field("ph", "X").append(',');
            field("name", name).append(',');
            field("cat", cat).append(",\"pid\":1,\"tid\":").append(tid).append(",\"ts\":").append(micros(at))
                    .append(",\"dur\":").append(micros(length)).append(",\"args\":").append(object(args)).append('}');
        }

        void instant(String name, String cat, int tid, long at, Map<String, Object> args) {
            open();
            field("ph", "i").append(",\"s\":\"t\",");
            field("name", name).append(',');
            field("cat", cat).append(",\"pid\":1,\"tid\":").append(tid).append(",\"ts\":").append(micros(at))
                    .append(",\"args\":").append(object(args)).append('}');
        }

        void flow(String ph, String cat, int id, int tid, long at) {
            open();
            field("ph", ph).append(',');
            field("name", cat).append(',');
            field("cat", cat).append(",\"id\":").append(id).append(",\"pid\":1,\"tid\":").append(tid)
                    .append(",\"ts\":").append(micros(at));
            if (ph.equals("f")) out.append(",\"bp\":\"e\"");
            out.append('}');
        }

        void end() { out.append("\n]}\n"); }

        private void open() {
            if (!first) out.append(",\n");
            first = false;
            out.append('{');
        }

        private StringBuilder field(String k, String v) { return out.append(quote(k)).append(':').append(quote(v)); }

        private static String object(Map<String, Object> args) {
            StringBuilder o = new StringBuilder("{");
            for (var e : args.entrySet()) {
                if (o.length() > 1) o.append(',');
                o.append(quote(e.getKey())).append(':');
                Object v = e.getValue();
                o.append(v instanceof Number || v instanceof Boolean ? v.toString() : quote(String.valueOf(v)));
            }
            return o.append('}').toString();
        }

        private static String micros(long nanos) {
            return String.format(Locale.ROOT, "%.3f", nanos / 1000.0);
        }

        private static String quote(String s) { return JsonText.quote(s); }
    }
}
