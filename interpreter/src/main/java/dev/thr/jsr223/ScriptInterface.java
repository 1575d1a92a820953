package dev.thr.jsr223;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.math.BigInteger;

/**
 * Invocable.getInterface: a Java interface whose methods call the thr functions of the same
 * names. thr gives back Long, Double, String, Boolean, null, List and Map, so numbers are
 * converted to the primitive a method declares (int, float...); other values pass as they are.
 */
final class ScriptInterface implements InvocationHandler {
    private final ThrScriptEngine engine;
    private final Class<?> type;

    private ScriptInterface(ThrScriptEngine engine, Class<?> type) {
        this.engine = engine;
        this.type = type;
    }

    /** Null when a method without a default body has no thr function to call, as the javadoc says. */
    static <T> T of(ThrScriptEngine engine, Class<T> type) {
        if (type == null || !type.isInterface()) {
            throw new IllegalArgumentException("getInterface needs an interface, not " + type);
        }
        for (Method m : type.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m) && !engine.hasFunction(m.getName())) {
                return null;
            }
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new ScriptInterface(engine, type));
        return type.cast(proxy);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (isObjectMethod(method)) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "thr " + type.getName() + "@" + Integer.toHexString(System.identityHashCode(proxy));
            };
        }
        // A default method is the interface's own fallback, for functions the script left out.
        if (method.isDefault() && !engine.hasFunction(method.getName())) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        // A ScriptException the method does not declare reaches the caller as the cause of an
        // UndeclaredThrowableException, as the Proxy contract has it.
        Object result = engine.invokeFunction(method.getName(), args == null ? new Object[0] : args);
        return convert(result, method);
    }

    private static Object convert(Object value, Method method) {
        Class<?> to = method.getReturnType();
        if (to == void.class || to == Void.class) return null;
        if (value == null && to.isPrimitive()) {
            throw new NullPointerException(method.getName() + "() gave back nil where a " + to + " is expected");
        }
        if (!(value instanceof Number n) || to.isInstance(value)) return value;
        // Whole numbers narrow only when they fit: a silently wrapped int would be a wrong answer.
        if (to == double.class || to == Double.class) return n.doubleValue();
        if (to == float.class || to == Float.class) return n.floatValue();
        if (value instanceof Double || value instanceof Float) return value; // the Proxy reports the mismatch
        long whole = n instanceof BigInteger b ? b.longValueExact() : n.longValue();
        if (to == long.class || to == Long.class) return whole;
        if (to == int.class || to == Integer.class) return Math.toIntExact(whole);
        if (to == short.class || to == Short.class) return (short) exact(whole, Short.MIN_VALUE, Short.MAX_VALUE);
        if (to == byte.class || to == Byte.class) return (byte) exact(whole, Byte.MIN_VALUE, Byte.MAX_VALUE);
        if (to == BigInteger.class) return BigInteger.valueOf(whole);
        return value;
    }

    private static long exact(long v, long min, long max) {
        if (v < min || v > max) throw new ArithmeticException(v + " does not fit in the declared return type");
        return v;
    }

    /** equals, hashCode, toString and the like, which an interface may redeclare (Comparator does). */
    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
