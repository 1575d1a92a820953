package dev.thr.builtins;

import dev.thr.eval.Callable;
import dev.thr.eval.Library;
import dev.thr.eval.ThreadContext;
import dev.thr.value.ThrError;
import dev.thr.value.Values;
import java.util.Map;

/** thr's builtins and the members of its built-in types, gathered from the family classes. */
public final class StandardLibrary implements Library {
    private final Registry registry = new Registry();

    public StandardLibrary() {
        CoreBuiltins.register(registry);
        CollectionBuiltins.register(registry);
        ListMethods.register(registry);
        MapMethods.register(registry);
        SetMethods.register(registry);
        StringMethods.register(registry);
        TimeBuiltins.register(registry);
        ErrorBuiltins.register(registry);
        ThreadBuiltins.register(registry);
        SyncBuiltins.register(registry);
        OutcomeBuiltins.register(registry);
    }

    @Override public boolean isBuiltin(String name) { return registry.functions.containsKey(name); }

    @Override public Object builtin(String name) { return registry.functions.get(name); }

    public java.util.Set<String> builtinNames() { return registry.functions.keySet(); }

    /** What is registered, for this package to read: the docs are checked against it. */
    Registry registry() { return registry; }

    /** For help texts: a builtin function's parameters, or null when there is no builtin function of that name. */
    public dev.thr.eval.Signature signature(String builtin) {
        return registry.functions.get(builtin) instanceof Registry.Builtin b ? b.signature() : null;
    }

    /**
     * For help texts: the types that have a member of this name, by their thr name ("queue",
     * "map" for `get`), each with the method's parameters, or null for an attribute.
     */
    public java.util.SortedMap<String, dev.thr.eval.Signature> membersNamed(String name) {
        java.util.SortedMap<String, dev.thr.eval.Signature> out = new java.util.TreeMap<>();
        registry.getters.forEach((type, members) -> { if (members.containsKey(name)) out.put(typeName(type), null); });
        registry.methods.forEach((type, members) -> {
            Registry.Method m = members.get(name);
            if (m != null) out.put(typeName(type), m.signature());
        });
        return out;
    }

    /** The name type(x) gives a value of this class; the runtime's classes are their name after "Thr" (ThrQueue: queue). */
    private static String typeName(Class<?> type) {
        if (type == String.class) return "str";
        if (type == dev.thr.value.ErrorValue.class) return "error";
        String name = type.getSimpleName();
        return (name.startsWith("Thr") ? name.substring(3) : name).toLowerCase(java.util.Locale.ROOT);
    }

    /** The methods and attributes of a value, sorted: what may follow `value.`. */
    public java.util.List<String> memberNames(Object target) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        if (target == null) return java.util.List.of();
        var methods = registry.methods.get(target.getClass());
        if (methods != null) names.addAll(methods.keySet());
        var getters = registry.getters.get(target.getClass());
        if (getters != null) names.addAll(getters.keySet());
        return java.util.List.copyOf(names);
    }

    @Override
    public Object member(ThreadContext ctx, Object target, String name) {
        Registry.Getter<Object> getter = find(registry.getters, target, name);
        if (getter != null) return getter.get(ctx, target);
        Registry.Method m = find(registry.methods, target, name);
        if (m != null) return new BoundMethod(target, name, m);
        if (target instanceof dev.thr.runtime.ThrLocal local) return local.get(ctx.thread(), name);
        throw noMember(target, name);
    }

    @Override
    public void setMember(ThreadContext ctx, Object target, String name, Object value) {
        Registry.Setter<Object> setter = find(registry.setters, target, name);
        if (setter != null) {
            setter.set(ctx, target, value);
        } else if (target instanceof dev.thr.runtime.ThrLocal local) {
            local.set(ctx.thread(), name, value);
        } else if (find(registry.getters, target, name) != null) {
            throw new ThrError("AttributeError", Values.typeName(target) + "." + name + " cannot be changed");
        } else {
            throw noMember(target, name);
        }
    }

    @Override
    public Object callMethod(ThreadContext ctx, Object target, String name, Object[] args, String[] names) {
        Registry.Method m = find(registry.methods, target, name);
        if (m != null) return m.call(ctx, target, args, names);
        ctx.scheduler().shared(dev.thr.runtime.Scheduler.HEAP); // as a method's call says (see Registry.Method)
        Object member = member(ctx, target, name);
        if (member instanceof Callable c) return c.call(ctx, args, names);
        throw ThrError.type(Values.typeName(target) + "." + name + " is not a method (it is " + Values.typeName(member) + ")");
    }

    @Override
    public Library.Attribute attribute(Class<?> type, String name) {
        Map<String, Registry.Getter<Object>> members = registry.getters.get(type);
        Registry.Getter<Object> getter = members == null ? null : members.get(name);
        return getter == null ? null : getter::get;
    }

    @Override
    public Registry.Method method(Class<?> type, String name) {
        Map<String, Registry.Method> members = registry.methods.get(type);
        return members == null ? null : members.get(name);
    }

    private static <V> V find(Map<Class<?>, Map<String, V>> table, Object target, String name) {
        if (target == null) return null;
        Map<String, V> members = table.get(target.getClass());
        return members == null ? null : members.get(name);
    }

    private static ThrError noMember(Object target, String name) {
        return new ThrError("AttributeError", Values.typeName(target) + " has no member '" + name + "'");
    }

    /** `q.put` used as a value: the method with its receiver. */
    private record BoundMethod(Object self, String name, Registry.Method method) implements Callable, Values.Typed {
        @Override
        public Object call(ThreadContext ctx, Object[] args, String[] names) {
            // called by a name (`add = xs.append; add(1)`): the method's own points say what it does
            return method.call(ctx, self, args, names);
        }

        @Override public String typeName() { return "method"; }

        @Override public String toString() { return "<method " + Values.typeName(self) + "." + name + ">"; }
    }
}
