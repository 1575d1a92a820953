package dev.thr.insight;

import dev.thr.diag.Span;
import dev.thr.runtime.EventLog;
import dev.thr.runtime.Recording;
import dev.thr.runtime.ThrLock;
import dev.thr.runtime.ThrQueue;
import dev.thr.runtime.ThrRLock;
import dev.thr.runtime.ThrThread;
import dev.thr.value.ErrorValue;
import java.util.ArrayList;
import java.util.List;

/**
 * What every recorded thread did over time, as lanes of segments on one time axis: the model
 * the terminal timeline, the HTML timeline and the trace file are drawn from. Times are
 * nanoseconds from the start of the recording.
 */
public record Timeline(long length, List<Lane> lanes, String note) {
    /** What a thread is doing in a segment: each has its own glyph and colour. */
    public enum Activity {
        RUNNING("running"), SLEEPING("sleeping"), LOCK("waiting for a lock"), QUEUE("waiting on a queue"),
        JOIN("joining a thread"), SIGNAL("waiting on a condition, event, barrier or semaphore");

        public final String label;

        Activity(String label) { this.label = label; }
    }

    /** A stretch of one activity; `on` is what it waits on, `site` where the thread was. */
    public record Segment(long from, long to, Activity activity, Object on, String op, Span site, boolean timed) {}

    /** A moment in a lane: a spawn (of `other`), a put or get, an acquire or release, the end. */
    public record Mark(long at, EventLog.Kind kind, Object subject, long number, Span site) {}

    /** One thread: `end` is when it ended (-1 if it had not), `error` what it died of. */
    public record Lane(ThrThread thread, String name, long start, long end, ErrorValue error,
                       List<Segment> segments, List<Mark> marks) {}

    /** The timeline of a recording up to `now` (the scheduler's clock). */
    public static Timeline of(Recording recording, long now) {
        // time starts when the first thread does (compiling before that is not the program's)
        long t0 = Long.MAX_VALUE;
        for (ThrThread t : recording.threads()) {
            List<EventLog.Event> events = t.log().snapshot();
            if (!events.isEmpty()) t0 = Math.min(t0, events.get(0).time());
        }
        if (t0 == Long.MAX_VALUE) t0 = recording.start();
        List<Lane> lanes = new ArrayList<>();
        long dropped = 0;
        for (ThrThread t : recording.threads()) {
            dropped += t.log().dropped();
            List<EventLog.Event> events = t.log().snapshot();
            if (events.isEmpty()) continue; // made, never started
            List<Segment> segments = new ArrayList<>();
            List<Mark> marks = new ArrayList<>();
            long start = events.get(0).time() - t0;
            long end = -1;
            ErrorValue error = null;
            EventLog.Event open = null; // the RUN or WAIT whose segment is not closed yet
            for (EventLog.Event e : events) {
                long at = e.time() - t0;
                switch (e.kind()) {
                    case RUN, WAIT -> {
                        close(segments, open, at, t0);
                        open = e;
                    }
                    case END -> {
                        close(segments, open, at, t0);
                        open = null;
                        end = at;
                        error = e.subject() instanceof ErrorValue v ? v : null;
                        marks.add(new Mark(at, e.kind(), e.subject(), 0, e.site()));
                    }
                    default -> marks.add(new Mark(at, e.kind(), e.subject(), e.number(), e.site()));
                }
            }
            close(segments, open, now - t0, t0);
            lanes.add(new Lane(t, t.shownName(), start, end, error, segments, marks));
        }
        String note = dropped == 0 ? null : String.format(java.util.Locale.ROOT,
                "%,d events past a thread's limit were not kept: its lane stops early", dropped);
        return new Timeline(Math.max(1, now - t0), lanes, note);
    }

    /**
     * The same timeline within a budget, for files a browser or Perfetto must load: past
     * `segments` states, the shortest are merged into the one before them; past `marks`
     * queue and lock operations, those are left out (spawns and ends always stay). The note
     * says what was left out.
     */
    public Timeline summarised(int segments, int marks) {
        long totalSegments = 0, totalOps = 0;
        for (Lane l : lanes) {
            totalSegments += l.segments().size();
            for (Mark m : l.marks()) if (isOperation(m)) totalOps++;
        }
        if (totalSegments <= segments && totalOps <= marks) return this;
        boolean dropOps = totalOps > marks;
        // states shorter than this are merged: about `segments` in all survive, spread by time
        long shortest = totalSegments <= segments ? 0 : length * Math.max(1, lanes.size()) / Math.max(1, segments);
        List<Lane> out = new ArrayList<>();
        for (Lane l : lanes) {
            List<Segment> kept = new ArrayList<>();
            for (Segment s : l.segments()) {
                Segment last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
                if (last != null && (s.to() - s.from() < shortest || last.activity() == s.activity() && last.on() == s.on())) {
                    kept.set(kept.size() - 1, new Segment(last.from(), s.to(), last.activity(), last.on(), last.op(), last.site(), last.timed()));
                } else {
                    kept.add(s);
                }
            }
            List<Mark> keptMarks = dropOps ? l.marks().stream().filter(m -> !isOperation(m)).toList() : l.marks();
            out.add(new Lane(l.thread(), l.name(), l.start(), l.end(), l.error(), kept, keptMarks));
        }
        StringBuilder note = new StringBuilder(this.note == null ? "" : this.note + "; ").append("summarised to stay small:");
        if (shortest > 0) note.append(" states shorter than ").append(TextTimeline.seconds(shortest)).append(" are merged into the one before;");
        if (dropOps) note.append(String.format(java.util.Locale.ROOT, " %,d queue and lock operations are not shown;", totalOps));
        return new Timeline(length, out, note.substring(0, note.length() - 1));
    }

    private static boolean isOperation(Mark m) {
        return m.kind() != EventLog.Kind.SPAWN && m.kind() != EventLog.Kind.END;
    }

    private static void close(List<Segment> segments, EventLog.Event open, long at, long t0) {
        if (open == null) return;
        long from = open.time() - t0;
        if (at < from) at = from;
        segments.add(new Segment(from, at, activity(open), open.subject(), open.op(), open.site(), open.timed()));
    }

    static Activity activity(EventLog.Event e) {
        if (e.kind() == EventLog.Kind.RUN) return Activity.RUNNING;
        Object subject = e.subject();
        if (subject == null) return Activity.SLEEPING;
        if (subject instanceof ThrLock || subject instanceof ThrRLock) return Activity.LOCK;
        if (subject instanceof ThrQueue) return Activity.QUEUE;
        if (subject instanceof ThrThread) return Activity.JOIN;
        return Activity.SIGNAL; // a condition, an event, a barrier, a semaphore
    }
}
