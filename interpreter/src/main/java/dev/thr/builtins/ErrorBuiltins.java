package dev.thr.builtins;

import static dev.thr.eval.Signature.of;

import dev.thr.value.ErrorValue;
import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.Values;

/** Errors as values: `error(kind, message)`, one constructor per common kind, and their members. */
final class ErrorBuiltins {
    private ErrorBuiltins() {}

    /** The kinds thr itself raises, each also a constructor: `raise ValueError("bad size")`. */
    /**
     * Kinds only the runtime raises: a host tells a limit it set, a deadlock or a bug of thr's
     * by them, so a program may catch them but not make them.
     */
    static final java.util.Set<String> RESERVED = java.util.Set.of("LimitError", "DeadlockError", "InternalError", "MemoryError");

    static final String[] KINDS = {
        "Error", "ValueError", "TypeError", "RuntimeError", "KeyError", "IndexError", "NameError",
        "ZeroDivisionError", "OverflowError", "AssertionError", "AttributeError", "TimeoutError", "RecursionError",
        "QueueEmpty", "QueueFull", "BrokenBarrierError", "HostError", "EOFError", "IOError",
    };

    static void register(Registry r) {
        r.function("error", of("error", "kind", "message="), (ctx, a) -> {
            String kind = Args.string(a[0], "kind");
            if (RESERVED.contains(kind)) {
                throw ThrError.value(kind + " is thr's own: only thr raises it, so that a host can trust it (choose another kind)");
            }
            return new ErrorValue(kind, Args.given(a[1]) ? Values.str(a[1]) : "");
        });
        for (String kind : KINDS) {
            r.function(kind, of(kind, "message="), (ctx, a) -> new ErrorValue(kind, Args.given(a[0]) ? Values.str(a[0]) : ""));
        }
        r.getter(ErrorValue.class, "kind", (ctx, e) -> e.kind());
        r.getter(ErrorValue.class, "message", (ctx, e) -> e.message());
        r.getter(ErrorValue.class, "thread", (ctx, e) -> e.thread());
        r.getter(ErrorValue.class, "trace", (ctx, e) -> {
            ThrList out = new ThrList();
            for (ErrorValue.Frame f : e.trace()) out.add(f.function() + " (" + f.at().where() + ")");
            return out;
        });
    }
}
