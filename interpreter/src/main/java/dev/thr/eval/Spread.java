package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.value.Cancelled;
import dev.thr.value.ThrError;
import dev.thr.value.ThrMap;
import dev.thr.value.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The arguments of a call that has `*xs` or `**m` among them: spread into the one array (and
 * names) every Callable takes, when the call is made. Calls without them never come here.
 */
final class Spread {
    final ExprNode[] args;
    /** Per argument: 0 plain, 1 for `*xs`, 2 for `**m`. */
    final int[] stars;
    /** Per argument: its name for `k=v`, else null. */
    final String[] names;

    Spread(ExprNode[] args, int[] stars, String[] names) {
        this.args = args;
        this.stars = stars;
        this.names = names;
    }

    /** Values in Callable's form: the positional ones, then the named ones; names for the latter (null if none). */
    record Packed(Object[] values, String[] names) {}

    /** @param callee `f()` or `q.put()`, for messages */
    Packed eval(Frame f, String callee) {
        List<Object> positional = new ArrayList<>();
        List<Object> named = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            Object v = args[i].eval(f);
            switch (stars[i]) {
                case 1 -> {
                    Iterator<Object> it;
                    try {
                        it = Values.iterate(v);
                    } catch (ThrError e) {
                        throw ThrError.type(callee + " argument after * must be a list or another iterable, not " + Values.typeName(v)).at(args[i].span);
                    }
                    ThreadContext ctx = f.ctx;
                    int n = 0;
                    while (it.hasNext()) {
                        if ((++n & 4095) == 0 && ctx.thread.stopped()) throw new Cancelled();
                        positional.add(it.next());
                    }
                }
                case 2 -> {
                    if (!(v instanceof ThrMap m)) throw ThrError.type(callee + " argument after ** must be a map, not " + Values.typeName(v)).at(args[i].span);
                    for (Object[] e : m.entries()) {
                        if (!(e[0] instanceof String k)) throw ThrError.type(callee + " argument after ** must have string keys, not " + Values.typeName(e[0])).at(args[i].span);
                        named.add(e[1]);
                        keys.add(k);
                    }
                }
                default -> {
                    if (names[i] == null) positional.add(v);
                    else {
                        named.add(v);
                        keys.add(names[i]);
                    }
                }
            }
        }
        positional.addAll(named);
        return new Packed(positional.toArray(), keys.isEmpty() ? null : keys.toArray(String[]::new));
    }
}
