package dev.thr.eval;

import dev.thr.diag.Span;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * The call sites of compiled code (see Bytecode): each is a mutable call site, a constant of
 * its class, whose target starts as a link step. The first callee seen, when it is a function
 * whose body is compiled too, becomes the site's target: a check that the callee's code is
 * still that one, then a direct call of its compiled entry, which HotSpot can inline as it
 * would a Java call. A function not compiled yet is called as it is, and the site waits. Any
 * other callee, or a second function at the same site, turns the site into the generic call
 * for good. Either way the call means exactly what Calls.invoke means.
 *
 * <p>A call with up to MAX_ARITY positional arguments and no names has a site that takes
 * them as they are ({@link Fixed}): linked to a function whose compiled body runs without a
 * frame and takes as many, it calls the body's direct entry with them, so the call makes no
 * argument array and no frame. Any other callee gets them in an array, as a {@link Site}'s.
 */
final class CallSites {
    private CallSites() {}

    /** (ThreadContext, callee, args, names, span) -> result: Calls.invoke's parameters. */
    static final MethodType TYPE = MethodType.methodType(Object.class, ThreadContext.class, Object.class, Object[].class, String[].class, Span.class);

    /** The most positional arguments a Fixed site takes as they are (more go in an array). */
    static final int MAX_ARITY = 8;

    private static final MethodHandle INVOKE, IS_CODE, LOCATED, LINK, LINK_FIXED;

    static {
        try {
            var l = MethodHandles.lookup();
            INVOKE = l.findStatic(Calls.class, "invoke", TYPE);
            IS_CODE = l.findStatic(CallSites.class, "isCode", MethodType.methodType(boolean.class, FunctionCode.class, Object.class));
            LOCATED = l.findStatic(CallSites.class, "located",
                    MethodType.methodType(Object.class, Throwable.class, ThreadContext.class, Span.class));
            LINK = l.findVirtual(Site.class, "link", TYPE);
            LINK_FIXED = l.findVirtual(Fixed.class, "link", MethodType.methodType(Object.class, ThreadContext.class, Object.class, Object[].class, Span.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static boolean isCode(FunctionCode code, Object callee) {
        return callee instanceof Function f && f.code == code;
    }

    /** What Calls.invoke does with an error of the call: place it at the call (and throw it: compiled code's own calls come here too). */
    static Object located(Throwable e, ThreadContext ctx, Span span) {
        if (e instanceof dev.thr.value.ThrError t) throw t.at(span);
        if (e instanceof OutOfMemoryError) throw OutOfMemory.error(ctx).at(span);
        if (e instanceof StackOverflowError) throw Calls.tooDeep().at(span);
        throw Function.unchecked(e);
    }

    static final class Site extends MutableCallSite {
        private boolean linked;

        Site() {
            super(TYPE);
            setTarget(LINK.bindTo(this));
        }

        /** The first call (or the first miss of a linked site): choose the target, then make the call. */
        private Object link(ThreadContext ctx, Object callee, Object[] args, String[] names, Span span) {
            MethodHandle target = INVOKE;
            if (!linked && callee instanceof Function f) {
                MethodHandle entry = f.code.entry();
                // a function not compiled yet: called as it is, and the site waits for its compile
                if (entry == null && f.code.cold()) return Calls.invoke(ctx, callee, args, names, span);
                if (entry != null) target = direct(f.code, entry);
            }
            linked = true;
            setTarget(target);
            return Calls.invoke(ctx, callee, args, names, span);
        }

        /** The guard that callee's code is code, then its compiled entry, any error placed at the call. */
        private MethodHandle direct(FunctionCode code, MethodHandle entry) {
            MethodHandle direct = MethodHandles.permuteArguments(
                    entry.asType(MethodType.methodType(Object.class, Object.class, ThreadContext.class, Object[].class, String[].class)),
                    TYPE.dropParameterTypes(4, 5), 1, 0, 2, 3);
            return guarded(code, MethodHandles.dropArguments(direct, 4, Span.class), LINK.bindTo(this));
        }
    }

    /**
     * target, a call of code's compiled body of the site's type (ThreadContext, callee, ...,
     * Span), behind the check that the callee's code is code, with any error placed at the
     * call; a miss goes to fallback.
     */
    private static MethodHandle guarded(FunctionCode code, MethodHandle target, MethodHandle fallback) {
        MethodType type = target.type();
        MethodHandle located = MethodHandles.dropArguments(LOCATED, 2, type.parameterList().subList(1, type.parameterCount() - 1));
        target = MethodHandles.catchException(target, Throwable.class, located);
        MethodHandle test = MethodHandles.dropArguments(MethodHandles.insertArguments(IS_CODE, 0, code), 0, ThreadContext.class);
        return MethodHandles.guardWithTest(test, target, fallback);
    }

    /** (ThreadContext, callee, arity Objects, Span) -> result: a Fixed site's type. */
    static MethodType fixedType(int arity) {
        MethodType t = MethodType.methodType(Object.class, ThreadContext.class, Object.class);
        for (int i = 0; i < arity; i++) t = t.appendParameterTypes(Object.class);
        return t.appendParameterTypes(Span.class);
    }

    /** A call with `arity` positional arguments and no names, passed as they are (see the class comment). */
    static final class Fixed extends MutableCallSite {
        private final int arity;
        private boolean linked;

        Fixed(int arity) {
            super(fixedType(arity));
            this.arity = arity;
            setTarget(collected(LINK_FIXED.bindTo(this)));
        }

        /** h, of type (ThreadContext, callee, Object[], Span), taking the arguments one by one instead. */
        private MethodHandle collected(MethodHandle h) {
            return h.asCollector(2, Object[].class, arity);
        }

        /** The first call (or the first miss of a linked site): choose the target, then make the call. */
        private Object link(ThreadContext ctx, Object callee, Object[] args, Span span) {
            MethodHandle target = collected(MethodHandles.insertArguments(INVOKE, 3, new Object[] {null}));
            if (!linked && callee instanceof Function f) {
                Bytecode.Compiled compiled = f.code.compiled();
                // a function not compiled yet: called as it is, and the site waits for its compile
                if (compiled == null && f.code.cold()) return Calls.invoke(ctx, callee, args, null, span);
                if (compiled != null) target = direct(f.code, compiled);
            }
            linked = true;
            setTarget(target);
            return Calls.invoke(ctx, callee, args, null, span);
        }

        /** The compiled body's direct entry when it takes this many parameters, else its entry with the arguments in an array. */
        private MethodHandle direct(FunctionCode code, Bytecode.Compiled compiled) {
            MethodHandle call;
            if (compiled.direct() != null && code.params.length == arity) {
                call = MethodHandles.dropArguments(compiled.direct(), 1, Object.class);
            } else {
                MethodHandle entry = compiled.entry().asType(
                        MethodType.methodType(Object.class, Object.class, ThreadContext.class, Object[].class, String[].class));
                entry = MethodHandles.insertArguments(entry, 3, new Object[] {null});
                call = collected(MethodHandles.permuteArguments(entry,
                        MethodType.methodType(Object.class, ThreadContext.class, Object.class, Object[].class), 1, 0, 2));
            }
            return guarded(code, MethodHandles.dropArguments(call, arity + 2, Span.class), collected(LINK_FIXED.bindTo(this)));
        }
    }
}
