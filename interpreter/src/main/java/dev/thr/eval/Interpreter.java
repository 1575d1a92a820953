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
    private final ThrThread main = new ThrThread("MainThread", false, true);
    private final ThreadContext mainContext = new ThreadContext(this, main);

    public Interpreter(Scheduler scheduler, Library library) {
        this.scheduler = scheduler;
        this.library = library;
        main.running(-1);
        live.add(main);
    }

    public Scheduler scheduler() { return scheduler; }

    public GlobalTable globalTable() { return globalTable; }

    public ThrThread mainThread() { return main; }

    public ThreadContext mainContext() { return mainContext; }

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

    /** The live threads, main first, then in no particular order. */
    public List<ThrThread> threads() {
        List<ThrThread> out = new ArrayList<>();
        out.add(main);
        for (ThrThread t : live) if (t != main && t.alive()) out.add(t);
        return out;
    }

    /** `Thread-N` numbers count every thread made, as Python's do. */
    public String autoName(String function) {
        int n = threadNumbers.incrementAndGet();
        return function == null || function.equals("<spawn>") ? "Thread-" + n : "Thread-" + n + " (" + function + ")";
    }

    /** Makes a thread that will call target(args) once started. */
    public ThrThread newThread(Callable target, Object[] args, String[] names, String name, boolean daemon) {
        ThrThread t = new ThrThread(name != null ? name : autoName(target.name()), daemon, false);
        t.body(() -> runThread(t, target, args, names));
        t.startSignal(scheduler.newMonitor());
        return t;
    }

    public void start(ThrThread t) {
        if (!t.claimStart()) throw ThrError.runtime("threads can only be started once");
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

    private void runThread(ThrThread t, Callable target, Object[] args, String[] names) {
        ThreadContext ctx = new ThreadContext(this, t);
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
        }
    }

    /** Waits for every non-daemon thread, including ones started while waiting, as Python does at exit. */
    public void awaitNonDaemonThreads() throws InterruptedException {
        while (true) {
            ThrThread next = null;
            for (ThrThread t : live) {
                if (t != main && !t.daemon() && t.strand() != null) {
                    next = t;
                    break;
                }
            }
            if (next == null) return;
            next.strand().join(-1);
            live.remove(next);
        }
    }

    /** Asks every thread but the caller to stop (used at exit for daemon threads and by hosts). */
    public void interruptAll() {
        for (ThrThread t : live) if (t != main && t.strand() != null) t.strand().interrupt();
    }
}
