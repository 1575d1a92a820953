package dev.thr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PipedReader;
import java.io.PipedWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Threads waiting in input(), the one reading and the ones waiting for their turn, all stop on cancel(). */
@Timeout(60)
class InputStopTest {
    @Test
    void cancelStopsEveryThreadInInput() throws Exception {
        PipedWriter nobodyTypes = new PipedWriter();
        ThrEngine engine = Thr.builder().stdin(new PipedReader(nobodyTypes)).stdout(java.io.Writer.nullWriter()).build();
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.eval("""
                        ts = [spawn input("q{i}? ") for i in range(3)]
                        while len([t for t in ts if t.state == "runnable"]) < 3 { sleep 0.001 }
                        for t in ts { join t }
                        """);
            } catch (InterruptedException e) {
                return "interrupted";
            } catch (ThrException e) {
                return e.getMessage();
            }
        });
        while (engine.liveThreads() < 4) Thread.sleep(5); // the main program and three askers
        engine.cancel(); // throws if a thread would not stop
        assertEquals(0, engine.liveThreads());
        assertEquals("interrupted", run.get(30, TimeUnit.SECONDS));
        nobodyTypes.close();
    }
}
