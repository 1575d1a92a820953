package dev.thr.builtins;

import dev.thr.eval.Callable;
import dev.thr.eval.Signature;
import dev.thr.eval.ThreadContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The one list of builtins, methods and attributes. Each family class adds its own in
 * `register(Registry)`; StandardLibrary calls them all. Built once per engine.
 */
final class Registry {
    /** A builtin's body, given its arguments already bound to its signature. */
    interface Body {
        Object apply(ThreadContext ctx, Object[] args);
    }

    /** A method's body: the receiver, then the bound arguments. */
    interface MethodBody<T> {
        Object apply(ThreadContext ctx, T self, Object[] args);
    }

    interface Getter<T> {
        Object get(ThreadContext ctx, T self);
    }

    interface Setter<T> {
        void set(ThreadContext ctx, T self, Object value);
    }

    record Method(Signature signature, MethodBody<Object> body) implements dev.thr.eval.Library.Method {
        /**
         * A method may change its object: said when it starts, after its arguments' own
         * points, and again when it ends, after the points of what it called back
         * (`xs.sort(key=f)`).
         */
        @Override
        public Object call(ThreadContext ctx, Object target, Object[] args, String[] names) {
            ctx.scheduler().shared(dev.thr.runtime.Scheduler.HEAP);
            Object result = body.apply(ctx, target, signature.bind(args, names));
            ctx.scheduler().shared(dev.thr.runtime.Scheduler.HEAP);
            return result;
        }
    }

    final Map<String, Object> functions = new HashMap<>();
    final Map<Class<?>, Map<String, Method>> methods = new HashMap<>();
    final Map<Class<?>, Map<String, Getter<Object>>> getters = new HashMap<>();
    final Map<Class<?>, Map<String, Setter<Object>>> setters = new HashMap<>();

    void function(String name, Signature signature, Body body) {
        functions.put(name, new Builtin(name, signature, body));
    }

    void value(String name, Object value) {
        functions.put(name, value);
    }

    @SuppressWarnings("unchecked")
    <T> void method(Class<T> type, String name, Signature signature, MethodBody<T> body) {
        methods.computeIfAbsent(type, k -> new HashMap<>()).put(name, new Method(signature, (MethodBody<Object>) body));
    }

    @SuppressWarnings("unchecked")
    <T> void getter(Class<T> type, String name, Getter<T> getter) {
        // the state of threads and sync objects: under a systematic search, as the thread table
        Getter<T> shared = (ctx, self) -> {
            ctx.scheduler().shared(dev.thr.runtime.Scheduler.THREADS);
            return getter.get(ctx, self);
        };
        getters.computeIfAbsent(type, k -> new HashMap<>()).put(name, (Getter<Object>) shared);
    }

    @SuppressWarnings("unchecked")
    <T> void setter(Class<T> type, String name, Setter<T> setter) {
        Setter<T> shared = (ctx, self, value) -> {
            ctx.scheduler().shared(dev.thr.runtime.Scheduler.THREADS);
            setter.set(ctx, self, value);
        };
        setters.computeIfAbsent(type, k -> new HashMap<>()).put(name, (Setter<Object>) shared);
    }

    /** A builtin function value. */
    record Builtin(String name, Signature signature, Body body) implements Callable, dev.thr.value.Values.Typed {
        @Override
        public Object call(ThreadContext ctx, Object[] args, String[] names) {
            return body.apply(ctx, signature.bind(args, names));
        }

        @Override public String typeName() { return "builtin"; }

        @Override public String toString() { return "<builtin " + name + ">"; }
    }
}
