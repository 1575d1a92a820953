package dev.thr.api;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry point for running thr from Java:
 * <pre>{@code
 * ThrEngine engine = Thr.builder().stdout(writer).seed(42L).build();
 * engine.eval("print 1 + 1");
 * }</pre>
 * A builder is not thread-safe; the engine it builds is (see ThrEngine).
 */
public final class Thr {
    private Thr() {}

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        // null: the process's own streams, made at build() (an engine built for a few
        // milliseconds, as an exploration makes thousands, should not pay for buffers it never uses)
        Writer out;
        Writer err;
        boolean virtualThreads;
        boolean reuseMainThreads;
        java.util.concurrent.ThreadFactory threadFactory;
        Long seed;
        java.io.Reader stdin;
        ThrEngine libraryOf;
        int maxLiveThreads;
        long maxThreads;
        long maxQueueSize;
        long maxOutput;
        java.time.Duration timeout;
        boolean detectDeadlocks = true;
        int record;
        Long simulate;
        dev.thr.eval.Tier tier = dev.thr.eval.Tier.fromProperty();
        dev.thr.runtime.Strategy strategy;
        final Map<String, Object> globals = new LinkedHashMap<>();
        final Map<String, HostFunction> functions = new LinkedHashMap<>();

        private Builder() {}

        /** Where `print` writes (default: System.out). */
        public Builder stdout(Writer out) { this.out = out; return this; }

        /** Where errors from threads are reported (default: System.err). */
        public Builder stderr(Writer err) { this.err = err; return this; }

        /** Run spawned threads as virtual threads instead of platform threads. */
        public Builder virtualThreads(boolean virtual) { this.virtualThreads = virtual; return this; }

        /**
         * Runs one main program after another on the same few platform threads of this engine
         * (idle ones end after 10 s) instead of a new thread per run: for a host that runs many
         * short snippets on one engine from one thread, as the REPL does (making a thread costs
         * more than a one-line snippet takes). Off by default: a reused thread keeps the context
         * class loader and inheritable thread-locals of the host thread that made it.
         */
        public Builder reuseMainThreads(boolean reuse) { this.reuseMainThreads = reuse; return this; }

        /**
         * Makes the threads programs spawn (an application server's managed threads, say)
         * instead of thr's own platform or virtual threads. thr names each thread and sets its
         * daemon flag before starting it. When the factory returns null, or the thread cannot
         * start, the program gets `RuntimeError: can't start new thread` where it started it.
         * Simulated engines make their own threads and do not use it.
         */
        public Builder threadFactory(java.util.concurrent.ThreadFactory factory) { this.threadFactory = factory; return this; }

        /** Seed random(), uniform() and randint() for repeatable runs; null for a random seed. */
        public Builder seed(Long seed) { this.seed = seed; return this; }

        /** Where `input()` reads lines from (default: System.in). */
        public Builder stdin(java.io.Reader in) { this.stdin = in; return this; }

        /** A module variable the script can read: numbers, strings, booleans, null, List and Map convert. */
        public Builder global(String name, Object value) { globals.put(name, value); return this; }

        /** A function scripts can call by this name. */
        public Builder function(String name, HostFunction function) { functions.put(name, function); return this; }

        /** At most this many threads running at once (the main program not counted). */
        public Builder maxLiveThreads(int n) { this.maxLiveThreads = n; return this; }

        /** At most this many threads started in all. */
        public Builder maxThreads(long n) { this.maxThreads = n; return this; }

        /** At most this many items in any one queue. */
        public Builder maxQueueSize(long n) { this.maxQueueSize = n; return this; }

        /** At most this many characters printed in all. */
        public Builder maxOutput(long chars) { this.maxOutput = chars; return this; }

        /**
         * At most this long for one run (eval, run, runMain), its threads included: then every
         * thread is stopped and the run fails with a LimitError.
         */
        public Builder timeout(java.time.Duration timeout) { this.timeout = timeout; return this; }

        /**
         * Whether a run whose threads can never go on is stopped and fails with a DeadlockError
         * (default: yes). A host that wakes a script's threads from outside while all of them
         * wait (a host function returning only later does not count: its thread is running)
         * can turn it off.
         */
        public Builder detectDeadlocks(boolean detect) { this.detectDeadlocks = detect; return this; }

        /**
         * Records what every thread does (states, waits, queue and lock operations) from the
         * engine's start, for {@link ThrEngine#timeline}, {@link ThrEngine#timelineHtml} and
         * {@link ThrEngine#trace}. Each thread writes its own log, of at most a million events
         * (about 60 MB); off (the default), nothing is kept.
         */
        public Builder record(boolean record) { this.record = record ? 1_000_000 : 0; return this; }

        /** Records as record(true) does, keeping at most this many events a thread (later ones are counted, not kept). */
        public Builder record(int eventsPerThread) { this.record = Math.max(0, eventsPerThread); return this; }

        /**
         * Runs programs on a deterministic scheduler: one thread at a time, switching where the
         * seed says, with a virtual clock for sleeps and timeouts. The same program and seed
         * give the same output, every time. random() draws from the same seed.
         */
        public Builder simulate(long seed) { this.simulate = seed; this.strategy = null; return this; }

        /**
         * Simulates as simulate(seed) does, but switches threads where `schedule` says (as
         * `thr --explore` prints it: `2.4:1,3.9:2`, when thread 2 is at its 4th scheduling
         * point thread 1 runs, ...), and otherwise lets each thread go on until it waits. The
         * seed still seeds random().
         *
         * @throws IllegalArgumentException when the schedule cannot be read
         */
        public Builder simulate(long seed, String schedule) {
            return simulate(seed, dev.thr.runtime.Schedule.parse(schedule));
        }

        /** Simulates with `strategy` choosing who runs at each point (what the explorer uses). */
        public Builder simulate(long seed, dev.thr.runtime.Strategy strategy) {
            this.simulate = seed;
            this.strategy = strategy;
            return this;
        }

        /**
         * Which tier runs compiled code (default: bytecode, or what the system property thr.tier
         * names): both mean the same program, the tree starts its code sooner, bytecode runs
         * it faster.
         */
        public Builder tier(dev.thr.eval.Tier tier) { this.tier = java.util.Objects.requireNonNull(tier); return this; }

        /**
         * Shares the builtins of an engine built before (they never change once made): an
         * engine built this way starts faster, which counts when a program runs in many.
         */
        public Builder builtinsOf(ThrEngine engine) { this.libraryOf = engine; return this; }

        public ThrEngine build() {
            if (out == null) out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            if (err == null) err = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);
            return new ThrEngine(this);
        }
    }
}
