package dev.thr.value;

import dev.thr.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A thr error: a kind ("ValueError"), a message, and where it went through, innermost first.
 * Scripts see it as a value (`e.kind`, `e.message`, `str(e)` is the message) and can raise it again.
 */
public final class ErrorValue {
    public record Frame(String function, Span at) {}

    private final String kind;
    private final String message;
    private final List<Frame> trace = new ArrayList<>();
    private volatile String thread;

    public ErrorValue(String kind, String message) {
        this.kind = kind;
        this.message = message;
    }

    public String kind() { return kind; }

    public String message() { return message; }

    /** The thread the error was raised in, once known. */
    public String thread() { return thread; }

    public void thread(String name) { if (thread == null) thread = name; }

    public synchronized List<Frame> trace() { return List.copyOf(trace); }

    synchronized void addFrame(String function, Span at) { trace.add(new Frame(function, at)); }

    /** Where it was first raised, or null for an error that never ran through thr code. */
    public synchronized Span origin() { return trace.isEmpty() ? null : trace.get(0).at(); }

    @Override
    public String toString() { return message; }
}
