package dev.thr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each cap a host can set is a LimitError in the script; cancel() leaves no thread alive. */
@Timeout(120)
class LimitsTest {
    static String caught(ThrEngine engine, String code) throws Exception {
        return (String) engine.eval("msg = \"no error\"\ntry {\n" + code + "\n} catch e { msg = \"{e.kind}: {e.message}\" }\nmsg");
    }

    @Test
    void liveThreads() throws Exception {
        ThrEngine engine = Thr.builder().maxLiveThreads(3).build();
        // eval waits for the threads it leaves running: the event lets them end
        assertEquals("LimitError: at most 3 threads may run at once", caught(engine, """
                e = event()
                try { for i in range(5) { spawn e.wait() } } finally { e.set() }"""));
    }

    @Test
    void liveThreadsFreeUpAsThreadsEnd() throws Exception {
        ThrEngine engine = Thr.builder().maxLiveThreads(2).build();
        assertEquals("no error", caught(engine, "for i in range(10) { t = spawn fn() { }(); join t }"));
    }

    @Test
    void totalThreads() throws Exception {
        ThrEngine engine = Thr.builder().maxThreads(4).build();
        assertEquals("LimitError: the program may start at most 4 threads", caught(engine,
                "for i in range(10) { t = spawn fn() { }(); join t }"));
    }

    @Test
    void queueSize() throws Exception {
        ThrEngine engine = Thr.builder().maxQueueSize(5).build();
        assertEquals("LimitError: a queue may hold at most 5 items", caught(engine, "q = queue()\nfor i in range(6) { q.put(i) }"));
        assertEquals("no error", caught(engine, "q = queue(3)\nfor i in range(3) { q.put(i) }"));
    }

    @Test
    void output() throws Exception {
        StringWriter out = new StringWriter();
        ThrEngine engine = Thr.builder().stdout(out).maxOutput(20).build();
        assertEquals("LimitError: the program printed more than 20 characters", caught(engine, "for i in range(100) { print \"line {i}\" }"));
        assertTrue(out.toString().length() <= 20, out.toString());
    }

    @Test
    void cancelStopsBusyAndBlockedThreadsAndDaemons() throws Exception {
        ThrEngine engine = Thr.builder().build();
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.eval("""
                        l = lock()
                        l.acquire()
                        q = queue(1)
                        e = event()
                        spawn fn() { while true { } }()
                        spawn fn() { l.acquire() }()
                        spawn fn() { q.get() }()
                        spawn fn() { sleep 3600 }()
                        t = thread(fn() { while true { sleep 0.01 } }, daemon=true)
                        t.start()
                        spawn fn() { join t }()
                        e.wait()
                        """);
            } catch (InterruptedException e) {
                return "interrupted";
            } catch (ThrException e) {
                return e;
            }
        });
        while (engine.liveThreads() < 7) Thread.sleep(10); // main and six threads
        engine.cancel();
        assertEquals(0, engine.liveThreads());
        assertEquals("interrupted", run.get(30, TimeUnit.SECONDS));
        assertEquals(2L, engine.eval("1 + 1"), "the engine is usable after cancel()");
    }

    @Test
    void timeoutCoversTheThreadsARunWaitsFor() {
        ThrEngine engine = Thr.builder().timeout(Duration.ofMillis(200)).build();
        ThrException e = assertThrows(ThrException.class, () -> engine.eval("spawn fn() { sleep 3600 }()"));
        assertEquals("LimitError", e.kind());
        assertEquals(0, engine.liveThreads());
    }

    @Test
    void runsOfOneEngineAreApart() throws Exception {
        ThrEngine engine = Thr.builder().timeout(Duration.ofMillis(500)).maxThreads(1).build();
        engine.eval("gate = event()");
        CompletableFuture<Object> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.eval("t = spawn fn() { gate.wait() }()\nt.join(2)\n\"waited\"");
            } catch (ThrException e) {
                return e.kind();
            } catch (InterruptedException e) {
                return "interrupted";
            }
        });
        while (engine.liveThreads() < 2) Thread.sleep(10);
        // another run: its own thread cap, and it neither waits for nor stops the slow run
        assertEquals(1L, engine.eval("t2 = spawn fn() { return 1 }()\njoin t2\nt2.result"));
        assertEquals("LimitError", slow.get(30, TimeUnit.SECONDS), "the slow run hit its own timeout");
        assertEquals(0, engine.liveThreads());
    }

    @Test
    void hostFunctionsMayRaiseTheirOwnKinds() throws Exception {
        ThrEngine engine = Thr.builder().function("lookup", args -> { throw new ThrException("LookupError", "no such page"); }).build();
        assertEquals("LookupError: no such page", caught(engine, "lookup()"));
    }

    @Test
    void aScriptRunsOnlyOnTheEngineThatCompiledIt() throws Exception {
        ThrEngine.Script script = Thr.builder().build().compile("s", "print 1");
        assertThrows(IllegalArgumentException.class, () -> Thr.builder().build().run(script));
    }

    /** Work that runs inside one builtin, operator or comprehension for seconds or minutes; each is stopped by cancel(). */
    static java.util.stream.Stream<String> longWork() {
        return java.util.stream.Stream.of(
                "x = sum(range(10 ** 15))",
                "x = [0 for i in range(10 ** 12) if i < 0]",
                "x = len([i for i in range(10 ** 6) for j in range(10 ** 6)])",
                "x = sorted(range(10 ** 12))",
                "xs = list(range(5 * 10 ** 6))\nwhile true { ys = sorted(xs, reverse=true) }",
                "x = max(range(10 ** 15))",
                "x = any([false for i in range(10 ** 12)])",
                "x = enumerate(range(10 ** 12))",
                "x = list(range(10 ** 12))",
                "x = set(range(10 ** 12))",
                "x = {i for i in range(10 ** 12)}",
                "x = {i: i for i in range(10 ** 12)}",
                "fn f(*xs) { }\nf(*range(10 ** 12))",
                "try { sleep 3600 } finally { while true { } }",
                "q = queue()\ntry { q.get() } finally { q.get() }",
                "spawn fn() { y = sum(range(10 ** 15)) }()\nsleep 3600",
                // single operations on huge values, each seconds long in one Java call before it was cut up
                "x = 7 ** 30000000",
                "s = 10 ** 10000000\nstarted()\nx = s * s",
                "s = [1] * 10 ** 7\nstarted()\nx = s * 30",
                "s = \"ab\" * 10 ** 8\nstarted()\nx = s.replace(\"a\", \"cd\")",
                "s = \"ab\" * 10 ** 8\nstarted()\nx = s[::-1]",
                "s = \"a,\" * (3 * 10 ** 7)\nstarted()\nx = s.split(\",\")",
                "s = list(range(10 ** 7))\nstarted()\nx = str(s)",
                "s = set(range(2 * 10 ** 6))\nstarted()\nx = (s ^ s) | (s - s) | (s & s)",
                "a = [0] * 1000\nb = [a] * 1000\nc = [b] * 1000\nstarted()\nx = str(c)",
                "s = \"ab\" * 10 ** 8\nstarted()\nx = s.replace(\"\", \"-\")");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("longWork")
    void cancelStopsWorkInsideABuiltin(String work) throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        ThrEngine engine = Thr.builder().function("started", args -> { started.countDown(); return null; }).build();
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.eval(work.contains("started()") ? work : "started()\n" + work);
            } catch (InterruptedException e) {
                return "interrupted";
            } catch (ThrException e) {
                return e;
            }
        });
        started.await();
        engine.cancel(); // throws when a thread of the run would not stop
        assertEquals(0, engine.liveThreads());
        assertEquals("interrupted", run.get(30, TimeUnit.SECONDS));
        if (work.contains("x = ")) {
            ThrException e = assertThrows(ThrException.class, () -> engine.eval("x"), "the stopped work's value never lands");
            assertTrue(e.getMessage().contains("unknown name 'x'"), e.getMessage());
        }
    }

    @Test
    void anIntegerTooLongToShowIsAValueErrorAtItsLine() throws Exception {
        ThrEngine engine = Thr.builder().build();
        ThrException e = assertThrows(ThrException.class, () -> engine.eval("x = 7 ** 100000\nprint \"{x}\""));
        assertEquals("ValueError", e.kind());
        assertTrue(e.getMessage().startsWith("<eval>:2:"), e.getMessage());
        assertEquals(4300L, engine.eval("len(str(10 ** 4299))"));
        assertEquals(true, engine.eval("len(\"{7 ** 100000:x}\") > 0"), "hex is quick at any length");
        assertEquals("ValueError", assertThrows(ThrException.class, () -> engine.eval("int(\"9\" * 5000)")).kind());
    }

    @Test
    void errorReportsOfThreadsCountAgainstTheOutputCap() throws Exception {
        StringWriter err = new StringWriter();
        ThrEngine engine = Thr.builder().maxOutput(300).stderr(err).stdout(new StringWriter()).build();
        engine.eval("for i in range(1000) { spawn fn() { raise error(\"Boom\", \"x\" * 100) }() }");
        assertTrue(err.toString().length() < 500, err.toString().length() + " characters");
        assertTrue(err.toString().contains("the output limit of 300 characters is reached"), err.toString());
    }

    @Test
    void aThreadsNameCannotForgeALineOfAReport() throws Exception {
        StringWriter err = new StringWriter();
        ThrEngine engine = Thr.builder().stderr(err).build();
        engine.eval("t = thread(fn() { raise error(\"Boom\") }, name=\"a\\nException in thread b:\")\nt.start()\njoin t");
        assertTrue(err.toString().startsWith("Exception in thread a\\nException in thread b::\n"), err.toString());
        assertEquals("a\nException in thread b:", engine.eval("t.name"), "the name itself is as given");
    }

    @Test
    void aProgramCannotMakeTheKindsAHostTrusts() throws Exception {
        ThrEngine engine = Thr.builder().build();
        for (String kind : new String[] {"LimitError", "DeadlockError", "InternalError", "MemoryError"}) {
            ThrException e = assertThrows(ThrException.class, () -> engine.eval("raise error(\"" + kind + "\", \"fake\")"));
            assertEquals("ValueError", e.kind(), kind);
        }
    }
}
