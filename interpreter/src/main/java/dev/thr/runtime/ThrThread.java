package dev.thr.runtime;

import dev.thr.value.ErrorValue;
import dev.thr.value.StopSignal;
import dev.thr.value.Values;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A thr thread as scripts see it: name, daemon flag, state, result and error. What it runs
 * is given by the interpreter as a Runnable; this class only tracks its life.
 */
public final class ThrThread implements Values.Typed, StopSignal {
    private volatile String name;
    private volatile boolean daemon;
    private volatile ThreadState state = ThreadState.NEW;
    private volatile Object blockedOn;
    /** Whether the current wait has a timeout: a timed wait always ends, so it is never a deadlock. */
    private volatile boolean waitTimed;
    /** What the thread is doing with what it waits on ("get", "put", "join", ...). */
    private volatile String waitOp;
    /** Counts the thread's waits and wake-ups: unchanged between two looks, it waited all along. */
    private volatile int waitCount;
    /** When the thread entered its current state, on the scheduler's clock. */
    private volatile long stateSince;
    /** Where the thread is in its code (its calls), for thread dumps; set by the interpreter. */
    private volatile CallStack calls;
    /**
     * Set when the thread's run is being stopped, before any of its threads is interrupted:
     * from then on every wait fails, so a lock one stopped thread lets go of on its way out
     * cannot be taken by another that has not been interrupted yet.
     */
    private volatile boolean stopped;
    /**
     * What the thread does, when its run is recorded; null (nothing recorded) otherwise. Set
     * before the thread starts and never again, so a plain field (read on every lock and queue
     * operation).
     */
    private EventLog log;
    /** The last call or blocking statement the thread reached; written often, so not volatile. */
    private Object site;
    private volatile Object result;
    private volatile ErrorValue error;
    private volatile long nativeId = -1;
    private volatile Strand strand;
    private final boolean main;
    private final java.util.concurrent.atomic.AtomicBoolean startClaimed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Runnable body;
    /** The run this thread belongs to (an interpreter object; opaque here). */
    private volatile Object run;
    /** Signalled once the thread runs, so start() can return only then, as Python's does. */
    private Monitor startMonitor;
    private Monitor.Condition startCondition;
    private boolean runningSignalled;
    /** Thread-local storage; touched only by the thread itself, so it needs no lock. */
    private final Map<ThrLocal, Map<String, Object>> locals = new IdentityHashMap<>();

    public ThrThread(String name, boolean daemon, boolean main) {
        this.name = name;
        this.daemon = daemon;
        this.main = main;
    }

    public String name() { return name; }

    /**
     * The name as reports show it: a control character in it (a newline) is escaped, so that
     * a name cannot forge a line of an error report or a thread dump.
     */
    public String shownName() {
        return shown(name);
    }

    /** A thread's name as reports show it (see shownName). */
    public static String shown(String n) {
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < 0x20 || c == 0x7f) return escaped(n);
        }
        return n;
    }

    private static String escaped(String n) {
        StringBuilder out = new StringBuilder();
        for (char c : n.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) out.append(String.format("\\x%02x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }

    public void name(String name) { this.name = name; }

    public boolean daemon() { return daemon; }

    /** Python allows setting daemon only before start. */
    public void daemon(boolean daemon) {
        if (state != ThreadState.NEW) throw dev.thr.value.ThrError.runtime("cannot set daemon status of active thread");
        this.daemon = daemon;
    }

    public boolean isMain() { return main; }

    public ThreadState state() { return state; }

    public Object blockedOn() { return blockedOn; }

    public boolean waitTimed() { return waitTimed; }

    public String waitOp() { return waitOp; }

    public int waitCount() { return waitCount; }

    public long stateSince() { return stateSince; }

    public CallStack calls() { return calls; }

    public void stop() { stopped = true; }

    public EventLog log() { return log; }

    /** Records what this thread does from now on (set before it starts). */
    public void log(EventLog log) { this.log = log; }

    /** Records an event of this thread, if it is recorded; called by the thread itself. */
    public void event(long now, EventLog.Kind kind, Object subject, long number) {
        EventLog l = log;
        if (l != null) l.add(now, kind, state, subject, null, site, number, false);
    }

    @Override
    public boolean stopped() { return stopped; }

    public void calls(CallStack calls) { this.calls = calls; }

    /** Where the thread last called something or blocked (a source position), for thread listings. */
    public Object site() { return site; }

    public void at(Object site) { this.site = site; }

    private volatile java.util.List<CallStack.Call> stoppedAt;

    /** Where the thread was when its stop reached it, innermost call first; null until then. */
    public java.util.List<CallStack.Call> stoppedAt() { return stoppedAt; }

    /** Set by the thread itself as a stop unwinds it, at the innermost call (see ThreadContext.unwinding). */
    public void stoppedAt(java.util.List<CallStack.Call> stack) { stoppedAt = stack; }

    public Object result() { return result; }

    public ErrorValue error() { return error; }

    public boolean alive() { return state != ThreadState.NEW && state != ThreadState.TERMINATED; }

    public boolean started() { return state != ThreadState.NEW; }

    public Long ident() { return strand == null ? null : strand.id(); }

    public Long nativeId() { return nativeId < 0 ? null : nativeId; }

    public Strand strand() { return strand; }

    // ---- transitions, called by the interpreter and the sync objects ----

    public void body(Runnable body) { this.body = body; }

    public void run(Object run) { this.run = run; }

    public Object run() { return run; }

    /** Prepares the start handshake with a monitor from the scheduler. */
    public void startSignal(Monitor monitor) {
        this.startMonitor = monitor;
        this.startCondition = monitor.newCondition();
    }

    /** Called by the new thread once it runs (name, ids and state set). */
    public void signalRunning() {
        if (startMonitor == null) return;
        startMonitor.lockQuietly();
        try {
            runningSignalled = true;
            startCondition.signalAll();
        } finally {
            startMonitor.unlock();
        }
    }

    /** Waits until the thread has signalled that it runs. */
    public void awaitRunning() throws InterruptedException {
        if (startMonitor == null) return;
        startMonitor.lock();
        try {
            while (!runningSignalled) startCondition.await(-1);
        } finally {
            startMonitor.unlock();
        }
    }

    public Runnable body() { return body; }

    /** True for the one caller that may start this thread; starting twice is an error. */
    public boolean claimStart() { return !main && startClaimed.compareAndSet(false, true); }

    public void attach(Strand strand) { this.strand = strand; }

    /** Its start failed (no thread could be made): it is a new thread again. */
    public void unstart() {
        strand = null;
        state = ThreadState.NEW;
        startClaimed.set(false);
    }

    public void running(long nativeId, long now) {
        this.nativeId = nativeId;
        this.stateSince = now;
        this.state = ThreadState.RUNNABLE;
        EventLog l = log;
        if (l != null) l.add(now, EventLog.Kind.RUN, ThreadState.RUNNABLE, null, "start", site, 0, false);
    }

    public void starting(long now) {
        this.stateSince = now;
        this.state = ThreadState.RUNNABLE;
    }

    /**
     * Marks the thread as waiting (state, what it waits on, whether a timeout will end the
     * wait) until {@link #resumed}; now is the scheduler's clock. Only the thread itself calls it.
     */
    public void waiting(ThreadState state, Object on, String op, boolean timed, long now) {
        this.blockedOn = on;
        this.waitOp = op;
        this.waitTimed = timed;
        this.stateSince = now;
        this.state = state;
        waitCount++;
        EventLog l = log;
        if (l != null) l.add(now, EventLog.Kind.WAIT, state, on, op, site, 0, timed);
    }

    public void resumed(long now) {
        waitCount++;
        this.state = ThreadState.RUNNABLE;
        this.stateSince = now;
        this.blockedOn = null;
        EventLog l = log;
        if (l != null) l.add(now, EventLog.Kind.RUN, ThreadState.RUNNABLE, null, null, site, 0, false);
    }

    public void finished(Object result, ErrorValue error, long now) {
        this.result = result;
        this.error = error;
        this.blockedOn = null;
        waitCount++;
        this.state = ThreadState.TERMINATED;
        EventLog l = log;
        if (l != null) l.add(now, EventLog.Kind.END, ThreadState.TERMINATED, error, null, site, 0, false);
    }

    Map<String, Object> localsOf(ThrLocal local) {
        return locals.computeIfAbsent(local, k -> new java.util.HashMap<>());
    }

    @Override public String typeName() { return "thread"; }

    /** The scheduler of the run, told when the thread is shown (see toString); null before it is set. */
    private volatile Scheduler scheduler;

    public void scheduler(Scheduler s) { scheduler = s; }

    @Override
    public String toString() {
        // its name and state are what other threads change: a systematic search must hear of the read
        Scheduler s = scheduler;
        if (s != null) s.shared(Scheduler.THREADS);
        return "<thread " + name + " " + state.label() + (daemon ? " daemon" : "") + ">";
    }
}
