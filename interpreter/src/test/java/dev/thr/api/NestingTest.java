package dev.thr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Programs nested deeper than the parser goes are syntax errors with a place, never a Java stack overflow. */
class NestingTest {
    private static ThrException compileError(String source) {
        return assertThrows(ThrException.class, () -> Thr.builder().build().compile("deep.thr", source));
    }

    @Test
    void twoHundredBracketsAreFineAndOneMoreIsASyntaxError() throws Exception {
        assertEquals(1L, Thr.builder().build().eval("(".repeat(200) + "1" + ")".repeat(200)));
        ThrException e = compileError("x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000));
        assertEquals("SyntaxError", e.kind());
        assertTrue(e.getMessage().startsWith("deep.thr:1:205: error: nested too deeply"), e.getMessage());
    }

    @Test
    void blocksCountAsBrackets() {
        ThrException e = compileError("if true {\n".repeat(10_000) + "}".repeat(10_000));
        assertTrue(e.getMessage().startsWith("deep.thr:201:9: error: nested too deeply"), e.getMessage());
    }

    @Test
    void operatorsThousandsDeepAreASyntaxErrorOnASmallStackToo() throws Exception {
        for (String source : new String[] {"x = " + "-".repeat(100_000) + "1", "x = 1" + " + 1".repeat(300_000), "x = " + "not ".repeat(100_000) + "true"}) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread small = new Thread(null, () -> {
                try {
                    Thr.builder().build().compile("deep.thr", source);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }, "small-stack", 512 * 1024);
            small.start();
            small.join();
            assertTrue(thrown.get() instanceof ThrException t && t.kind().equals("SyntaxError") && t.getMessage().contains("nested too deeply"),
                    String.valueOf(thrown.get()));
        }
    }
}
