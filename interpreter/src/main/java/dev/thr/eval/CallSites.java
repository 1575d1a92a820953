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
 */
final class CallSites {
    private CallSites() {}

    /** (ThreadContext, callee, args, names, span) -> result: Calls.invoke's parameters. */
    static final MethodType TYPE = MethodType.methodType(Object.class, ThreadContext.class, Object.class, Object[].class, String[].class, Span.class);

    private static final MethodHandle INVOKE, IS_CODE, LOCATED, LINK;

    static {
        try {
            var l = MethodHandles.lookup();
            INVOKE = l.findStatic(Calls.class, "invoke", TYPE);
            IS_CODE = l.findStatic(CallSites.class, "isCode", MethodType.methodType(boolean.class, FunctionCode.class, Object.class));
            LOCATED = l.findStatic(CallSites.class, "located",
                    TYPE.insertParameterTypes(0, Throwable.class));
            LINK = l.findVirtual(Site.class, "link", TYPE);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static boolean isCode(FunctionCode code, Object callee) {
        return callee instanceof Function f && f.code == code;
    }

    /** What Calls.invoke does with an error of the call: place it at the call. */
    private static Object located(Throwable e, ThreadContext ctx, Object callee, Object[] args, String[] names, Span span) {
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
            direct = MethodHandles.catchException(MethodHandles.dropArguments(direct, 4, Span.class), Throwable.class, LOCATED);
            MethodHandle test = MethodHandles.dropArguments(MethodHandles.insertArguments(IS_CODE, 0, code), 0, ThreadContext.class);
            return MethodHandles.guardWithTest(test, direct, LINK.bindTo(this));
        }
    }
}
