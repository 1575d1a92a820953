package dev.thr.eval;

import dev.thr.runtime.ThrThread;
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
    /** Set when the run is being stopped: no thread of it may start from then on. */
    volatile boolean stopping;

    Run(ThrThread main) {
        this.main = main;
    }

    public ThrThread main() { return main; }
}
