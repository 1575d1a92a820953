package dev.thr.insight;

import dev.thr.eval.Interpreter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches an engine's threads for deadlocks while it runs anything: a daemon thread that looks
 * a few times a second and stops when the engine has nothing running. Real threads give no
 * signal when they are stuck for good, so looking is the only way; a look costs a pass over
 * the live threads and nothing on theirs.
 */
public final class DeadlockWatch {
    /** Two agreeing looks confirm a deadlock, so one is reported within about 2 periods. */
    static final long PERIOD_MILLIS = 200;
    static final long STUCK_RECHECK_NANOS = 5_000_000;

    private final Interpreter interpreter;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Cycles of daemon threads already reported (they stay stuck, and are not stopped). */
    private final java.util.Set<java.util.List<Deadlocks.Stuck>> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Under a deterministic scheduler a state seen once holds: one look confirms. */
    private final boolean exact;
    private volatile Thread watcher;

    public DeadlockWatch(Interpreter interpreter) {
        this.interpreter = interpreter;
        this.exact = interpreter.scheduler().deterministic();
        interpreter.scheduler().onStuck(this::poke);
    }

    /**
     * Makes sure the watch runs; called once a run has gone on for a moment, or when its main
     * code ends with threads left (ThrEngine.joinMain), and cheap when it already runs.
     * Under a deterministic scheduler the watch starts only when the scheduler says nothing
     * can run (see poke): most simulated runs never get stuck, and an exploration makes
     * thousands of them.
     */
    public void watch() {
        if (!exact) start();
    }

    private void start() {
        if (running.compareAndSet(false, true)) {
            try {
                // its class readied here, not at the first look: by then the program may have
                // filled the heap, and a class whose initialization failed stays failed
                Deadlocks.ready();
                watcher = Thread.ofPlatform().daemon(true).name("thr-deadlock-watch").start(this::loop);
            } catch (OutOfMemoryError | LinkageError e) {
                // the program has filled the heap already: it gets its MemoryError, and this
                // run goes unwatched (a later watch() tries again)
                running.set(false);
            }
        }
    }

    /** Looks at once (the scheduler says nothing can run): no waiting for the next period. */
    private void poke() {
        if (exact) start();
        Thread w = watcher;
        if (w != null) java.util.concurrent.locks.LockSupport.unpark(w);
    }

    private void loop() {
        Deadlocks.Finding suspect = null;
        // a simulated run may be stuck before this thread got going: look at once
        long pause = exact ? 0 : PERIOD_MILLIS * 1_000_000L;
        while (true) {
            java.util.concurrent.locks.LockSupport.parkNanos(pause);
            pause = PERIOD_MILLIS * 1_000_000L;
            if (Thread.interrupted()) {
                running.set(false);
                return;
            }
            if (!interpreter.hasRuns()) { // (asked without making anything: the heap may be full)
                // idle: stop, unless a run started as we were stopping (watch() saw us running)
                running.set(false);
                if (!interpreter.hasRuns() || !running.compareAndSet(false, true)) return;
                continue;
            }
            if (exact && !interpreter.scheduler().stuck()) {
                // a simulated run is looked at only when it cannot move: a look while it runs
                // would take monitors its threads need, and change the schedule
                suspect = null;
                continue;
            }
            try {
                Deadlocks.Finding found = Deadlocks.look(interpreter);
                // stuck, but nobody waiting for the threads yet (the host is about to): look again soon
                if (exact && found == null) pause = STUCK_RECHECK_NANOS;
                // a deterministic scheduler that says nothing can run confirms at once; real
                // threads need two looks a period apart that agree
                boolean confirmed = exact ? interpreter.scheduler().stuck() : found != null && found.sameAs(suspect);
                if (found != null && confirmed && Deadlocks.stillStuck(found) && !reported.contains(found.threads())) {
                    String report = Deadlocks.report(found);
                    if (found.stop().isEmpty()) {
                        // daemons stuck for good: say so once, and let the program go on
                        reported.add(found.threads());
                        interpreter.scheduler().err().write(report);
                    } else {
                        interpreter.deadlocked(found.stop(), report);
                    }
                    suspect = null;
                } else {
                    suspect = found;
                }
            } catch (OutOfMemoryError e) {
                // the program has filled the heap: it gets its MemoryError; this look waits
                suspect = null;
            } catch (RuntimeException e) {
                // a look that failed (a thread changed under it in a way not foreseen) must not
                // end the watch: the next look starts afresh
                suspect = null;
            }
        }
    }
}
