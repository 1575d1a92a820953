package dev.thr.builtins;

import static dev.thr.eval.Signature.of;

import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.Values;
import java.util.random.RandomGenerator;

/** Clock and randomness, read only through the scheduler so a deterministic one can replace them. */
final class TimeBuiltins {
    private TimeBuiltins() {}

    static void register(Registry r) {
        r.function("now", of("now"), (ctx, a) -> ctx.scheduler().nanoTime() / 1e9);
        r.function("time", of("time"), (ctx, a) -> ctx.scheduler().epochNanos() / 1e9);
        r.function("random", of("random"), (ctx, a) -> ctx.scheduler().random().nextDouble());
        r.function("uniform", of("uniform", "a", "b"), (ctx, a) -> {
            double lo = Args.number(a[0], "uniform's a"), hi = Args.number(a[1], "uniform's b");
            return lo + (hi - lo) * ctx.scheduler().random().nextDouble();
        });
        r.function("randint", of("randint", "a", "b"), (ctx, a) -> {
            long lo = Args.integer(a[0], "randint's a"), hi = Args.integer(a[1], "randint's b");
            if (hi < lo) throw ThrError.value("randint(" + lo + ", " + hi + "): b must not be less than a");
            return lo + ctx.scheduler().random().nextLong(hi - lo + 1);
        });
        r.function("choice", of("choice", "items"), (ctx, a) -> {
            ThrList items = Args.toList(ctx, a[0]);
            if (items.size() == 0) throw ThrError.index("choice from an empty sequence");
            return items.get(ctx.scheduler().random().nextInt(items.size()));
        });
        r.function("shuffle", of("shuffle", "items"), (ctx, a) -> {
            if (!(a[0] instanceof ThrList l)) throw ThrError.type("shuffle needs a list, not " + Values.typeName(a[0]));
            RandomGenerator random = ctx.scheduler().random();
            ctx.scheduler().shared(dev.thr.runtime.Scheduler.HEAP); // the list changes with no point of its own
            synchronized (l) {
                for (int i = l.size() - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    Object t = l.get(i);
                    l.set(i, l.get(j));
                    l.set(j, t);
                }
            }
            return null;
        });
    }
}
