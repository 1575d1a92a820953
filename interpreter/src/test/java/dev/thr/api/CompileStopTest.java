package dev.thr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A host bounds and stops compiling as it does running: the timeout, cancel(), an interrupt. */
@Timeout(120)
class CompileStopTest {
    /** A program of about a million tokens: long enough to parse that a stop is asked for many times. */
    static final String BIG = "x = 1\n".repeat(250_000);

    @Test
    void theTimeoutBoundsCompiling() {
        ThrEngine engine = Thr.builder().timeout(Duration.ofNanos(1)).build();
        ThrException e = assertThrows(ThrException.class, () -> engine.compile("big.thr", BIG));
        assertEquals("LimitError", e.kind());
        assertEquals("compiling big.thr took longer than the limit of 0.000000001s", e.detail());
    }

    @Test
    void cancelStopsACompileUnderWay() throws Exception {
        ThrEngine engine = Thr.builder().build();
        CompletableFuture<Object> compiling = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.compile("big.thr", BIG);
            } catch (ThrException e) {
                return e;
            }
        });
        while (!compiling.isDone()) engine.cancel(); // until it has started and seen one
        ExecutionException e = assertThrows(ExecutionException.class, compiling::get);
        assertTrue(e.getCause() instanceof CancellationException, e.getCause().toString());
        assertEquals("compiling big.thr was cancelled", e.getCause().getMessage());
        assertEquals(2L, engine.eval("1 + 1"), "the engine compiles again after");
    }

    @Test
    void anInterruptedHostThreadStopsItsCompile() {
        ThrEngine engine = Thr.builder().build();
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> engine.compile("big.thr", BIG));
            assertThrows(InterruptedException.class, () -> engine.eval(BIG), "eval says it as a stopped run does");
        } finally {
            Thread.interrupted();
        }
    }
}
