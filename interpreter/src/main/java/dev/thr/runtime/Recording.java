package dev.thr.runtime;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The threads of an engine that are being recorded, each with its own event log, from a start
 * time on the scheduler's clock. The timelines and traces are drawn from it.
 */
public final class Recording {
    private final ConcurrentLinkedQueue<ThrThread> threads = new ConcurrentLinkedQueue<>();
    private final long start;
    private final int eventsPerThread;

    /** eventsPerThread bounds each log (an event takes about 60 bytes); later ones are counted, not kept. */
    public Recording(long start, int eventsPerThread) {
        this.start = start;
        this.eventsPerThread = eventsPerThread;
    }

    /** Gives a new thread its log; called before it starts. */
    public void attach(ThrThread t) {
        t.log(new EventLog(eventsPerThread));
        threads.add(t);
    }

    /** The recorded threads, in the order they were made. */
    public List<ThrThread> threads() { return List.copyOf(threads); }

    public long start() { return start; }
}
