package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.runtime.CallStack;
import dev.thr.runtime.Scheduler;
import dev.thr.runtime.ThrThread;
import dev.thr.value.Cancelled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What code running on one thr thread needs to reach: its engine and its own thread object. */
public final class ThreadContext implements CallStack {
    final Interpreter interpreter;
    final ThrThread thread;
    /** The run this thread belongs to; its main thread is what `main_thread()` gives. */
    final Run run;
    /** Calls in progress on this thread; only this thread touches it. */
    int depth;
    /**
     * For each call in progress, where its caller was and the function's name (two slots a
     * call), so that a thread dump can show the thr stack. Only this thread writes it; two
     * stores a call are all it costs.
     */
    private Object[] calls = new Object[16];

    /** The error the innermost running catch block handles, for a bare `raise`; null outside one. */
    dev.thr.value.ThrError handling;

    ThreadContext(Interpreter interpreter, ThrThread thread, Run run) {
        this.interpreter = interpreter;
        this.thread = thread;
        this.run = run;
        thread.calls(this);
    }

    /**
     * Whether this thread must stop now: its run is being stopped (a state that stays), or the
     * scheduler says so at this point (an interrupt). Loops, calls and print check it.
     */
    boolean checkpoint() {
        return thread.stopped() || interpreter.scheduler.checkpoint();
    }

    /** A checkpoint before the access `site` describes (simulated engines only). */
    boolean checkpoint(Object site) {
        return thread.stopped() || interpreter.scheduler.checkpoint(site);
    }

    /** After that access: what was read or written. */
    void observe(Object site, Object value) {
        interpreter.scheduler.observe(site, value);
    }

    /**
     * The start of a call of `function`, its frame made: calls, like loop turns, are where a
     * thread being stopped notices; the depth is counted against the recursion limit (a limit,
     * as Python has, instead of catching StackOverflowError: deep in a stack that has
     * overflowed, even building the error message can fail again); and the call is kept for
     * thread dumps. Small, so that compiled code inlines it; whoever calls it decrements depth
     * when the call ends.
     */
    void enter(String function) {
        if (checkpoint()) throw new Cancelled();
        if (++depth > Function.MAX_DEPTH) throw tooDeep(function);
        entered(function);
    }

    private dev.thr.value.ThrError tooDeep(String function) {
        depth--;
        return new dev.thr.value.ThrError("RecursionError", "maximum recursion depth (" + Function.MAX_DEPTH + ") exceeded in " + function + "()");
    }

    /** Records a call for thread dumps once depth counts it. */
    private void entered(String function) {
        int i = 2 * (depth - 1);
        Object[] c = calls;
        if (i + 1 >= c.length) c = grow();
        c[i] = thread.site();
        c[i + 1] = function;
    }

    private Object[] grow() {
        return calls = Arrays.copyOf(calls, calls.length * 2);
    }

    /** A stop noticed at a loop's turn or a statement's checkpoint: that is the place to name (the thread's site is its last call). */
    Cancelled stoppedIn(Span where) {
        thread.at(where);
        return new Cancelled();
    }

    /** A stop passing through a call on its way out: where the thread was, kept for the one who stopped it. */
    void unwinding() {
        if (thread.stoppedAt() == null) thread.stoppedAt(snapshot());
    }

    @Override
    public List<Call> snapshot() {
        Object[] c = calls;
        int d = Math.min(depth, c.length / 2);
        Object site = thread.site();
        List<Call> out = new ArrayList<>(d + 1);
        for (int k = d - 1; k >= 0; k--) {
            out.add(new Call(String.valueOf(c[2 * k + 1]), site instanceof Span s ? s : null));
            site = c[2 * k];
        }
        if (thread.isMain()) out.add(new Call("<main>", site instanceof Span s ? s : null));
        return out;
    }

    public ThrThread main() { return run.main; }

    public Run run() { return run; }

    public Interpreter interpreter() { return interpreter; }

    public ThrThread thread() { return thread; }

    public Scheduler scheduler() { return interpreter.scheduler(); }
}
