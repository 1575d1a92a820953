package dev.thr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** stopThread stops one thread of an engine, as a REPL's :kill does, and leaves the others running. */
class StopThreadTest {
    private static void awaitState(ThrEngine engine, String name, String state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (engine.threads().stream().noneMatch(t -> t.name().equals(name) && t.state().equals(state))) {
            if (System.nanoTime() > deadline) throw new AssertionError(name + " never " + state + ": " + engine.threads());
            Thread.sleep(10);
        }
    }

    private static void awaitGone(ThrEngine engine, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (engine.threads().stream().anyMatch(t -> t.name().equals(name))) {
            if (System.nanoTime() > deadline) throw new AssertionError(name + " never stopped: " + engine.threads());
            Thread.sleep(10);
        }
    }

    @Test
    void stopsTheNamedThreadOnlyAndLetsGoOfItsLock() throws Exception {
        StringWriter err = new StringWriter();
        ThrEngine engine = Thr.builder().stderr(err).build();
        engine.run(engine.compileInteractive("s", """
                l = lock()
                holder = thread(fn() { with l { while true { } } }, name="holder")
                sleeper = thread(fn() { sleep 60 }, name="sleeper")
                holder.start()
                sleeper.start()
                """));
        awaitState(engine, "sleeper", "sleeping");
        List<Long> idents = engine.threadIdents("holder");
        assertEquals(1, idents.size());
        assertEquals("holder", engine.stopThread(idents.get(0)));
        awaitGone(engine, "holder");
        assertTrue(engine.threads().stream().anyMatch(t -> t.name().equals("sleeper")), "the other thread goes on");
        assertEquals(true, engine.run(engine.compileInteractive("t", "l.acquire(timeout=5)")), "the lock was let go of");
        assertEquals("", err.toString(), "a thread stopped on purpose is not reported as an error");
        engine.cancel();
    }

    @Test
    void findsByIdentOrByNameAndSaysWhenNothingMatches() throws Exception {
        ThrEngine engine = Thr.builder().build();
        engine.run(engine.compileInteractive("s", """
                a = thread(fn() { sleep 60 }, name="twin")
                b = thread(fn() { sleep 60 }, name="twin")
                a.start()
                b.start()
                """));
        long identA = ((Number) engine.run(engine.compileInteractive("i", "a.ident"))).longValue();
        assertEquals(2, engine.threadIdents("twin").size(), "two threads share the name");
        assertEquals(List.of(identA), engine.threadIdents(Long.toString(identA)));
        assertEquals(List.of(), engine.threadIdents("nobody"));
        assertEquals("twin", engine.stopThread(identA));
        awaitState(engine, "twin", "sleeping");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (engine.threadIdents("twin").size() != 1) {
            if (System.nanoTime() > deadline) throw new AssertionError("a never stopped");
            Thread.sleep(10);
        }
        assertNull(engine.stopThread(identA), "a stopped thread is not found again");
        engine.cancel();
    }
}
