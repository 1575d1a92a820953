package dev.thr.eval;

import dev.thr.resolve.GlobalTable;
import dev.thr.runtime.Scheduler;
import dev.thr.runtime.ThrThread;
import dev.thr.value.Cancelled;
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
    /**
     * Memory set aside while a program runs and given back when it fills the heap, so that its
     * MemoryError can be made, caught and reported (a `catch` block, the report) before the
     * program lets go of what it holds. Null when none is held.
     */
    private volatile byte[] reserve;
    /** Room to make, catch and report the error (4 MB cost every program 2 ms to touch). */
    static final int RESERVE_BYTES = 1 << 20;

    /** Whether any program runs (asked without allocating anything). */
    public boolean hasRuns() { return !runs.isEmpty(); }

    /** Sets memory aside for a program's MemoryError (see reserve), when there is none set aside. */
    public void keepReserve() {
        if (reserve != null) return;
        try {
            OutOfMemory.prepare();
            reserve = new byte[RESERVE_BYTES];
        } catch (OutOfMemoryError e) {
            // not now: the heap is still full
        }
    }

    /** Gives the reserve back to the heap: it has just run out. */
    void releaseReserve() { reserve = null; }

    private final java.util.concurrent.atomic.AtomicLong objectNumbers = new java.util.concurrent.atomic.AtomicLong();
    /** The runs going on: a run is here from its start until its last thread has ended. */
    private final Set<Run> runs = ConcurrentHashMap.newKeySet();
    /** What the programs declared with expect(), in order (see OutcomeBuiltins). */
    private final java.util.List<String> declared = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    final Limits limits;

    /** Where input() reads from, made on first use (most programs never read). */
    private final java.util.function.Supplier<java.io.BufferedReader> inputSource;
    private java.io.BufferedReader input;
    /** Set while the engine records what its threads do (timelines, traces); null otherwise. */
    private volatile dev.thr.runtime.Recording recording;

    /** Records every thread made from now on. */
    /** Records an outcome a program declared with expect() (its repr). */
    public void declare(String outcome) { declared.add(outcome); }

    /** The outcomes declared so far, in order. */
    public java.util.List<String> declared() {
        synchronized (declared) {
            return java.util.List.copyOf(declared);
        }
    }

    public void record(dev.thr.runtime.Recording recording) { this.recording = recording; }

    public dev.thr.runtime.Recording recording() { return recording; }

    public Interpreter(Scheduler scheduler, Library library, Limits limits, java.util.function.Supplier<java.io.BufferedReader> input) {
        this.scheduler = scheduler;
        this.library = library;
        this.limits = limits;
        this.inputSource = input;
    }

    /** A line for `input()`, without its line end; null at the end of the input. */
    public String readLine(ThreadContext ctx, String prompt) {
        // the question too is one at a time: two threads asking at once must not mix theirs;
        // a thread waiting for its turn can be stopped (a monitor's wait could not be)
        try {
            inputTurn.lockInterruptibly();
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
        try {
            if (!prompt.isEmpty()) print(ctx, prompt);
            if (input == null) input = inputSource.get();
            return input.readLine();
        } catch (java.io.IOException e) {
            throw new ThrError("IOError", "cannot read input: " + e.getMessage());
        } finally {
            inputTurn.unlock();
        }
    }

    /** One input() at a time: see readLine. */
    private final java.util.concurrent.locks.ReentrantLock inputTurn = new java.util.concurrent.locks.ReentrantLock();

    public Limits limits() { return limits; }

    /**
     * A main thread for one run of a program. Each run has its own, so one engine can run
     * programs from several host threads at once; threads a run spawns share its main.
     */
    public ThreadContext newMain() {
        ThrThread main = new ThrThread("MainThread", false, true);
        main.scheduler(scheduler);
        var rec = recording;
        if (rec != null) rec.attach(main);
        Run run = new Run(main);
        run.threads.add(main);
        runs.add(run);
        return new ThreadContext(this, main, run);
    }

    /** The run's main thread is live while its code runs. */
    public void mainStarted(ThreadContext ctx) {
        ctx.thread.running(scheduler.nativeThreadId(), scheduler.nanoTime());
    }

    public void mainEnded(ThreadContext ctx, Object result, dev.thr.value.ErrorValue error) {
        ctx.thread.finished(result, error, scheduler.nanoTime());
        ended(ctx.run, ctx.thread);
    }

    private void ended(Run run, ThrThread t) {
        run.threads.remove(t);
        if (run.threads.isEmpty()) runs.remove(run);
    }

    /**
     * Writes an error report of a run's thread to the error output, within the run's output
     * cap too: a thousand threads failing must not get around it. What would go over is cut,
     * with a line that says so, once.
     */
    void report(Run run, String text) {
        long cap = limits.outputChars();
        if (cap <= 0) {
            scheduler.err().write(text);
            return;
        }
        long before = run.printed.getAndAdd(text.length());
        if (before >= cap) {
            // print may have used the cap up: say once that reports are left out
            if (run.capNoted.compareAndSet(false, true)) {
                scheduler.err().write("(the output limit of " + cap + " characters is reached: error reports are left out)\n");
            }
            return;
        }
        if (before + text.length() <= cap) {
            scheduler.err().write(text);
        } else {
            run.capNoted.set(true);
            scheduler.err().write(text.substring(0, (int) (cap - before)) + "\n(the output limit of " + cap
                    + " characters is reached: the rest is left out)\n");
        }
    }

    /** Writes what `print` printed, within the run's output cap. */
    public void print(ThreadContext ctx, String text) {
        if (limits.outputChars() > 0 && ctx.run.printed.addAndGet(text.length()) > limits.outputChars()) {
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
        for (Run r : runs) for (ThrThread t : r.threads) if (t.alive()) out.add(t);
        out.sort(java.util.Comparator.comparing((ThrThread t) -> !t.isMain())
                .thenComparing(t -> t.ident() == null ? Long.MAX_VALUE : t.ident()));
        return out;
    }

    /** Numbers that tell unnamed sync objects apart in reports (`lock #3`). */
    public long nextObjectNumber() {
        scheduler.shared("object numbers");
        return objectNumbers.incrementAndGet();
    }

    /** `Thread-N` numbers count every thread made, as Python's do. */
    public String autoName(String function) {
        scheduler.shared(dev.thr.runtime.Scheduler.THREADS);
        int n = threadNumbers.incrementAndGet();
        return function == null || function.equals("<spawn>") ? "Thread-" + n : "Thread-" + n + " (" + function + ")";
    }

    /** Makes a thread that will call target(args) once started; it belongs to the run of `maker`. */
    public ThrThread newThread(ThreadContext maker, Callable target, Object[] args, String[] names, String name, boolean daemon) {
        // an empty name gets the default one too, as Python's `name or _newname()` does
        ThrThread t = new ThrThread(name != null && !name.isEmpty() ? name : autoName(target.name()), daemon, false);
        t.scheduler(scheduler);
        Run run = maker.run;
        t.run(run);
        t.body(() -> runThread(t, (Run) t.run(), target, args, names)); // its run when it starts (see start)
        t.startSignal(scheduler.newMonitor());
        var rec = recording;
        if (rec != null) rec.attach(t);
        return t;
    }

    public void start(ThreadContext starter, ThrThread t) {
        Run run = t.run() instanceof Run r ? r : starter.run;
        if (run != starter.run && !runs.contains(run)) {
            // made by a run that has ended (a REPL's earlier snippet): it joins the run that
            // starts it, so that threads(), a stop and cancel() see it
            run = starter.run;
            t.run(run);
        }
        if (t.started() || t.isMain()) throw ThrError.runtime("threads can only be started once");
        if (run.stopping) throw new Cancelled();
        if (limits.totalThreads() > 0 && run.started.get() >= limits.totalThreads()) {
            throw Limits.exceeded("the program may start at most " + limits.totalThreads() + " threads");
        }
        if (limits.liveThreads() > 0 && run.live.incrementAndGet() > limits.liveThreads()) {
            run.live.decrementAndGet();
            throw Limits.exceeded("at most " + limits.liveThreads() + " threads may run at once");
        }
        if (!t.claimStart()) {
            if (limits.liveThreads() > 0) run.live.decrementAndGet();
            throw ThrError.runtime("threads can only be started once");
        }
        run.started.incrementAndGet();
        if (limits.liveThreads() <= 0) run.live.incrementAndGet();
        // where it was started: the place of an error before its code has one (a call with
        // the wrong number of arguments: `spawn f(1)`)
        t.at(starter.thread.site());
        try {
            var strand = scheduler.newStrand(t.name(), t.daemon(), t.body());
            t.attach(strand);
            t.starting(scheduler.nanoTime());
            run.threads.add(t);
            if (starter.thread.log() != null) starter.thread.event(scheduler.nanoTime(), dev.thr.runtime.EventLog.Kind.SPAWN, t, 0);
            strand.start();
        } catch (dev.thr.runtime.CannotStart e) {
            // as if start() had not been called: nothing waits for it, and it may be started later
            run.threads.remove(t);
            run.started.decrementAndGet();
            run.live.decrementAndGet();
            t.unstart();
            throw ThrError.runtime("can't start new thread (" + e.getMessage() + ")");
        }
        // like Python's start(), return once the thread runs: its native_id is then known (a
        // virtual thread has none: waiting for it to run would cost two switches a spawn for nothing)
        if (!t.strand().hasNativeId()) return;
        try {
            t.awaitRunning();
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
    }

    private void runThread(ThrThread t, Run run, Callable target, Object[] args, String[] names) {
        ThreadContext ctx = new ThreadContext(this, t, run);
        t.running(scheduler.nativeThreadId(), scheduler.nanoTime());
        t.signalRunning();
        if (run.stopping) { // stopped before it got going
            t.finished(null, null, scheduler.nanoTime());
            run.live.decrementAndGet();
            ended(run, t);
            return;
        }
        Object result = null;
        dev.thr.value.ErrorValue error = null;
        try {
            result = target.call(ctx, args, names);
        } catch (ThrError e) {
            if (!e.placed() && t.site() instanceof dev.thr.diag.Span started) e.at(started);
            error = e.leaving(target.name()).error();
            error.thread(t.name());
            dev.thr.diag.Span origin = error.origin();
            if (origin != null) scheduler.observe(new dev.thr.runtime.Access("fails", "", origin), e);
            // a run being stopped breaks what its threads wait on (a barrier): that is no news
            if (!t.stopped()) report(run, ErrorReport.inThread(t.shownName(), error));
        } catch (Cancelled e) {
            // stopped on purpose: nothing to report
        } catch (ExitRequest e) {
            // exit() in a thread ends that thread, quietly, as SystemExit does in Python
        } catch (StackOverflowError e) {
            ThrError out = CompiledProgram.stackOverflow();
            if (t.site() instanceof dev.thr.diag.Span at) out.at(at);
            error = out.leaving(target.name()).error();
            error.thread(t.name());
            report(run, ErrorReport.inThread(t.shownName(), error));
        } catch (OutOfMemoryError e) {
            error = OutOfMemory.placed(ctx).leaving(target.name()).error();
            error.thread(t.name());
            report(run, ErrorReport.inThread(t.shownName(), error));
        } catch (Throwable e) {
            error = ErrorReport.internal(e).error();
            error.thread(t.name());
            report(run, ErrorReport.inThread(t.shownName(), error));
        } finally {
            t.finished(result, error, scheduler.nanoTime());
            run.live.decrementAndGet();
            ended(run, t);
        }
    }

    /** Asks each thread of the run to stop, and lets none start from now on. */
    /** The idents of the live threads with this ident (as text) or, failing that, this name. */
    public List<Long> threadIdents(String identOrName) {
        List<ThrThread> live = threads();
        List<Long> byIdent = live.stream().map(ThrThread::ident)
                .filter(id -> id != null && id.toString().equals(identOrName.strip())).toList();
        if (!byIdent.isEmpty()) return byIdent;
        return live.stream().filter(t -> t.name().equals(identOrName) && t.ident() != null).map(ThrThread::ident).toList();
    }

    /** Stops one live thread as a run's stop does (see interrupt); its name, or null when none has that ident. */
    public String stopThread(long ident) {
        for (ThrThread t : threads()) {
            if (t.ident() == null || t.ident() != ident) continue;
            t.stop();
            if (t.strand() != null) t.strand().interrupt();
            return t.name();
        }
        return null;
    }

    private void interrupt(Run run) {
        run.stopping = true;
        List<ThrThread> threads = new ArrayList<>(run.threads);
        // in the order they started, so a simulated run is stopped the same way every time
        threads.sort(java.util.Comparator.comparing((ThrThread t) -> t.ident() == null ? Long.MAX_VALUE : t.ident()));
        for (ThrThread t : threads) t.stop();
        for (ThrThread t : threads) if (t.strand() != null) t.strand().interrupt();
    }

    /**
     * Waits for every non-daemon thread of every run, as a program's end does; gives back the
     * runs it waited for (some may have ended in a deadlock).
     */
    public List<Run> awaitNonDaemonThreads() throws InterruptedException {
        List<Run> waited = runs();
        for (Run r : waited) awaitNonDaemonThreads(r, 0);
        return waited;
    }

    /**
     * Waits for the run's non-daemon threads, including ones started while waiting, as Python
     * does at exit; a deadline on the scheduler's clock (0: none). False when it passed first.
     */
    public boolean awaitNonDaemonThreads(Run run, long deadline) throws InterruptedException {
        run.awaited.incrementAndGet();
        try {
            return awaitEach(run, deadline);
        } finally {
            run.awaited.decrementAndGet();
        }
    }

    private boolean awaitEach(Run run, long deadline) throws InterruptedException {
        while (true) {
            ThrThread next = null;
            for (ThrThread t : run.threads) {
                if (!t.isMain() && !t.daemon() && t.strand() != null) {
                    next = t;
                    break;
                }
            }
            if (next == null) return true;
            long left = deadline == 0 ? -1 : deadline - scheduler.hostNanoTime();
            if (deadline != 0 && left <= 0) return false;
            if (!next.strand().join(left)) return false;
            run.threads.remove(next);
        }
    }

    /** The runs going on now. */
    public List<Run> runs() { return List.copyOf(runs); }

    /** Whether a host is waiting for threads to end (a script's end, an eval): nobody else can wake them then. */
    public boolean hostWaiting() {
        for (Run r : runs) if (r.awaited.get() > 0) return true;
        return false;
    }

    /**
     * Ends runs whose threads can never go on: each is stopped as cancel() stops it, and
     * remembers the report, which whoever waits for the run gets as a DeadlockError. When
     * nobody waits (a REPL's background threads), the report goes to the error output.
     */
    public void deadlocked(java.util.Collection<Run> stuck, String report) {
        boolean heard = false;
        for (Run r : stuck) {
            r.deadlock(report);
            heard |= r.watched();
        }
        if (heard) { // whoever waits for the run reports it, once its threads have stopped
            for (Run r : stuck) interrupt(r);
            return;
        }
        // Nobody waits (a REPL's background threads): stop them first, so that whoever reads
        // the report and looks finds them stopped.
        try {
            for (Run r : stuck) stop(r, java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.err().write(report);
    }

    /** Stops every run: see {@link #stop(Run, long)}. */
    public boolean stopAll(long timeoutNanos) throws InterruptedException {
        long deadline = scheduler.hostNanoTime() + timeoutNanos;
        for (Run r : runs) r.stopping = true;
        boolean all = true;
        for (Run r : runs) all &= stop(r, Math.max(1, deadline - scheduler.hostNanoTime()));
        return all;
    }

    /**
     * Stops a run's threads, its main thread included, and waits until they have ended: each
     * stops at its next blocking call, loop turn or call, and none may start from now on.
     * False if one is still alive when the time is up (stuck outside thr's code).
     */
    public boolean stop(Run run, long timeoutNanos) throws InterruptedException {
        long deadline = scheduler.hostNanoTime() + timeoutNanos;
        interrupt(run);
        for (ThrThread t : run.threads) {
            if (t.strand() == null) continue;
            long left = deadline - scheduler.hostNanoTime();
            if (left <= 0 || !t.strand().join(left)) return false;
        }
        return true;
    }
}
