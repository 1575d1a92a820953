package dev.thr.eval;

import dev.thr.runtime.ThrThread;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of a program (an eval, a script, a REPL snippet): its main thread, the threads it
 * started, and its counts against the host's caps. Runs of one engine share globals but are
 * otherwise apart: waiting for "the program's threads", a timeout and a cap concern one run.
 */
public final class Run {
    final ThrThread main;
    /** Threads of this run that have started and not ended, the main one included. */
    final Set<ThrThread> threads = ConcurrentHashMap.newKeySet();
    final AtomicInteger live = new AtomicInteger();
    final AtomicLong started = new AtomicLong();
    final AtomicLong printed = new AtomicLong();
    /** Whether the error output said the output cap was reached. */
    final java.util.concurrent.atomic.AtomicBoolean capNoted = new java.util.concurrent.atomic.AtomicBoolean();
    /** Set when the run is being stopped: no thread of it may start from then on. */
    volatile boolean stopping;
    /** How many host calls are waiting for this run's threads to end. */
    final AtomicInteger awaited = new AtomicInteger();
    /** The report, when the run was stopped because its threads could never go on. */
    private volatile String deadlock;

    Run(ThrThread main) {
        this.main = main;
    }

    public ThrThread main() { return main; }

    /** Its threads that have started and not ended, the main one included (a snapshot). */
    public List<ThrThread> threads() { return List.copyOf(threads); }

    /** Whether someone will hear how the run ended: its main code still runs, or a host waits for it. */
    public boolean watched() { return main.alive() || awaited.get() > 0; }

    private boolean deadlockTaken;

    /** The deadlock report once, to the first who asks (then null): a report is given once. */
    public synchronized String takeDeadlock() {
        if (deadlock == null || deadlockTaken) return null;
        deadlockTaken = true;
        return deadlock;
    }

    /** Keeps the first deadlock report: the one that stopped the run. */
    synchronized void deadlock(String report) {
        if (deadlock == null) deadlock = report;
    }
}
