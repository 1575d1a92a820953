package dev.thr.jsr223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.api.ThrException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.script.Bindings;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** eval through javax.script: where output goes, bindings both ways, errors with positions. */
@Timeout(120)
class ThrScriptEngineTest {
    private final ScriptEngineManager manager = new ScriptEngineManager();
    private final ScriptEngine engine = manager.getEngineByName("thr");

    @Test
    void evalGivesBackTheLastExpression() throws Exception {
        assertEquals(42L, engine.eval("x = 40\nx + 2"));
        assertEquals(List.of(1L, "two", 2.5, true), engine.eval("[1, 'two', 2.5, true]"));
        assertEquals(Map.of("k", List.of(1L)), engine.eval(new StringReader("{'k': [1]}")));
        assertNull(engine.eval("y = 1"));
    }

    @Test
    void printGoesToTheWriterTheContextHasAtEachEval() throws Exception {
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();
        engine.getContext().setWriter(first);
        engine.eval("print 'one'");
        engine.getContext().setWriter(second);
        engine.eval("print 'two'");
        assertEquals("one\n", first.toString());
        assertEquals("two\n", second.toString());
    }

    @Test
    void threadsPrintToTheContextWriterAndReportErrorsToItsErrorWriter() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        engine.getContext().setWriter(out);
        engine.getContext().setErrorWriter(err);
        engine.eval("fn ok() { print 'from a thread' }\nfn bad() { return 1 / 0 }\nspawn ok()\nspawn bad()");
        // eval waits for the script's threads, so both have written by now
        assertEquals("from a thread\n", out.toString());
        assertTrue(err.toString().contains("ZeroDivisionError"), err.toString());
    }

    @Test
    void inputReadsFromTheContextReader() throws Exception {
        engine.getContext().setReader(new StringReader("Ada\n"));
        assertEquals("Ada", engine.eval("input()"));
    }

    @Test
    void bindingsGoInAndVariablesComeBackOut() throws Exception {
        engine.put("limit", 6);
        engine.put("names", List.of("a", "b"));
        engine.eval("x = limit * 7\nn = len(names)\nm = {'k': names}");
        assertEquals(42L, engine.get("x"));
        assertEquals(2L, engine.get("n"));
        assertEquals(Map.of("k", List.of("a", "b")), engine.get("m"));
        // a host change between evals is seen by the next one
        engine.put("x", 1);
        assertEquals(2L, engine.eval("x + 1"));
    }

    @Test
    void bindingsGivenToEvalAreItsEngineScope() throws Exception {
        Bindings b = new SimpleBindings();
        b.put("n", 21);
        assertEquals(42L, engine.eval("doubled = n * 2\ndoubled", b));
        assertEquals(42L, b.get("doubled"));
    }

    @Test
    void engineScopeWinsOverGlobalScope() throws Exception {
        manager.put("shared", "global");
        manager.put("only_global", "from the manager");
        engine.put("shared", "engine");
        assertEquals("engine", engine.eval("shared"));
        assertEquals("from the manager", engine.eval("only_global"));
        // a global-scope variable the script leaves alone stays out of engine scope, so the
        // host's later change in global scope is still seen
        assertFalse(engine.getBindings(ScriptContext.ENGINE_SCOPE).containsKey("only_global"));
        manager.put("only_global", "changed");
        assertEquals("changed", engine.eval("only_global"));
    }

    @Test
    void definitionsLastFromOneEvalToTheNext() throws Exception {
        engine.eval("fn f() { return g() + 1 }"); // g is defined by a later eval
        engine.eval("fn g() { return 41 }");
        assertEquals(42L, engine.eval("f()"));
    }

    @Test
    void aListTwoVariablesShareStaysOneListAcrossEvals() throws Exception {
        engine.eval("a = []");
        engine.eval("b = a");
        engine.eval("a.append(1)");
        assertEquals(List.of(1L), engine.eval("b"));
    }

    @Test
    void aDaemonThreadKeepsWorkingOnTheSameListAfterItsEval() throws Exception {
        engine.eval("""
                items = []
                todo = queue()
                done = queue()
                fn worker(l) {
                  while true {
                    l.append(todo.get())
                    done.put(true)
                  }
                }
                d = thread(worker, args=[items], daemon=true)
                d.start()
                """);
        assertEquals(List.of(5L), engine.eval("todo.put(5)\ndone.get()\nitems"));
    }

    @Test
    void aSyntaxErrorKeepsFileLineAndColumn() {
        engine.put(ScriptEngine.FILENAME, "broken.thr");
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("x = 1\ny = (2 +\n"));
        assertEquals("broken.thr", e.getFileName());
        assertEquals(2, e.getLineNumber());
        assertEquals(9, e.getColumnNumber());
        assertTrue(e.getMessage().startsWith("SyntaxError: "), e.getMessage());
        ThrException cause = assertInstanceOf(ThrException.class, e.getCause());
        assertTrue(cause.isSyntaxError());
    }

    @Test
    void aRuntimeErrorKeepsFileLineAndColumnAndTheVariablesSetBeforeIt() {
        engine.put(ScriptEngine.FILENAME, "calc.thr");
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("x = 1\ny = x / 0\n"));
        assertEquals("calc.thr", e.getFileName());
        assertEquals(2, e.getLineNumber());
        assertEquals(7, e.getColumnNumber());
        assertEquals("ZeroDivisionError: division by zero in calc.thr at line number 2 at column number 7", e.getMessage());
        assertEquals(1L, engine.get("x"));
    }

    @Test
    void withoutAFileNameErrorsNameTheEval() {
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("nope"));
        assertEquals("<eval>", e.getFileName());
        assertEquals(1, e.getLineNumber());
        assertTrue(e.getMessage().startsWith("NameError: "), e.getMessage());
    }

    @Test
    void anInterruptedEvalFailsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("sleep 60"));
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
