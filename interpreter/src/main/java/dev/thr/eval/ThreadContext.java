package dev.thr.eval;

import dev.thr.runtime.Scheduler;
import dev.thr.runtime.ThrThread;

/** What code running on one thr thread needs to reach: its engine and its own thread object. */
public final class ThreadContext {
    final Interpreter interpreter;
    final ThrThread thread;
    /** The run this thread belongs to; its main thread is what `main_thread()` gives. */
    final Run run;
    /** Calls in progress on this thread; only this thread touches it. */
    int depth;

    ThreadContext(Interpreter interpreter, ThrThread thread, Run run) {
        this.interpreter = interpreter;
        this.thread = thread;
        this.run = run;
    }

    public ThrThread main() { return run.main; }

    public Run run() { return run; }

    public Interpreter interpreter() { return interpreter; }

    public ThrThread thread() { return thread; }

    public Scheduler scheduler() { return interpreter.scheduler(); }
}
