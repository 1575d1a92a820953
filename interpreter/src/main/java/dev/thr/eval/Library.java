package dev.thr.eval;

/**
 * The builtins and the members of built-in types, as the evaluator sees them. The builtins
 * package provides the standard one; the evaluator depends only on this.
 */
public interface Library {
    boolean isBuiltin(String name);

    /** The builtin's value (a Callable, usually). */
    Object builtin(String name);

    /** `target.name`: an attribute, or a method bound to target. */
    Object member(ThreadContext ctx, Object target, String name);

    /** `target.name = value`. */
    void setMember(ThreadContext ctx, Object target, String name, Object value);

    /** `target.name(args)`, without making a bound method first. */
    Object callMethod(ThreadContext ctx, Object target, String name, Object[] args, String[] names);

    /**
     * The library's method `name` of values of class `type`, or null (no such method, or an
     * attribute that holds something callable: callMethod handles those). The answer for a
     * class and name never changes, so a call site may keep it.
     */
    Method method(Class<?> type, String name);

    /**
     * The library's attribute `name` of values of class `type` (`t.name`, `e.kind`), or null
     * (member handles everything else): as for method, the answer never changes.
     */
    Attribute attribute(Class<?> type, String name);

    /** An attribute of a built-in type, found: reading it means what member would. */
    interface Attribute {
        Object get(ThreadContext ctx, Object target);
    }

    /** A method of a built-in type, found: calling it means what callMethod would. */
    interface Method {
        Object call(ThreadContext ctx, Object target, Object[] args, String[] names);
    }
}
