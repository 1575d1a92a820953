package dev.thr.runtime;

import dev.thr.diag.Span;

/**
 * What a thread is about to do at a scheduling point before an access to shared state: it
 * `reads`, `writes` or `calls` the `subject` (its source text, such as `counter`, `xs[i]` or
 * `q.get()`) at `span`. Made once when a simulated program is compiled; a strategy that
 * watches a run hears of each, which is how a run's story is told.
 */
public record Access(String verb, String subject, Span span, String variable) {
    public Access(String verb, String subject, Span span) {
        this(verb, subject, span, null);
    }

    /** Whether the subject is a module variable (`variable` names it), one place whichever thread or function names it. */
    public boolean moduleVariable() { return variable != null; }
}
