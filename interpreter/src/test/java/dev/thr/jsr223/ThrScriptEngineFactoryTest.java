package dev.thr.jsr223;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a host finds thr through javax.script and what the factory says about it. */
@Timeout(120)
class ThrScriptEngineFactoryTest {
    private final ScriptEngineManager manager = new ScriptEngineManager();

    @Test
    void theManagerFindsThrByNameExtensionAndMimeType() throws Exception {
        List<ScriptEngine> found = List.of(
                manager.getEngineByName("thr"),
                manager.getEngineByName("Thr"),
                manager.getEngineByExtension("thr"),
                manager.getEngineByMimeType("text/x-thr"),
                manager.getEngineByMimeType("application/x-thr"));
        for (ScriptEngine engine : found) {
            assertInstanceOf(ThrScriptEngine.class, engine);
            assertEquals(3L, engine.eval("1 + 2"));
        }
        // every lookup makes an engine of its own
        assertNotSame(found.get(0), found.get(1));
        assertTrue(manager.getEngineFactories().stream().anyMatch(f -> f instanceof ThrScriptEngineFactory));
    }

    @Test
    void theFactoryDescribesThr() {
        ScriptEngineFactory factory = manager.getEngineByName("thr").getFactory();
        assertEquals("thr", factory.getEngineName());
        assertEquals("thr", factory.getLanguageName());
        assertNotNull(factory.getEngineVersion());
        assertNotNull(factory.getLanguageVersion());
        assertEquals(List.of("thr", "Thr"), factory.getNames());
        assertEquals(List.of("thr"), factory.getExtensions());
        assertEquals(List.of("text/x-thr", "application/x-thr"), factory.getMimeTypes());
    }

    @Test
    void getParameterAnswersTheStandardKeysAndNeverThrows() {
        ScriptEngineFactory factory = new ThrScriptEngineFactory();
        assertEquals("thr", factory.getParameter(ScriptEngine.NAME));
        assertEquals("thr", factory.getParameter(ScriptEngine.ENGINE));
        assertEquals(factory.getEngineVersion(), factory.getParameter(ScriptEngine.ENGINE_VERSION));
        assertEquals("thr", factory.getParameter(ScriptEngine.LANGUAGE));
        assertEquals(factory.getLanguageVersion(), factory.getParameter(ScriptEngine.LANGUAGE_VERSION));
        assertEquals("MULTITHREADED", factory.getParameter("THREADING"));
        assertNull(factory.getParameter("no.such.key"));
        assertNull(assertDoesNotThrow(() -> factory.getParameter(null)));
    }

    @Test
    void theOutputStatementPrintsItsTextExactly() throws Exception {
        ScriptEngine engine = manager.getEngineByName("thr");
        ScriptEngineFactory factory = engine.getFactory();
        String text = "say \"hi\" to 'you' {not a hole} back\\slash\ttab\nsecond line";
        StringWriter out = new StringWriter();
        engine.getContext().setWriter(out);
        engine.eval(factory.getOutputStatement(text));
        assertEquals(text + "\n", out.toString());
    }

    @Test
    void programsAndMethodCallsAreThrSyntax() throws Exception {
        ScriptEngine engine = manager.getEngineByName("thr");
        ScriptEngineFactory factory = engine.getFactory();
        assertEquals("items.append(3)", factory.getMethodCallSyntax("items", "append", "3"));
        String program = factory.getProgram("items = []", factory.getMethodCallSyntax("items", "append", "3"), "items");
        assertEquals(List.of(3L), engine.eval(program));
    }
}
