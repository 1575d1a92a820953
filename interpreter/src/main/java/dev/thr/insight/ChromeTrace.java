package dev.thr.insight;

import dev.thr.runtime.EventLog;
import dev.thr.runtime.ThrThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A timeline in the Chrome Trace Event format, which Perfetto (ui.perfetto.dev) and
 * chrome://tracing open: a track per thread with a slice per state (its source line and code
 * in the arguments), instants for spawn, put, get, acquire, release and the end, and flow
 * arrows from a spawn to the thread's start, from a put to the get that took its item, and
 * from a release to the next acquire of that lock. A flow is written only when both of its
 * ends were recorded. Written straight to its destination: a long run makes a large file.
 */
public final class ChromeTrace {
    /** Perfetto loads millions of events, but a trace file should stay a few hundred MB at most. */
    static final int SEGMENTS = 1_000_000, MARKS = 500_000;

    /** Where the trace goes, in pieces of about 64 KB built in `out` (appending to a StringBuilder is cheap). */
    private final java.io.OutputStream sink;
    private final StringBuilder out = new StringBuilder(1 << 17);
    private final Waits waits = new Waits(null);
    /** Names of objects and texts of lines, made once each: a trace repeats them a lot. */
    private final Map<Object, String> names = new IdentityHashMap<>();
    private final Map<Object, String> code = new IdentityHashMap<>();
    private final Map<Object, String> slices = new IdentityHashMap<>();
    private final Map<Object, Map<String, String>> whats = new IdentityHashMap<>();
    private final Map<Object, Map<EventLog.Kind, String>> operations = new IdentityHashMap<>();
    private final Map<Object, String> wheres = new IdentityHashMap<>();
    private static final String[] CATEGORIES = java.util.Arrays.stream(Timeline.Activity.values())
            .map(a -> a.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    private boolean first = true;

    private ChromeTrace(java.io.OutputStream sink) { this.sink = sink; }

    /** Writes the trace as UTF-8 (JSON's encoding) to `out`. */
    public static void write(Timeline full, String title, java.io.OutputStream out) {
        try {
            new ChromeTrace(out).all(full.summarised(SEGMENTS, MARKS), title);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String render(Timeline full, String title) {
        var out = new java.io.ByteArrayOutputStream();
        write(full, title, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A piece of the trace to the sink: a String of plain ASCII (most of it) encodes by a copy. */
    private void flush() throws IOException {
        sink.write(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.setLength(0);
    }

    private void all(Timeline tl, String title) throws IOException {
        out.append("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
        metadata("process_name", 0, "name", JsonText.quote(title));
        if (tl.note() != null) metadata("process_labels", 0, "labels", JsonText.quote(tl.note()));
        for (int i = 0; i < tl.lanes().size(); i++) {
            metadata("thread_name", i + 1, "name", JsonText.quote(tl.lanes().get(i).name()));
            metadata("thread_sort_index", i + 1, "sort_index", Integer.toString(i + 1));
        }
        for (int i = 0; i < tl.lanes().size(); i++) {
            Timeline.Lane lane = tl.lanes().get(i);
            int tid = i + 1;
            for (Timeline.Segment s : lane.segments()) if (s.to() > s.from()) slice(lane, tid, s);
            for (Timeline.Mark m : lane.marks()) instant(lane, tid, m);
        }
        int id = 0;
        for (Flows.Flow f : Flows.of(tl)) {
            String cat = f.kind().name().toLowerCase(Locale.ROOT);
            id++;
            flow("s", cat, id, f.fromLane() + 1, f.from());
            flow("f", cat, id, f.toLane() + 1, f.to());
        }
        out.append("\n]}\n");
        flush();
    }

    private void slice(Timeline.Lane lane, int tid, Timeline.Segment s) throws IOException {
        open();
        String cat = CATEGORIES[s.activity().ordinal()];
        String name = s.on() == null ? JsonText.quote(cat) : slices.computeIfAbsent(s.on(), o -> JsonText.quote(cat + " " + name(o)));
        out.append("\"ph\":\"X\",\"name\":").append(name).append(",\"cat\":\"")
                .append(cat).append("\",\"pid\":1,\"tid\":").append(Integer.toString(tid))
                .append(",\"ts\":").append(micros(s.from())).append(",\"dur\":").append(micros(s.to() - s.from())).append(",\"args\":{");
        boolean more = false;
        // a running slice's line is only where it came back from a wait, which the slice
        // before says: leaving it out keeps a long trace a third smaller
        if (s.site() != null && s.activity() != Timeline.Activity.RUNNING) {
            out.append("\"line\":").append(where(s.site())).append(",\"code\":").append(code(s.site()));
            more = true;
        }
        if (s.on() != null) {
            // what a wait on an object says depends only on the object and the operation
            Map<String, String> byOp = whats.computeIfAbsent(s.on(), o -> new java.util.HashMap<>());
            String what = byOp.computeIfAbsent(String.valueOf(s.op()), op -> {
                String w = waits.what(lane.thread(), s.on(), s.op());
                return JsonText.quote(w.endsWith(",") ? w.substring(0, w.length() - 1) : w);
            });
            out.append(more ? "," : "").append("\"waits\":").append(what);
            more = true;
        }
        if (s.timed()) out.append(more ? "," : "").append("\"timeout\":true");
        out.append("}}");
    }

    private void instant(Timeline.Lane lane, int tid, Timeline.Mark m) throws IOException {
        String kind = m.kind().name().toLowerCase(Locale.ROOT);
        String name = switch (m.kind()) {
            case SPAWN -> JsonText.quote("spawn " + (m.subject() instanceof ThrThread c ? c.name() : ""));
            case END -> JsonText.quote(lane.error() != null ? "died: " + lane.error().kind() + ": " + lane.error().message() : "end");
            default -> operations.computeIfAbsent(m.subject(), o -> new java.util.EnumMap<>(EventLog.Kind.class))
                    .computeIfAbsent(m.kind(), k -> JsonText.quote(kind + " " + name(m.subject())));
        };
        open();
        out.append("\"ph\":\"i\",\"s\":\"t\",\"name\":").append(name).append(",\"cat\":\"")
                .append(kind).append("\",\"pid\":1,\"tid\":").append(Integer.toString(tid))
                .append(",\"ts\":").append(micros(m.at())).append(",\"args\":{");
        if (m.site() != null) out.append("\"line\":").append(where(m.site()));
        out.append("}}");
    }

    private void flow(String ph, String cat, int id, int tid, long at) throws IOException {
        open();
        out.append("\"ph\":\"").append(ph).append("\",\"name\":\"").append(cat).append("\",\"cat\":\"").append(cat)
                .append("\",\"id\":").append(Integer.toString(id)).append(",\"pid\":1,\"tid\":").append(Integer.toString(tid))
                .append(",\"ts\":").append(micros(at));
        if (ph.equals("f")) out.append(",\"bp\":\"e\"");
        out.append('}');
    }

    private void metadata(String name, int tid, String key, String value) throws IOException {
        open();
        out.append("\"ph\":\"M\",\"name\":\"").append(name).append("\",\"pid\":1,\"tid\":").append(Integer.toString(tid))
                .append(",\"ts\":0,\"args\":{\"").append(key).append("\":").append(value).append("}}");
    }

    private void open() throws IOException {
        if (out.length() > 1 << 16) flush();
        out.append(first ? "{" : ",\n{");
        first = false;
    }

    private String name(Object o) {
        return names.computeIfAbsent(o, waits::name);
    }

    private String where(dev.thr.diag.Span s) {
        return wheres.computeIfAbsent(s, k -> JsonText.quote(s.where()));
    }

    private String code(dev.thr.diag.Span s) {
        return code.computeIfAbsent(s, k -> JsonText.quote(s.source().line(s.line()).strip()));
    }

    /** Nanoseconds as microseconds with three decimals, without String.format (a trace has millions). */
    static String micros(long nanos) {
        long whole = nanos / 1000, frac = Math.abs(nanos % 1000);
        StringBuilder b = new StringBuilder(24);
        if (nanos < 0 && whole == 0) b.append('-');
        b.append(whole).append('.');
        if (frac < 100) b.append('0');
        if (frac < 10) b.append('0');
        return b.append(frac).toString();
    }
}
