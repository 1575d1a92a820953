package dev.thr.eval;

import dev.thr.resolve.GlobalTable;
import dev.thr.runtime.Scheduler;
import dev.thr.runtime.ThrThread;
import dev.thr.value.ThrError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything one running engine owns: globals, threads, the scheduler and the library.
 * Nothing here is static, so two engines in one JVM share nothing.
 */
public final class Interpreter {
    final Scheduler scheduler;
    final Library library;
    final Globals globals = new Globals();
    final GlobalTable globalTable = new GlobalTable();
    private final AtomicInteger threadNumbers = new AtomicInteger();
    private final Set<ThrThread> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger liveSpawned = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong spawned = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong printed = new java.util.concurrent.atomic.AtomicLong();
    final Limits limits;

    private final java.io.BufferedReader input;

    public Interpreter(Scheduler scheduler, Library library, Limits limits, java.io.BufferedReader input) {
        this.scheduler = scheduler;
        this.library = library;
        this.limits = limits;
        this.input = input;
    }

    /** A line for `input()`, without its line end; null at the end of the input. */
    public String readLine(String prompt) {
        if (!prompt.isEmpty()) print(prompt);
        synchronized (input) {
            try {
                return input.readLine();
            } catch (java.io.IOException e) {
                throw new ThrError("IOError", "cannot read input: " + e.getMessage());
            }
        }
    }

    public Limits limits() { return limits; }

    /**
     * A main thread for one run of a program. Each run has its own, so one engine can run
     * programs from several host threads at once; threads a run spawns share its main.
     */
    public ThreadContext newMain() {
        ThrThread main = new ThrThread("MainThread", false, true);
        return new ThreadContext(this, main, main);
    }

    /** The run's main thread is live while its code runs. */
    public void mainStarted(ThreadContext ctx) {
        ctx.thread.running(scheduler.nativeThreadId());
        live.add(ctx.thread);
    }

    public void mainEnded(ThreadContext ctx, Object result, dev.thr.value.ErrorValue error) {
        ctx.thread.finished(result, error);
        live.remove(ctx.thread);
    }

    /** Writes what `print` printed, within the output cap. */
    public void print(String text) {
        if (limits.outputChars() > 0 && printed.addAndGet(text.length()) > limits.outputChars()) {
            throw Limits.exceeded("the program printed more than " + limits.outputChars() + " characters");
        }
        scheduler.out().write(text);
    }

    public Scheduler scheduler() { return scheduler; }

    public GlobalTable globalTable() { return globalTable; }

    /** Sets a module variable from outside (host globals, `args`). */
    public void setGlobal(String name, Object value) {
        globals.set(globalTable.index(name), value);
    }

    public Object getGlobal(String name) {
        if (!globalTable.has(name)) return null;
        Object v = globals.get(globalTable.index(name));
        return v == Unset.VALUE ? null : v;
    }

    public boolean isAssigned(String name) {
        return globalTable.has(name) && globals.get(globalTable.index(name)) != Unset.VALUE;
    }

    /** The live threads, main threads first, then in the order they started. */
    public List<ThrThread> threads() {
        List<ThrThread> out = new ArrayList<>();
        for (ThrThread t : live) if (t.alive()) out.add(t);
        out.sort(java.util.Comparator.comparing((ThrThread t) -> !t.isMain())
                .thenComparing(t -> t.ident() == null ? Long.MAX_VALUE : t.ident()));
        return out;
    }

    /** `Thread-N` numbers count every thread made, as Python's do. */
    public String autoName(String function) {
        int n = threadNumbers.incrementAndGet();
        return function == null || function.equals("<spawn>") ? "Thread-" + n : "Thread-" + n + " (" + function + ")";
    }

    /** Makes a thread that will call target(args) once started; it belongs to the run of `maker`. */
    public ThrThread newThread(ThreadContext maker, Callable target, Object[] args, String[] names, String name, boolean daemon) {
        ThrThread t = new ThrThread(name != null ? name : autoName(target.name()), daemon, false);
        ThrThread main = maker.main;
        t.body(() -> runThread(t, main, target, args, names));
        t.startSignal(scheduler.newMonitor());
        return t;
    }

    public void start(ThrThread t) {
        if (t.started() || t.isMain()) throw ThrError.runtime("threads can only be started once");
        if (limits.totalThreads() > 0 && spawned.get() >= limits.totalThreads()) {
            throw Limits.exceeded("the program may start at most " + limits.totalThreads() + " threads");
        }
        if (limits.liveThreads() > 0 && liveSpawned.incrementAndGet() > limits.liveThreads()) {
            liveSpawned.decrementAndGet();
            throw Limits.exceeded("at most " + limits.liveThreads() + " threads may run at once");
        }
        if (!t.claimStart()) {
            if (limits.liveThreads() > 0) liveSpawned.decrementAndGet();
            throw ThrError.runtime("threads can only be started once");
        }
        spawned.incrementAndGet();
        if (limits.liveThreads() <= 0) liveSpawned.incrementAndGet();
        var strand = scheduler.newStrand(t.name(), t.daemon(), t.body());
        t.attach(strand);
        t.starting();
        live.add(t);
        strand.start();
        // like Python's start(), return once the thread runs: its native_id is then known
        try {
            t.awaitRunning();
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
    }

    private void runThread(ThrThread t, ThrThread main, Callable target, Object[] args, String[] names) {
        ThreadContext ctx = new ThreadContext(this, t, main);
        t.running(scheduler.nativeThreadId());
        t.signalRunning();
        Object result = null;
        dev.thr.value.ErrorValue error = null;
        try {
            result = target.call(ctx, args, names);
        } catch (ThrError e) {
            error = e.leaving(target.name()).error();
            error.thread(t.name());
            scheduler.err().write(ErrorReport.inThread(t.name(), error));
        } catch (Cancelled e) {
            // stopped on purpose: nothing to report
        } catch (StackOverflowError e) {
            error = CompiledProgram.stackOverflow().error();
            error.thread(t.name());
            scheduler.err().write(ErrorReport.inThread(t.name(), error));
        } catch (Throwable e) {
            error = ErrorReport.internal(e).error();
            error.thread(t.name());
            scheduler.err().write(ErrorReport.inThread(t.name(), error));
        } finally {
            t.finished(result, error);
            live.remove(t);
            liveSpawned.decrementAndGet();
        }
    }

    /** Waits for every non-daemon thread, including ones started while waiting, as Python does at exit. */
    public void awaitNonDaemonThreads() throws InterruptedException {
        awaitNonDaemonThreads(0);
    }

    /** The same with a deadline on the scheduler's clock (0: none); false when it passed first. */
    public boolean awaitNonDaemonThreads(long deadline) throws InterruptedException {
        while (true) {
            ThrThread next = null;
            for (ThrThread t : live) {
                if (!t.isMain() && !t.daemon() && t.strand() != null) {
                    next = t;
                    break;
                }
            }
            if (next == null) return true;
            long left = deadline == 0 ? -1 : deadline - scheduler.nanoTime();
            if (deadline != 0 && left <= 0) return false;
            if (!next.strand().join(left)) return false;
            live.remove(next);
        }
    }

    /** Asks every thread but the main ones to stop (used at exit for daemon threads). */
    public void interruptAll() {
        for (ThrThread t : live) if (!t.isMain() && t.strand() != null) t.strand().interrupt();
    }

    /**
     * Stops every thread of the engine, main programs included, and waits until they have
     * ended: each stops at its next blocking call or loop turn. False if some thread is still
     * alive after the given time (it would have to be stuck outside thr's code).
     */
    public boolean stopAll(long timeoutNanos) throws InterruptedException {
        long deadline = scheduler.nanoTime() + timeoutNanos;
        while (true) {
            boolean anyAlive = false;
            for (ThrThread t : live) {
                if (t.strand() == null) continue;
                t.strand().interrupt();
                anyAlive = true;
            }
            for (ThrThread t : live) {
                if (t.strand() == null) continue;
                long left = deadline - scheduler.nanoTime();
                if (left <= 0) return live.stream().noneMatch(x -> x.strand() != null && x.strand().isAlive());
                t.strand().join(left);
                if (!t.strand().isAlive()) live.remove(t);
            }
            if (!anyAlive) return true;
        }
    }
}
