package dev.thr.insight;

import dev.thr.runtime.EventLog;
import dev.thr.runtime.ThrThread;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arrows of a timeline: from a spawn to the new thread's start, from a put to the get
 * that took its item (queues are FIFO: the n-th get takes the n-th put), and from a release
 * of a lock to its next acquire. Only arrows whose two ends were both recorded.
 */
final class Flows {
    private Flows() {}

    enum Kind { SPAWN, ITEM, HANDOVER }

    /** Lanes are indexes into the timeline's lanes. */
    record Flow(Kind kind, int fromLane, long from, int toLane, long to) {}

    static List<Flow> of(Timeline tl) {
        Map<ThrThread, Integer> laneOf = new IdentityHashMap<>();
        for (int i = 0; i < tl.lanes().size(); i++) laneOf.put(tl.lanes().get(i).thread(), i);
        Map<Key, long[]> starts = new HashMap<>(); // {lane, time}
        for (int i = 0; i < tl.lanes().size(); i++) {
            for (Timeline.Mark m : tl.lanes().get(i).marks()) {
                switch (m.kind()) {
                    case SPAWN -> starts.put(new Key(m.subject(), 0), new long[] {i, m.at()});
                    case PUT -> starts.put(new Key(m.subject(), m.number()), new long[] {i, m.at()});
                    case RELEASE -> starts.put(new Key(m.subject(), m.number() + 1), new long[] {i, m.at()});
                    default -> { }
                }
            }
        }
        List<Flow> out = new ArrayList<>();
        for (int i = 0; i < tl.lanes().size(); i++) {
            Timeline.Lane lane = tl.lanes().get(i);
            long[] spawn = starts.get(new Key(lane.thread(), 0));
            if (spawn != null) out.add(new Flow(Kind.SPAWN, (int) spawn[0], spawn[1], i, lane.start()));
            for (Timeline.Mark m : lane.marks()) {
                Kind kind = m.kind() == EventLog.Kind.GET ? Kind.ITEM : m.kind() == EventLog.Kind.ACQUIRE ? Kind.HANDOVER : null;
                if (kind == null) continue;
                long[] from = starts.get(new Key(m.subject(), m.number()));
                if (from != null) out.add(new Flow(kind, (int) from[0], from[1], i, m.at()));
            }
        }
        return out;
    }

    /** An object (by identity) and a number. */
    private record Key(Object subject, long number) {
        @Override public boolean equals(Object o) { return o instanceof Key k && k.subject == subject && k.number == number; }
        @Override public int hashCode() { return System.identityHashCode(subject) * 31 + Long.hashCode(number); }
    }
}
