package dev.thr.runtime;

import dev.thr.diag.Span;
import java.util.List;

/** Where a thread is in its code, for thread dumps: its calls, innermost first. */
public interface CallStack {
    /** One call in progress: the function and the place in it the thread has reached. */
    record Call(String function, Span at) {}

    /**
     * A snapshot taken by another thread while this one runs: it may be a moment out of date,
     * which is fine for a listing (a thread that is blocked does not move).
     */
    List<Call> snapshot();
}
