package dev.thr.builtins;

import static dev.thr.eval.Signature.of;

import dev.thr.eval.Blocking;
import dev.thr.eval.Callable;
import dev.thr.eval.Function;
import dev.thr.runtime.ThrThread;
import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.ThrMap;
import dev.thr.value.Values;
import java.util.ArrayList;
import java.util.List;

/** Threads: `thread(...)`, current_thread, main_thread, active_count, threads, and a thread's members. */
final class ThreadBuiltins {
    private ThreadBuiltins() {}

    static void register(Registry r) {
        r.function("thread", of("thread", "target", "args=", "kwargs=", "name=", "daemon="), (ctx, a) -> {
            Callable target = Args.callable(a[0], "thread's target");
            List<Object> args = new ArrayList<>();
            if (Args.given(a[1]) && a[1] != null) {
                if (a[1] instanceof Long || a[1] instanceof Double || a[1] instanceof Boolean || a[1] instanceof java.math.BigInteger) {
                    // thread(f, 1, 2): Python's args=(1, 2), a list here
                    throw ThrError.type("thread()'s args must be a list of the target's arguments, as in thread(f, args=[1, 2]), not "
                            + Values.typeName(a[1]));
                }
                args.addAll(Args.toList(ctx, a[1]).snapshot());
            }
            List<String> names = new ArrayList<>();
            if (Args.given(a[2]) && a[2] != null) {
                if (!(a[2] instanceof ThrMap kw)) throw ThrError.type("kwargs must be a map, not " + Values.typeName(a[2]));
                for (Object[] e : kw.entries()) {
                    names.add(Args.string(e[0], "a kwargs key"));
                    args.add(e[1]);
                }
            }
            String name = Args.given(a[3]) && a[3] != null ? Values.str(a[3]) : null;
            return ctx.interpreter().newThread(ctx, target, args.toArray(), names.isEmpty() ? null : names.toArray(String[]::new),
                    name, Args.truthy(a[4], ctx.thread().daemon()));
        });
        r.function("current_thread", of("current_thread"), (ctx, a) -> ctx.thread());
        r.function("main_thread", of("main_thread"), (ctx, a) -> ctx.main());
        r.function("active_count", of("active_count"), (ctx, a) -> {
            ctx.scheduler().shared(dev.thr.runtime.Scheduler.THREADS);
            return (long) ctx.interpreter().threads().size();
        });
        r.function("threads", of("threads"), (ctx, a) -> {
            ctx.scheduler().shared(dev.thr.runtime.Scheduler.THREADS);
            return new ThrList(ctx.interpreter().threads());
        });

        r.method(ThrThread.class, "start", of("start"), (ctx, t, a) -> {
            ctx.interpreter().start(ctx, t);
            return null;
        });
        r.method(ThrThread.class, "join", of("join", "timeout="), (ctx, t, a) ->
                Blocking.join(ctx, t, Args.timeout(a[0], "join")));
        r.method(ThrThread.class, "is_alive", of("is_alive"), (ctx, t, a) -> t.alive());
        r.getter(ThrThread.class, "name", (ctx, t) -> t.name());
        r.setter(ThrThread.class, "name", (ctx, t, v) -> t.name(Values.str(v)));
        r.getter(ThrThread.class, "daemon", (ctx, t) -> t.daemon());
        r.setter(ThrThread.class, "daemon", (ctx, t, v) -> t.daemon(Values.truthy(v)));
        r.getter(ThrThread.class, "ident", (ctx, t) -> t.ident());
        r.getter(ThrThread.class, "native_id", (ctx, t) -> t.nativeId());
        r.getter(ThrThread.class, "alive", (ctx, t) -> t.alive());
        r.getter(ThrThread.class, "state", (ctx, t) -> t.state().label());
        r.getter(ThrThread.class, "result", (ctx, t) -> t.result());
        r.getter(ThrThread.class, "error", (ctx, t) -> t.error());
        r.getter(Function.class, "name", (ctx, f) -> f.name());
    }
}
