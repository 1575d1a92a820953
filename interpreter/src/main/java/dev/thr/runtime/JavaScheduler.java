package dev.thr.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/** The scheduler on real JVM threads: platform threads, or virtual threads when asked. */
public final class JavaScheduler implements Scheduler {
    /**
     * Room for the recursion limit (1000 thr calls, each a dozen or so Java frames, larger
     * before the JIT compiles them). Only reserved: memory is committed as the stack is used.
     * Virtual threads cannot be given a size: their limit is the JVM's -Xss, which the
     * launcher sets to the same.
     */
    static final long STACK_BYTES = 16L << 20;

    private final boolean virtual;
    /** A host's factory for the threads programs spawn; null for thr's own. */
    private final java.util.concurrent.ThreadFactory factory;
    private final RandomGenerator random;
    private final Output out;
    private final Output err;
    /** Threads main programs run on one after another, when the host asked for them; else null. */
    private final MainCarriers carriers;

    public JavaScheduler(boolean virtual, Long seed, Output out, Output err) {
        this(virtual, null, seed, out, err);
    }

    public JavaScheduler(boolean virtual, java.util.concurrent.ThreadFactory factory, Long seed, Output out, Output err) {
        this(virtual, factory, seed, out, err, false);
    }

    public JavaScheduler(boolean virtual, java.util.concurrent.ThreadFactory factory, Long seed, Output out, Output err,
                         boolean reuseMainThreads) {
        this.carriers = reuseMainThreads ? new MainCarriers(STACK_BYTES) : null;
        this.virtual = virtual;
        this.factory = factory;
        this.out = out;
        this.err = err;
        this.random = seed == null ? new java.util.Random() : new LockedRandom(seed);
    }

    @Override
    public Strand newStrand(String name, boolean daemon, Runnable body) {
        if (factory != null) {
            Thread made;
            try {
                made = factory.newThread(body);
            } catch (RuntimeException e) { // a pool shut down, a container's refusal
                throw new CannotStart("the host's thread factory failed: " + e);
            }
            if (made == null) throw new CannotStart("the host's thread factory refused");
            made.setName(name);
            if (!made.isVirtual()) made.setDaemon(daemon);
            return new JavaStrand(made);
        }
        Thread thread = virtual
                ? Thread.ofVirtual().name(name).unstarted(body)
                : Thread.ofPlatform().name(name).daemon(daemon).stackSize(STACK_BYTES).unstarted(body);
        return new JavaStrand(thread);
    }

    @Override
    public Strand newMainStrand(String name, Runnable body) {
        if (carriers != null) return carriers.strand(name, body);
        return new JavaStrand(Thread.ofPlatform().name(name).stackSize(STACK_BYTES).unstarted(body));
    }

    @Override
    public Strand currentStrand() { return new JavaStrand(Thread.currentThread()); }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        if (nanos <= 0) {
            if (Thread.interrupted()) throw new InterruptedException();
            Thread.yield();
            return;
        }
        TimeUnit.NANOSECONDS.sleep(nanos);
    }

    @Override
    public boolean checkpoint() { return Thread.currentThread().isInterrupted(); }

    @Override public long nanoTime() { return System.nanoTime(); }

    @Override
    public long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override public RandomGenerator random() { return random; }

    @Override public Monitor newMonitor() { return new JavaMonitor(); }

    @Override public Output out() { return out; }

    @Override public Output err() { return err; }

    @Override public String kind() { return virtual ? "virtual" : "platform"; }

    @Override
    public long nativeThreadId() {
        if (Thread.currentThread().isVirtual()) return -1;
        try {
            // On Linux, /proc/thread-self links to "<pid>/task/<tid>": the id ps and top show.
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
        } catch (Exception | Error e) {
            return Thread.currentThread().threadId();
        }
    }

    private record JavaStrand(Thread thread) implements Strand {
        @Override
        public void start() {
            try {
                thread.start();
            } catch (OutOfMemoryError e) { // "unable to create native thread": the system's limit
                throw new CannotStart(e.getMessage());
            }
        }

        @Override
        public boolean join(long nanos) throws InterruptedException { return realJoin(thread, nanos); }

        @Override
        public boolean hasNativeId() { return !thread.isVirtual(); }

        @Override public boolean isAlive() { return thread.isAlive(); }
        @Override public void interrupt() { thread.interrupt(); }
        @Override public long id() { return thread.threadId(); }
    }

    /**
     * Waits in real time for a Java thread to end; false if `nanos` (negative: no limit) ran
     * out first. A thread being started by another may not have started yet: wait until it has.
     */
    static boolean realJoin(Thread thread, long nanos) throws InterruptedException {
        long until = nanos < 0 ? Long.MAX_VALUE : System.nanoTime() + nanos;
        while (thread.getState() == Thread.State.NEW) {
            if (System.nanoTime() >= until) return false;
            Thread.sleep(1);
        }
        if (nanos < 0) {
            thread.join();
            return true;
        }
        return thread.join(java.time.Duration.ofNanos(Math.max(1, until - System.nanoTime())));
    }

    private static final class JavaMonitor implements Monitor {
        private final ReentrantLock lock = new ReentrantLock();

        @Override public void lock() throws InterruptedException { lock.lockInterruptibly(); }
        @Override public void unlock() { lock.unlock(); }

        @Override
        public Condition newCondition() {
            java.util.concurrent.locks.Condition c = lock.newCondition();
            return new Condition() {
                @Override
                public boolean await(long nanos) throws InterruptedException {
                    if (nanos < 0) {
                        c.await();
                        return true;
                    }
                    return c.awaitNanos(nanos) > 0;
                }

                @Override public void signal() { c.signal(); }
                @Override public void signalAll() { c.signalAll(); }
            };
        }
    }

    /** A seeded generator shared by threads: the seed makes a single-threaded run repeatable. */
    static final class LockedRandom implements RandomGenerator {
        private final SplittableRandom random;

        LockedRandom(long seed) { this.random = new SplittableRandom(seed); }

        @Override public synchronized long nextLong() { return random.nextLong(); }
        @Override public synchronized double nextDouble() { return random.nextDouble(); }
    }

}
