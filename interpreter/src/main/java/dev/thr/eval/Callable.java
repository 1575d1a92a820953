package dev.thr.eval;

/**
 * Anything a thr program can call: its functions, builtins, bound methods, host functions.
 * Arguments come as one array; when `names` is not null, its entries name the last
 * names.length arguments (the named ones), in order.
 */
public interface Callable {
    Object call(ThreadContext ctx, Object[] args, String[] names);

    String name();
}
