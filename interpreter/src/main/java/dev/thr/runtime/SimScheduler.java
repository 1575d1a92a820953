package dev.thr.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * A deterministic scheduler: thr threads are still Java threads, but only one runs at a time,
 * and which one runs next, at every scheduling point, is chosen by a generator seeded with the
 * run's seed. Time is virtual: sleeps and timeouts wait on a clock that moves only when no
 * thread can run, straight to the earliest timer, so a program that sleeps for seconds runs
 * in milliseconds. The same program and seed give the same run, on any machine under any load.
 *
 * <p>Scheduling points: starting a thread, every checkpoint (loop turns, calls, print), every
 * lock of a sync object's monitor, waits, sleeps and joins. Everything here is guarded by one
 * lock, the world's; a thread holds the "baton" while it runs thr code, and hands it over at
 * each point. Threads that are not the scheduler's (the host's, the deadlock watch) may still
 * lock monitors: they wait for the owner to let go, and never hold the baton.
 */
public final class SimScheduler implements Scheduler {
    /** time() under simulation starts here: 2026-01-01T00:00:00Z, so that it repeats too. */
    static final long EPOCH_NANOS = 1_767_225_600L * 1_000_000_000L;

    final ReentrantLock world = new ReentrantLock();
    /** Signalled when a monitor a thread outside the simulation waits for is let go. */
    final Condition released = world.newCondition();
    private final Strategy strategy;
    /** Whether the strategy wants to hear what the threads do. */
    private final boolean watched;
    /** Whether it wants the values too (Strategy.hearsValues). */
    private final boolean hears;
    private final RandomGenerator random;
    private final boolean virtual;
    private final Output out;
    private final Output err;
    private final long seed;

    // ---- guarded by world ----
    private final VirtualClock clock = new VirtualClock();
    private long strandIds;
    /** The strand holding the baton; null when none runs (all wait, or none is started). */
    SimStrand running;
    /** Started strands that are not daemons and have not ended: when none is left, the program is over. */
    private int liveNonDaemons;
    /** Told when every strand waits and no timer is left (a deadlock, for whoever looks). */
    private Runnable stuck;
    /** Strands that can run, in the order they became able to: the choice is an index into it. */
    private final List<SimStrand> runnable = new ArrayList<>();
    private final Map<Thread, SimStrand> byThread = new HashMap<>();

    public SimScheduler(long seed, boolean virtual, Output out, Output err) {
        this(seed, new RandomWalk(seed), virtual, out, err);
    }

    /** Runs with `strategy` choosing who runs; the seed still seeds random(). */
    public SimScheduler(long seed, Strategy strategy, boolean virtual, Output out, Output err) {
        this.seed = seed;
        this.strategy = strategy;
        this.watched = strategy.watches();
        this.hears = watched && strategy.hearsValues();
        this.random = new JavaScheduler.LockedRandom(new SplittableRandom(seed).split().nextLong());
        this.virtual = virtual;
        // output is shared by every thread, and a print's point is not the only way to it (an
        // error report at a thread's end): a strategy that watches hears of every write
        this.out = watched ? text -> { shared(OUTPUT); out.write(text); } : out;
        this.err = watched ? text -> { shared(OUTPUT); err.write(text); } : err;
    }

    public long seed() { return seed; }

    // ---- strands ----

    final class SimStrand implements Strand {
        final Thread thread;
        final long id;
        final boolean daemon;
        final Condition turn = world.newCondition();
        boolean started, finished, interrupted;
        /** Set by interrupt() and never cleared: a strand being stopped may still run to unwind when the program is over. */
        boolean stopping;
        /** Set while it waits: woken by a signal, a timer, an end it joined, or an interrupt. */
        boolean waiting;
        boolean timedOut;
        VirtualClock.Timer timer;
        final List<SimStrand> joiners = new ArrayList<>();
        /** Its reads since it last wrote or waited or its spinning last moved the clock (see SPIN). */
        int busy;
        /** How far the clock moves when it spins on. */
        long spinStep = VirtualClock.SPIN_STEP;

        SimStrand(Thread thread, long id, boolean daemon) {
            this.thread = thread;
            this.id = id;
            this.daemon = daemon;
        }

        @Override
        public void start() {
            thread.start(); // the real thread first waits for its turn (see enter)
            world.lock();
            try {
                touched(THREADS, true);
                started = true;
                if (!daemon) liveNonDaemons++;
                makeRunnable(this);
                SimStrand self = current();
                if (self != null) {
                    pass(self);
                    touched(THREADS, true); // what follows a point inside an operation is still the operation
                } else if (running == null) {
                    handOver();
                }
            } finally {
                world.unlock();
            }
        }

        @Override
        public boolean join(long nanos) throws InterruptedException {
            world.lock();
            try {
                SimStrand self = current();
                if (self == null) {
                    // the host (or another outsider) waits on real time for the real thread
                    world.unlock();
                    try {
                        return JavaScheduler.realJoin(thread, nanos);
                    } finally {
                        world.lock();
                    }
                }
                touched(this, true);
                pass(self);
                touched(this, true);
                if (finished) return true;
                if (nanos == 0) return false;
                throwIfInterrupted(self);
                joiners.add(self);
                block(self, nanos, this);
                joiners.remove(self);
                throwIfInterrupted(self);
                return finished;
            } finally {
                world.unlock();
            }
        }

        @Override
        public boolean isAlive() {
            world.lock();
            try {
                touched(this, false);
                return started && !finished;
            } finally {
                world.unlock();
            }
        }

        @Override
        public void interrupt() {
            world.lock();
            try {
                touched(this, true);
                interrupted = true;
                if (watched && !stopping) strategy.stopping(this);
                stopping = true;
                if (waiting) wake(this, false);
                if (running == null) handOver();
            } finally {
                world.unlock();
            }
        }

        @Override public long id() { return id; }

        @Override public String name() { return thread.getName(); }
    }

    /**
     * Strands are virtual threads, the main program's too: handing the baton from one virtual
     * thread to another is a cheap park and unpark, where platform threads would need the
     * operating system to switch (tens of times slower on a lock-heavy program). Their stack
     * is the JVM's -Xss, which the launcher sets high enough for the recursion limit.
     */
    @Override
    public Strand newStrand(String name, boolean daemon, Runnable body) {
        return strand(name, body, true, daemon);
    }

    @Override
    public Strand newMainStrand(String name, Runnable body) {
        return strand(name, body, true, false);
    }

    private SimStrand strand(String name, Runnable body, boolean asVirtual, boolean daemon) {
        world.lock();
        try {
            touched(THREADS, true); // strands are numbered in the order they are made
            SimStrand[] made = new SimStrand[1];
            Runnable inSim = () -> {
                enter(made[0]);
                try {
                    body.run();
                } finally {
                    leave(made[0]);
                }
            };
            Thread t = asVirtual ? Thread.ofVirtual().name(name).unstarted(inSim)
                    : Thread.ofPlatform().name(name).daemon(true).stackSize(JavaScheduler.STACK_BYTES).unstarted(inSim);
            made[0] = new SimStrand(t, ++strandIds, daemon);
            byThread.put(t, made[0]);
            return made[0];
        } finally {
            world.unlock();
        }
    }

    /** A strand's real thread starts by waiting for its first turn. */
    private void enter(SimStrand self) {
        world.lock();
        try {
            while (running != self) self.turn.awaitUninterruptibly();
        } finally {
            world.unlock();
        }
    }

    /** A strand's end: its joiners can run, and the baton goes on without it. */
    private void leave(SimStrand self) {
        world.lock();
        try {
            self.finished = true;
            if (watched) strategy.ended(self);
            if (!self.daemon) liveNonDaemons--;
            for (SimStrand j : self.joiners) if (j.waiting) wake(j, false);
            self.joiners.clear();
            byThread.remove(self.thread);
            runnable.remove(self);
            running = null;
            handOver();
        } finally {
            world.unlock();
        }
    }

    /** The calling thread's strand, or null for a thread outside the simulation. World held. */
    SimStrand current() {
        // nearly always the strand holding the baton asks: no map lookup for it (world held)
        SimStrand r = running;
        Thread me = Thread.currentThread();
        return r != null && r.thread == me ? r : byThread.get(me);
    }

    private void makeRunnable(SimStrand s) {
        if (!runnable.contains(s)) runnable.add(s);
    }

    /** Ends a strand's wait (world held): by its timer (timedOut) or by anything else. */
    void wake(SimStrand s, boolean byTimer) {
        s.waiting = false;
        s.timedOut = byTimer;
        if (s.timer != null && !byTimer) clock.cancel(s.timer);
        s.timer = null;
        makeRunnable(s);
    }

    /**
     * Gives the baton to the next strand, chosen by the seed among those that can run; when
     * none can, moves the clock to the earliest timer. World held; `running` must be null or
     * the strand giving it up.
     */
    void handOver() {
        if (liveNonDaemons == 0) {
            // the program is over: daemons do no more (the host stops them), except to unwind
            // when they are being stopped; the clock stands still
            for (SimStrand s : runnable) {
                if (s.stopping) {
                    running = s;
                    s.turn.signal();
                    return;
                }
            }
            running = null;
            return;
        }
        // a strand being stopped unwinds first, and without a choice: it is stopped from
        // outside (a deadlock found, a cancel) at a moment no seed decides, and what it does
        // then is no part of the run that a strategy explores
        for (SimStrand s : runnable) {
            if (s.stopping) {
                running = s;
                s.turn.signal();
                return;
            }
        }
        if (runnable.isEmpty() && clock.hasTimers()) fireEarliest();
        if (runnable.isEmpty()) {
            running = null; // every strand waits, and nothing will wake one by itself
            if (stuck != null) stuck.run();
            return;
        }
        running = runnable.get(strategy.pick(runnable, -1, true));
        running.turn.signal();
    }

    /** Moves the clock to the earliest timer and wakes every strand whose timer is then due. World held. */
    private void fireEarliest() {
        for (SimStrand s : clock.fireEarliest()) {
            s.timer = null;
            wake(s, true);
        }
    }

    /** An interrupt that came is taken (and cleared) as an InterruptedException, as Java's waits do. */
    static void throwIfInterrupted(SimStrand self) throws InterruptedException {
        if (self.interrupted) {
            self.interrupted = false;
            throw new InterruptedException();
        }
    }

    /** A scheduling point that is not an access to shared state (a loop turn, a call, a lock's monitor). World held. */
    void pass(SimStrand self) {
        pass(self, false);
    }

    /** A read (true) or another access (false) by `self`. World held. */
    private void spinning(SimStrand self, boolean read) {
        if (VirtualClock.spins(self, read)) spun(self);
    }

    /** `self` has spun (see VirtualClock.SPIN): time passes. World held. */
    private void spun(SimStrand self) {
        if (watched) {
            strategy.shared(self, CLOCK, true);
            strategy.shared(self, THREADS, true); // a timer may wake a thread
        }
        self.busy = 0;
        if (clock.hasTimers()) {
            self.spinStep = VirtualClock.SPIN_STEP;
            fireEarliest(); // most often a thread spins on a flag that a sleeping one will set
        } else {
            clock.spinOn(self);
        }
    }

    /**
     * A scheduling point: self may go on, or another runs first. `visible`: the point is
     * before an access to shared state (see Access). World held.
     */
    void pass(SimStrand self, boolean visible) {
        if (running != self) return; // not holding the baton (cannot happen for a strand in thr code)
        if (liveNonDaemons == 0) return; // the program is over: a stopped daemon unwinds without a switch
        if (self.stopping) return; // nor does a strand being stopped (see handOver)
        makeRunnable(self);
        int me = runnable.indexOf(self);
        int next = strategy.pick(runnable, me, visible);
        if (next == me) return;
        running = runnable.get(next);
        running.turn.signal();
        while (running != self) self.turn.awaitUninterruptibly();
    }

    /** Waits (world held) until woken, or `nanos` of virtual time (negative: no timeout). */
    void block(SimStrand self, long nanos, Object on) {
        self.busy = 0;
        self.spinStep = VirtualClock.SPIN_STEP;
        runnable.remove(self);
        if (watched) {
            strategy.shared(self, THREADS, true);
            strategy.waits(self, on);
        }
        self.waiting = true;
        self.timedOut = false;
        if (nanos >= 0) self.timer = clock.set(self, nanos);
        if (running == self) {
            running = null;
            handOver();
        }
        while (running != self) self.turn.awaitUninterruptibly();
    }

    // ---- the Scheduler ----

    @Override
    public Strand currentStrand() {
        world.lock();
        try {
            SimStrand s = current();
            if (s == null) throw new IllegalStateException("not a thread of the simulation");
            return s;
        } finally {
            world.unlock();
        }
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        world.lock();
        try {
            SimStrand self = current();
            if (self == null) return;
            touched(CLOCK, true);
            throwIfInterrupted(self);
            if (nanos <= 0) {
                pass(self);
                touched(CLOCK, true);
            } else {
                block(self, nanos, CLOCK);
            }
            throwIfInterrupted(self);
        } finally {
            world.unlock();
        }
    }

    @Override
    public boolean checkpoint() {
        world.lock();
        try {
            SimStrand self = current();
            if (self == null) return false;
            pass(self);
            return self.interrupted;
        } finally {
            world.unlock();
        }
    }

    @Override
    public boolean checkpoint(Object site) {
        world.lock();
        try {
            SimStrand self = current();
            if (self == null) return false;
            if (watched) strategy.before(self, site);
            spinning(self, site instanceof Access a && (a.verb().equals("reads") || a.verb().equals("calls")));
            pass(self, true);
            return self.interrupted;
        } finally {
            world.unlock();
        }
    }

    @Override
    public void observe(Object site, Object value) {
        if (!hears) return;
        world.lock();
        try {
            SimStrand self = current();
            if (self != null) strategy.did(self, site, value);
        } finally {
            world.unlock();
        }
    }

    @Override public long nanoTime() {
        world.lock();
        try {
            if (current() != null) {
                touched(CLOCK, false);
                spinning(current(), true);
            }
            return clock.now();
        } finally {
            world.unlock();
        }
    }

    @Override public long epochNanos() { return EPOCH_NANOS + nanoTime(); }

    @Override public RandomGenerator random() {
        shared(RANDOM); // the run's one stream of numbers: who draws first gets the first
        return random;
    }

    @Override public Monitor newMonitor() { return new SimMonitor(this); }

    /** What the runtime itself shares between threads, as a strategy hears of it (see Strategy.shared). */
    static final Object THREADS = Scheduler.THREADS, CLOCK = "the clock", RANDOM = "random numbers", OUTPUT = "output";

    @Override
    public void shared(Object resource) {
        if (!watched) return;
        world.lock();
        try {
            touched(resource, true);
        } finally {
            world.unlock();
        }
    }

    /** The running strand reads or writes `resource` (see Strategy.shared). World held. */
    void touched(Object resource, boolean writes) {
        if (!watched) return;
        SimStrand s = current();
        if (s == null) return;
        strategy.shared(s, resource, writes);
        // a lock's, a strand's or a timer's change moves some thread between running, waiting
        // and sleeping, which `t.state` and `threads()` show: the thread table changes too
        if (resource instanceof SimMonitor || resource instanceof SimStrand || resource == CLOCK && writes) {
            strategy.shared(s, THREADS, true);
        }
    }

    @Override
    public long nativeThreadId() {
        world.lock();
        try {
            SimStrand s = current();
            return s == null ? -1 : 1000 + s.id;
        } finally {
            world.unlock();
        }
    }

    @Override public Output out() { return out; }

    @Override public Output err() { return err; }

    @Override public String kind() { return "simulated"; }

    @Override public boolean deterministic() { return true; }

    @Override
    public boolean stuck() {
        world.lock();
        try {
            return running == null && runnable.isEmpty() && !clock.hasTimers() && liveNonDaemons > 0;
        } finally {
            world.unlock();
        }
    }

    @Override
    public void onStuck(Runnable listener) {
        world.lock();
        try {
            stuck = listener;
        } finally {
            world.unlock();
        }
    }
}
