package dev.thr.runtime;

import dev.thr.value.ThrError;
import dev.thr.value.Values;
import java.util.ArrayDeque;

/**
 * `queue(maxsize)`: Python's queue.Queue. FIFO, bounded when maxsize > 0; put waits while it is
 * full, get while it is empty; task_done and join count unfinished items. It loses no item:
 * every put that returns has its item taken by exactly one get.
 */
public final class ThrQueue extends SyncObject implements Values.Sized {
    private final Monitor.Condition notEmpty = monitor.newCondition();
    private final Monitor.Condition notFull = monitor.newCondition();
    private final Monitor.Condition allDone = monitor.newCondition();
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private final long maxsize;
    /** A host's cap on the items any queue holds (0: none): a put past it is a LimitError. */
    private final long cap;
    private long unfinished;
    /** Items put and taken so far: FIFO, so the n-th get takes the n-th put's item (a trace links them). */
    private long puts, gets;

    public ThrQueue(Scheduler scheduler, long maxsize) {
        this(scheduler, maxsize, 0);
    }

    public ThrQueue(Scheduler scheduler, long maxsize, long cap) {
        super(scheduler);
        this.maxsize = Math.max(0, maxsize);
        this.cap = cap;
    }

    /** Puts an item, waiting for room; raises Full when the timeout runs out (or at once when block is false). */
    public void put(ThrThread self, Object item, boolean block, long timeoutNanos) throws InterruptedException {
        stopCheck(self);
        long deadline = deadline(block ? timeoutNanos : 0);
        monitor.lock();
        try {
            while (maxsize > 0 && items.size() >= maxsize) {
                if (!block || !await(notFull, deadline, self, ThreadState.WAITING, "put")) throw full();
            }
            if (cap > 0 && items.size() >= cap) {
                throw new ThrError("LimitError", "a queue may hold at most " + cap + " items");
            }
            items.addLast(item == null ? NIL : item);
            unfinished++;
            record(self, EventLog.Kind.PUT, ++puts);
            notEmpty.signal();
        } finally {
            monitor.unlock();
        }
    }

    /** Takes the oldest item, waiting for one; raises Empty when the timeout runs out (or at once when block is false). */
    public Object get(ThrThread self, boolean block, long timeoutNanos) throws InterruptedException {
        stopCheck(self);
        long deadline = deadline(block ? timeoutNanos : 0);
        monitor.lock();
        try {
            while (items.isEmpty()) {
                if (!block || !await(notEmpty, deadline, self, ThreadState.WAITING, "get")) throw empty();
            }
            Object item = items.pollFirst();
            record(self, EventLog.Kind.GET, ++gets);
            notFull.signal();
            return item == NIL ? null : item;
        } finally {
            monitor.unlock();
        }
    }

    public void taskDone() {
        enter();
        try {
            if (unfinished <= 0) throw ThrError.value("task_done() called more times than there were items");
            if (--unfinished == 0) allDone.signalAll();
        } finally {
            monitor.unlock();
        }
    }

    /** Waits until every item put has been marked done. */
    public void join(ThrThread self) throws InterruptedException {
        monitor.lock();
        try {
            while (unfinished > 0) await(allDone, Long.MAX_VALUE, self, ThreadState.WAITING, "join");
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public boolean stillBlocks(ThrThread waiter, String op) {
        enter();
        try {
            return switch (op) {
                case "get" -> items.isEmpty();
                case "put" -> maxsize > 0 && items.size() >= maxsize;
                default -> unfinished > 0;
            };
        } finally {
            monitor.unlock();
        }
    }

    /** Items put and not yet marked done (what join waits for). */
    public long unfinished() {
        return read(() -> unfinished);
    }

    @Override
    public long length() {
        enter();
        try {
            return items.size();
        } finally {
            monitor.unlock();
        }
    }

    public boolean isEmpty() { return length() == 0; }

    public boolean isFull() { return maxsize > 0 && length() >= maxsize; }

    public long maxsize() { return maxsize; }

    private static ThrError full() { return new ThrError("QueueFull", "the queue is full"); }

    private static ThrError empty() { return new ThrError("QueueEmpty", "the queue is empty"); }

    /** ArrayDeque holds no nulls, and nil is a fine item (a sentinel, often). */
    private static final Object NIL = new Object();

    @Override public String typeName() { return "queue"; }

    @Override public String toString() { return "<queue " + length() + (maxsize > 0 ? "/" + maxsize : "") + ">"; }
}
