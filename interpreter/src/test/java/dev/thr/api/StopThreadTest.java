package dev.thr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * stopThread stops one thread of an engine, as a REPL's :kill does, and leaves the others
 * running. The programs' own events and joins say when a thread holds its lock or has ended.
 */
@Timeout(60)
class StopThreadTest {
    @Test
    void stopsTheNamedThreadOnlyAndLetsGoOfItsLock() throws Exception {
        StringWriter err = new StringWriter();
        ThrEngine engine = Thr.builder().stderr(err).build();
        engine.run(engine.compileInteractive("s", """
                l = lock()
                held = event()
                holder = thread(fn() { with l { held.set(); while true { } } }, name="holder")
                sleeper = thread(fn() { sleep 60 }, name="sleeper")
                holder.start()
                sleeper.start()
                held.wait()
                """));
        List<Long> idents = engine.threadIdents("holder");
        assertEquals(1, idents.size());
        assertEquals("holder", engine.stopThread(idents.get(0)));
        assertEquals(List.of(false, true), engine.run(engine.compileInteractive("j", "join holder\n[holder.alive, sleeper.alive]")),
                "the holder has ended, the other thread goes on");
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
        engine.run(engine.compileInteractive("j", "join a"));
        assertEquals(1, engine.threadIdents("twin").size());
        assertNull(engine.stopThread(identA), "a stopped thread is not found again");
        engine.cancel();
    }
}
