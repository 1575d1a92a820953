package dev.thr.builtins;

import static dev.thr.eval.Signature.of;

import dev.thr.diag.Span;
import dev.thr.eval.Blocking;
import dev.thr.eval.Callable;
import dev.thr.eval.ThreadContext;
import dev.thr.runtime.Lockable;
import dev.thr.runtime.Named;
import dev.thr.runtime.ThrBarrier;
import dev.thr.runtime.ThrCondition;
import dev.thr.runtime.ThrEvent;
import dev.thr.runtime.ThrLocal;
import dev.thr.runtime.ThrLock;
import dev.thr.runtime.ThrQueue;
import dev.thr.runtime.ThrRLock;
import dev.thr.runtime.ThrSemaphore;
import dev.thr.value.Cancelled;
import dev.thr.value.ThrError;
import dev.thr.value.Values;

/** queue, lock, rlock, condition, event, semaphore, barrier, local, and their methods. */
final class SyncBuiltins {
    private SyncBuiltins() {}

    /** A blocking call; an interrupt means the thread is being stopped. */
    interface Wait<T> {
        T run() throws InterruptedException;
    }

    static <T> T waiting(Wait<T> w) {
        try {
            return w.run();
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
    }

    /** Records where a sync object was made, and its number, for the reports that name it. */
    private static <T extends Named> T born(ThreadContext ctx, T made) {
        made.born(ctx.thread().site() instanceof Span s ? s : null, ctx.interpreter().nextObjectNumber());
        return made;
    }

    static void register(Registry r) {
        r.function("queue", of("queue", "maxsize="), (ctx, a) ->
                born(ctx, new ThrQueue(ctx.scheduler(), Args.integer(a[0], "maxsize", 0), ctx.interpreter().limits().queueSize())));
        r.function("lock", of("lock"), (ctx, a) -> born(ctx, new ThrLock(ctx.scheduler())));
        r.function("rlock", of("rlock"), (ctx, a) -> born(ctx, new ThrRLock(ctx.scheduler())));
        r.function("condition", of("condition", "lock="), (ctx, a) -> {
            Object lock = Args.or(a[0], null);
            if (lock == null) return born(ctx, new ThrCondition(ctx.scheduler(), born(ctx, new ThrRLock(ctx.scheduler())), true));
            if (!(lock instanceof ThrLock || lock instanceof ThrRLock)) {
                throw ThrError.type("condition needs a lock or rlock, not " + Values.typeName(lock));
            }
            return born(ctx, new ThrCondition(ctx.scheduler(), (Lockable) lock));
        });
        r.function("event", of("event"), (ctx, a) -> born(ctx, new ThrEvent(ctx.scheduler())));
        r.function("semaphore", of("semaphore", "value="), (ctx, a) ->
                born(ctx, new ThrSemaphore(ctx.scheduler(), Args.integer(a[0], "semaphore value", 1), false)));
        r.function("bounded_semaphore", of("bounded_semaphore", "value="), (ctx, a) ->
                born(ctx, new ThrSemaphore(ctx.scheduler(), Args.integer(a[0], "semaphore value", 1), true)));
        r.function("barrier", of("barrier", "parties", "action=", "timeout="), (ctx, a) -> {
            Object action = Args.given(a[1]) ? a[1] : null;
            if (action != null) Args.callable(action, "barrier's action");
            long timeout = Args.given(a[2]) && a[2] != null ? Args.timeout(a[2], "barrier") : -1;
            return born(ctx, new ThrBarrier(ctx.scheduler(), Args.integer(a[0], "parties"), action, timeout));
        });
        r.function("local", of("local"), (ctx, a) -> new ThrLocal());
        queue(r);
        locks(r);
        others(r);
    }

    private static void queue(Registry r) {
        r.method(ThrQueue.class, "put", of("put", "item", "block=", "timeout="), (ctx, q, a) -> waiting(() -> {
            q.put(ctx.thread(), a[0], Args.truthy(a[1], true), Args.timeout(a[2], "put"));
            return null;
        }));
        r.method(ThrQueue.class, "get", of("get", "block=", "timeout="), (ctx, q, a) ->
                waiting(() -> q.get(ctx.thread(), Args.truthy(a[0], true), Args.timeout(a[1], "get"))));
        r.method(ThrQueue.class, "put_nowait", of("put_nowait", "item"), (ctx, q, a) -> waiting(() -> {
            q.put(ctx.thread(), a[0], false, 0);
            return null;
        }));
        r.method(ThrQueue.class, "get_nowait", of("get_nowait"), (ctx, q, a) -> waiting(() -> q.get(ctx.thread(), false, 0)));
        r.method(ThrQueue.class, "empty", of("empty"), (ctx, q, a) -> q.isEmpty());
        r.method(ThrQueue.class, "full", of("full"), (ctx, q, a) -> q.isFull());
        r.method(ThrQueue.class, "size", of("size"), (ctx, q, a) -> q.length());
        r.method(ThrQueue.class, "qsize", of("qsize"), (ctx, q, a) -> q.length());
        r.method(ThrQueue.class, "task_done", of("task_done"), (ctx, q, a) -> { q.taskDone(); return null; });
        r.method(ThrQueue.class, "join", of("join"), (ctx, q, a) -> waiting(() -> { q.join(ctx.thread()); return null; }));
        r.getter(ThrQueue.class, "maxsize", (ctx, q) -> q.maxsize());
    }

    private static void locks(Registry r) {
        for (Class<? extends Lockable> type : java.util.List.of(ThrLock.class, ThrRLock.class, ThrSemaphore.class, ThrCondition.class)) {
            r.method(type, "acquire", of("acquire", "blocking=", "timeout="), (ctx, l, a) -> {
                boolean blocking = Args.truthy(a[0], true);
                if (!blocking && Args.given(a[1]) && a[1] != null) throw ThrError.value("can't specify a timeout for a non-blocking call");
                return waiting(() -> l.acquire(ctx.thread(), blocking ? Args.timeout(a[1], "acquire") : 0));
            });
        }
        r.method(ThrLock.class, "release", of("release"), (ctx, l, a) -> { l.release(ctx.thread()); return null; });
        r.method(ThrRLock.class, "release", of("release"), (ctx, l, a) -> { l.release(ctx.thread()); return null; });
        // what CPython's _is_owned() and _recursion_count() tell: about the calling thread
        r.getter(ThrRLock.class, "owned", (ctx, l) -> l.heldBy(ctx.thread()));
        r.getter(ThrRLock.class, "count", (ctx, l) -> l.heldBy(ctx.thread()) ? (long) l.count() : 0L);
        r.method(ThrCondition.class, "release", of("release"), (ctx, l, a) -> { l.release(ctx.thread()); return null; });
        r.method(ThrSemaphore.class, "release", of("release", "n="), (ctx, s, a) -> {
            s.release(Args.integer(a[0], "n", 1));
            return null;
        });
        r.method(ThrLock.class, "locked", of("locked"), (ctx, l, a) -> l.locked());
        r.getter(ThrSemaphore.class, "value", (ctx, s) -> s.available());

        r.method(ThrCondition.class, "wait", of("wait", "timeout="), (ctx, c, a) ->
                waiting(() -> c.await(ctx.thread(), Args.timeout(a[0], "wait"))));
        r.method(ThrCondition.class, "wait_for", of("wait_for", "predicate", "timeout="), (ctx, c, a) ->
                waitFor(ctx, c, Args.callable(a[0], "predicate"), Args.timeout(a[1], "wait_for")));
        r.method(ThrCondition.class, "notify", of("notify", "n="), (ctx, c, a) -> {
            c.notify(ctx.thread(), Args.integer(a[0], "n", 1));
            return null;
        });
        r.method(ThrCondition.class, "notify_all", of("notify_all"), (ctx, c, a) -> { c.notifyAll(ctx.thread()); return null; });
    }

    /** Waits until predicate() is true, re-checking after each notify, like Python's wait_for. */
    private static Object waitFor(ThreadContext ctx, ThrCondition c, Callable predicate, long timeout) {
        long deadline = timeout < 0 ? Long.MAX_VALUE : ctx.scheduler().nanoTime() + timeout;
        Object result = predicate.call(ctx, new Object[0], null);
        while (!Values.truthy(result)) {
            long left = deadline == Long.MAX_VALUE ? -1 : deadline - ctx.scheduler().nanoTime();
            if (deadline != Long.MAX_VALUE && left <= 0) break;
            waiting(() -> c.await(ctx.thread(), left));
            result = predicate.call(ctx, new Object[0], null);
        }
        return result;
    }

    private static void others(Registry r) {
        r.method(ThrEvent.class, "set", of("set"), (ctx, e, a) -> { e.set(); return null; });
        r.method(ThrEvent.class, "clear", of("clear"), (ctx, e, a) -> { e.clear(); return null; });
        r.method(ThrEvent.class, "is_set", of("is_set"), (ctx, e, a) -> e.isSet());
        r.method(ThrEvent.class, "wait", of("wait", "timeout="), (ctx, e, a) ->
                waiting(() -> e.await(ctx.thread(), Args.timeout(a[0], "wait"))));

        r.method(ThrBarrier.class, "wait", of("wait", "timeout="), (ctx, b, a) -> {
            long timeout = Args.given(a[0]) && a[0] != null ? Args.timeout(a[0], "wait") : b.defaultTimeoutNanos();
            Runnable action = b.action() == null ? null : () -> Args.callable(b.action(), "barrier's action").call(ctx, new Object[0], null);
            return waiting(() -> b.await(ctx.thread(), timeout, action));
        });
        r.getter(ThrBarrier.class, "n_waiting", (ctx, b) -> b.nWaiting());
        r.method(ThrBarrier.class, "reset", of("reset"), (ctx, b, a) -> { b.reset(); return null; });
        r.method(ThrBarrier.class, "abort", of("abort"), (ctx, b, a) -> { b.abort(); return null; });
        r.getter(ThrBarrier.class, "parties", (ctx, b) -> b.parties());
        r.getter(ThrBarrier.class, "broken", (ctx, b) -> b.isBroken());
    }
}
