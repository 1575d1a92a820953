package dev.thr.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The platform threads main programs run on, kept between runs. Making, starting and ending a
 * thread costs about 150 µs here: for a REPL fed 5,000 pasted lines, or a host calling eval in
 * a loop, that was most of the time. A carrier runs one main program after another; one left
 * idle for {@link #IDLE_NANOS} ends. Several runs at once each get a carrier of their own.
 */
final class MainCarriers {
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ArrayDeque<Carrier> idle = new ArrayDeque<>();
    private final long stackBytes;

    MainCarriers(long stackBytes) {
        this.stackBytes = stackBytes;
    }

    /** A strand for one main program, on an idle carrier or a new one (started by the strand's start()). */
    Strand strand(String name, Runnable body) {
        Carrier carrier;
        synchronized (idle) {
            carrier = idle.pollFirst();
        }
        if (carrier == null) carrier = new Carrier();
        return new Run(carrier, name, body);
    }

    /** One main program on a carrier: alive from start() until its body has returned. */
    private static final class Run implements Strand {
        final Carrier carrier;
        final String name;
        final Runnable body;
        final CountDownLatch done = new CountDownLatch(1);
        /** Guarded by this: whether the body is running, so an interrupt reaches only this run. */
        private boolean running, started;

        Run(Carrier carrier, String name, Runnable body) {
            this.carrier = carrier;
            this.name = name;
            this.body = body;
        }

        @Override
        public void start() {
            synchronized (this) {
                started = true;
                running = true;
            }
            try {
                carrier.hand(this);
            } catch (CannotStart e) {
                synchronized (this) {
                    started = false;
                    running = false;
                }
                throw e;
            }
        }

        @Override
        public boolean join(long nanos) throws InterruptedException {
            if (nanos < 0) {
                done.await();
                return true;
            }
            return done.await(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public synchronized boolean isAlive() { return started && done.getCount() > 0; }

        @Override
        public synchronized void interrupt() {
            if (running) carrier.thread.interrupt();
        }

        @Override
        public long id() { return carrier.thread.threadId(); }

        /** Called by the carrier when the body has returned, before its interrupt flag is cleared. */
        synchronized void ended() { running = false; }
    }

    private final class Carrier {
        final Thread thread;
        private volatile Run next;
        private boolean threadStarted;

        Carrier() {
            thread = Thread.ofPlatform().name("thr-main").daemon(true).stackSize(stackBytes).unstarted(this::loop);
        }

        void hand(Run run) {
            next = run;
            if (!threadStarted) {
                threadStarted = true;
                try {
                    thread.start();
                } catch (OutOfMemoryError e) { // "unable to create native thread": the system's limit
                    throw new CannotStart(e.getMessage());
                }
            } else {
                LockSupport.unpark(thread);
            }
        }

        private void loop() {
            while (true) {
                Run run = next;
                next = null;
                thread.setName(run.name);
                try {
                    run.body.run();
                } catch (Throwable t) { // the body reports its own errors: this is a last resort, as for a thread of its own
                    thread.getThreadGroup().uncaughtException(thread, t);
                } finally {
                    run.ended();
                    Thread.interrupted(); // an interrupt meant for this run must not reach the next one
                    thread.setName("thr-main");
                    synchronized (idle) {
                        idle.addFirst(this); // before the run is seen to end: the next run, started at once, takes this thread
                    }
                    run.done.countDown();
                }
                if (!awaitNext()) return;
            }
        }

        /** Idle (already on the idle list, most recently used first) until the next run is handed over (true), or too long (false: this carrier ends). */
        private boolean awaitNext() {
            long until = System.nanoTime() + IDLE_NANOS;
            while (next == null) {
                long left = until - System.nanoTime();
                if (left > 0) {
                    LockSupport.parkNanos(this, left);
                    continue;
                }
                synchronized (idle) {
                    if (idle.remove(this)) return false;
                }
                // taken from the idle ones just now: its run is on the way
                while (next == null) LockSupport.park(this);
            }
            return true;
        }
    }
}
