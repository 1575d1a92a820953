package dev.thr.value;

import dev.thr.diag.Span;

/**
 * The Java exception that carries a thr error up the Java stack. It has no Java stack trace
 * (a user never sees one); the thr trace is built as it passes nodes and function calls:
 * the first node that sees it records its span, and each function it leaves pairs that span
 * with its own name.
 */
public final class ThrError extends RuntimeException {
    private final ErrorValue error;
    private Span pending;

    public ThrError(ErrorValue error) {
        super(error.kind() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public ThrError(String kind, String message) {
        this(new ErrorValue(kind, message));
    }

    public ErrorValue error() { return error; }

    /** Records the innermost known place, unless a deeper one is already recorded. */
    public ThrError at(Span span) {
        if (pending == null) pending = span;
        return this;
    }

    /** Whether the error has a place yet (where it was raised, or a frame of its trace). */
    public boolean placed() {
        return pending != null || error.origin() != null;
    }

    /** Leaving a function: the recorded place belongs to it. */
    public ThrError leaving(String function) {
        if (pending != null) {
            error.addFrame(function, pending);
            pending = null;
        }
        return this;
    }

    public boolean hasPending() { return pending != null; }

    // Constructors for the common kinds, so messages are worded in one place.
    public static ThrError type(String message) { return new ThrError("TypeError", message); }
    public static ThrError value(String message) { return new ThrError("ValueError", message); }
    public static ThrError runtime(String message) { return new ThrError("RuntimeError", message); }
    public static ThrError index(String message) { return new ThrError("IndexError", message); }
    public static ThrError key(String message) { return new ThrError("KeyError", message); }
    public static ThrError name(String message) { return new ThrError("NameError", message); }
    public static ThrError zeroDivision(String message) { return new ThrError("ZeroDivisionError", message); }
}
