package dev.thr.eval;

import dev.thr.runtime.Scheduler;
import dev.thr.runtime.ThrThread;

/** What code running on one thr thread needs to reach: its engine and its own thread object. */
public final class ThreadContext {
    final Interpreter interpreter;
    final ThrThread thread;
    /** The main thread of the run this thread belongs to (`main_thread()`). */
    final ThrThread main;
    /** Calls in progress on this thread; only this thread touches it. */
    int depth;

    ThreadContext(Interpreter interpreter, ThrThread thread, ThrThread main) {
        this.interpreter = interpreter;
        this.thread = thread;
        this.main = main;
    }

    public ThrThread main() { return main; }

    public Interpreter interpreter() { return interpreter; }

    public ThrThread thread() { return thread; }

    public Scheduler scheduler() { return interpreter.scheduler(); }
}
