package dev.thr.runtime;

import dev.thr.diag.Span;
import java.util.Arrays;
import java.util.List;

/**
 * What one thread did, in order, while a run is recorded (for timelines and traces). Only its
 * own thread writes it, so recording takes no lock shared between threads; others read a
 * snapshot. A thread that is not recorded has no log, and pays one null check per event.
 */
public final class EventLog {
    public enum Kind {
        /** The thread runs: it started, or a wait ended. */
        RUN,
        /** It waits: `subject` is what it waits on (null for sleep), `op` what it does with it. */
        WAIT,
        /** It ended; `subject` is its error, or null. */
        END,
        /** It started `subject`, a thread. */
        SPAWN,
        /** Queue operations: `number` is the item's place in the queue's order, the same for its put and its get. */
        PUT, GET,
        /** Lock and rlock: `number` counts the times it was taken; release n hands over to acquire n + 1. */
        ACQUIRE, RELEASE
    }

    /** One event; `state` is the thread's state after it (for RUN and WAIT). */
    public record Event(long time, Kind kind, ThreadState state, Object subject, String op, Span site, long number, boolean timed) {}

    /** A log stops growing here; the rest of the thread's events are counted, not kept. */
    private final int capacity;
    private Event[] events = new Event[64];
    private volatile int size;
    private long dropped;

    public EventLog(int capacity) { this.capacity = capacity; }

    void add(Event e) {
        int n = size;
        if (n >= capacity) {
            dropped++;
            return;
        }
        if (n == events.length) events = Arrays.copyOf(events, Math.min(capacity, n * 2));
        events[n] = e;
        size = n + 1; // publishes the event (and a grown array) to readers
    }

    public void add(long time, Kind kind, ThreadState state, Object subject, String op, Object site, long number, boolean timed) {
        add(new Event(time, kind, state, subject, op, site instanceof Span s ? s : null, number, timed));
    }

    /** The events so far, oldest first. */
    public List<Event> snapshot() {
        int n = size;
        return List.of(Arrays.copyOf(events, n));
    }

    /** Events past the capacity, not kept. */
    public long dropped() { return dropped; }
}
