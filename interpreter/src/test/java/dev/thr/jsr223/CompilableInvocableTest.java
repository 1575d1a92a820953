package dev.thr.jsr223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Compilable and Invocable: compiled scripts run again and again, script functions called from Java. */
@Timeout(120)
class CompilableInvocableTest {
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("thr");
    private final Compilable compilable = (Compilable) engine;
    private final Invocable invocable = (Invocable) engine;

    /** An interface for getInterface: numbers come back as the declared types. */
    interface Calculator {
        long add(long a, long b);

        int twice(int n);

        String greet(String who) throws ScriptException;

        default String mood() { return "default mood"; }
    }

    @Test
    void aCompiledScriptRunsManyTimesWithDifferentBindings() throws Exception {
        CompiledScript square = compilable.compile("n * n"); // n is given only when it runs
        assertSame(engine, square.getEngine());
        for (long n = 1; n <= 5; n++) {
            Bindings b = new SimpleBindings();
            b.put("n", n);
            assertEquals(n * n, square.eval(b));
        }
        CompiledScript fromReader = compilable.compile(new StringReader("print 'compiled'"));
        StringWriter out = new StringWriter();
        engine.getContext().setWriter(out);
        fromReader.eval();
        fromReader.eval();
        assertEquals("compiled\ncompiled\n", out.toString());
    }

    @Test
    void aCompiledScriptRunsFromSeveralThreadsAtOnce() throws Exception {
        CompiledScript script = compilable.compile("sum([i * i for i in range(1000)])");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) results.add(pool.submit(() -> script.eval()));
            for (Future<Object> f : results) assertEquals(332_833_500L, f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void compileReportsSyntaxErrorsWithTheirPosition() {
        engine.put(ScriptEngine.FILENAME, "lib.thr");
        ScriptException e = assertThrows(ScriptException.class, () -> compilable.compile("fn f( {"));
        assertEquals("lib.thr", e.getFileName());
        assertEquals(1, e.getLineNumber());
    }

    @Test
    void invokeFunctionCallsAScriptFunction() throws Exception {
        engine.eval("fn add(a, b) { return a + b }\nfn scaled(n) { return n * factor }\nfn hello() { print 'hello' }");
        assertEquals(42L, invocable.invokeFunction("add", 40, 2));
        assertEquals("ab", invocable.invokeFunction("add", "a", "b"));
        // a binding set after the function was defined is seen by the call
        engine.put("factor", 3);
        assertEquals(15L, invocable.invokeFunction("scaled", 5));
        StringWriter out = new StringWriter();
        engine.getContext().setWriter(out);
        assertNull(invocable.invokeFunction("hello"));
        assertEquals("hello\n", out.toString());
    }

    @Test
    void invokeFunctionTellsAMissingFunctionFromAFailingOne() throws Exception {
        engine.put(ScriptEngine.FILENAME, "f.thr");
        engine.eval("not_a_function = 3\nfn fails(x) {\n  return x / 0\n}");
        assertThrows(NoSuchMethodException.class, () -> invocable.invokeFunction("missing"));
        assertThrows(NoSuchMethodException.class, () -> invocable.invokeFunction("not_a_function"));
        assertThrows(NoSuchMethodException.class, () -> invocable.invokeFunction("len", "builtins are not script functions"));
        ScriptException e = assertThrows(ScriptException.class, () -> invocable.invokeFunction("fails", 1));
        assertEquals("f.thr", e.getFileName());
        assertEquals(3, e.getLineNumber());
    }

    @Test
    void thrHasNoObjectsForInvokeMethod() {
        assertThrows(NoSuchMethodException.class, () -> invocable.invokeMethod(List.of(), "append", 1));
        assertThrows(IllegalArgumentException.class, () -> invocable.invokeMethod(null, "f"));
        assertThrows(IllegalArgumentException.class, () -> invocable.getInterface(null, Runnable.class));
    }

    @Test
    void getInterfaceMapsMethodsToFunctionsOfTheSameName() throws Exception {
        engine.eval("""
                fn add(a, b) { return a + b }
                fn twice(n) { return n * 2 }
                fn greet(who) {
                  if who == "" { raise ValueError("nobody to greet") }
                  return "hello {who}"
                }
                """);
        Calculator calc = invocable.getInterface(Calculator.class);
        assertNotNull(calc);
        assertEquals(5L, calc.add(2, 3));
        assertEquals(42, calc.twice(21));
        assertEquals("hello Ada", calc.greet("Ada"));
        assertEquals("default mood", calc.mood()); // no thr function: the interface's default
        ScriptException e = assertThrows(ScriptException.class, () -> calc.greet(""));
        assertEquals(4, e.getLineNumber());
        assertEquals(calc, calc);
        // a wrapped int would be a wrong answer: too big a result fails instead
        assertThrows(ArithmeticException.class, () -> calc.twice(Integer.MAX_VALUE));
    }

    @Test
    void getInterfaceIsNullWhenAFunctionIsMissing() throws Exception {
        engine.eval("fn add(a, b) { return a + b }");
        assertNull(invocable.getInterface(Calculator.class));
        assertThrows(IllegalArgumentException.class, () -> invocable.getInterface(String.class));
    }

    @Test
    void aScriptFunctionRunsAsARunnable() throws Exception {
        engine.eval("fn run() { print 'ran' }\nfn call() { return 1 / 0 }");
        StringWriter out = new StringWriter();
        engine.getContext().setWriter(out);
        Runnable r = invocable.getInterface(Runnable.class);
        r.run();
        r.run();
        assertEquals("ran\nran\n", out.toString());
        // Callable.call declares Exception: the ScriptException itself comes through
        java.util.concurrent.Callable<?> c = invocable.getInterface(java.util.concurrent.Callable.class);
        assertThrows(ScriptException.class, c::call);
        engine.eval("fn run() { return 1 / 0 }");
        UndeclaredThrowableException u = assertThrows(UndeclaredThrowableException.class, r::run);
        assertInstanceOf(ScriptException.class, u.getCause());
    }
}
