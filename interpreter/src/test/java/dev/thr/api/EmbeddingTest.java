package dev.thr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The host API as a Java program uses it: values both ways, host functions, isolation, reuse. */
@Timeout(120)
class EmbeddingTest {
    @Test
    void evalGivesBackTheLastValueConvertedToJava() throws Exception {
        ThrEngine engine = Thr.builder().build();
        assertEquals(42L, engine.eval("x = 40\nx + 2"));
        assertEquals(List.of(1L, "two", 3.5, true), engine.eval("[1, \"two\", 3.5, true]"));
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("a", List.of(1L));
        expected.put(2L, null);
        assertEquals(expected, engine.eval("{\"a\": [1], 2: nil}"));
        assertEquals(null, engine.eval("print \"statement\""));
        assertEquals(new java.math.BigInteger("1267650600228229401496703205376"), engine.eval("2 ** 100"));
    }

    @Test
    void globalsGoInAndComeOut() throws Exception {
        ThrEngine engine = Thr.builder().global("limit", 3).global("names", List.of("a", "b"))
                .global("weights", Map.of("a", 1.5f)).build();
        assertEquals("3 ['a', 'b'] 1.5 float", engine.eval("\"{limit} {names} {weights['a']} {type(weights['a'])}\""));
        engine.eval("result = [n.upper() for n in names]");
        assertEquals(List.of("A", "B"), engine.global("result"));
        engine.global("limit", 10);
        assertEquals(20L, engine.eval("limit * 2"));
        assertTrue(engine.globalNames().containsAll(List.of("limit", "names", "result", "weights")));
    }

    @Test
    void hostFunctionsAreCalledByNameFromAnyThread() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ThrEngine engine = Thr.builder()
                .function("double", args -> (Long) args.get(0) * 2)
                .function("record", args -> { calls.incrementAndGet(); return null; })
                .function("fail", args -> { throw new IllegalStateException("disk full"); })
                .build();
        assertEquals(List.of(2L, 4L, 6L), engine.eval("[double(x) for x in [1, 2, 3]]"));
        engine.eval("ts = [spawn record() for _ in range(20)]\nfor t in ts { join t }");
        assertEquals(20, calls.get());
        assertEquals("HostError fail(): disk full", engine.eval("msg = nil\ntry { fail() } catch e { msg = \"{e.kind} {e.message}\" }\nmsg"));
        ThrException e = assertThrows(ThrException.class, () -> engine.eval("double(x=1)"));
        assertEquals("TypeError", e.kind());
    }

    @Test
    void errorsCarryKindPositionAndTrace() throws Exception {
        ThrEngine engine = Thr.builder().build();
        ThrException runtime = assertThrows(ThrException.class, () -> engine.eval("fn f(n) {\n  return 10 / n\n}\nf(0)"));
        assertEquals("ZeroDivisionError", runtime.kind());
        assertEquals("division by zero", runtime.detail());
        assertEquals(2, runtime.line());
        assertEquals(13, runtime.column());
        assertEquals(List.of("f (<eval>:2:13)", "<main> (<eval>:4:1)"), runtime.trace());
        ThrException syntax = assertThrows(ThrException.class, () -> engine.compile("bad.thr", "x = (1 +"));
        assertTrue(syntax.isSyntaxError());
        assertEquals("bad.thr", syntax.file());
        assertEquals(1, syntax.line());
        assertTrue(syntax.getMessage().contains("^"), syntax.getMessage());
    }

    @Test
    void twoEnginesShareNothing() throws Exception {
        StringWriter outA = new StringWriter(), outB = new StringWriter();
        ThrEngine a = Thr.builder().stdout(outA).build();
        ThrEngine b = Thr.builder().stdout(outB).build();
        a.eval("shared = \"a's\"\nt = spawn fn() { print current_thread().name }()\njoin t");
        b.eval("t = spawn fn() { print current_thread().name }()\njoin t");
        assertEquals("Thread-1 (<lambda>)\n", outA.toString());
        assertEquals("Thread-1 (<lambda>)\n", outB.toString(), "thread numbering is per engine");
        assertEquals("a's", a.global("shared"));
        assertEquals(null, b.global("shared"));
        assertThrows(ThrException.class, () -> b.compile("x", "print shared"), "b has no such name");
    }

    @Test
    void aCompiledScriptRunsFromEightHostThreadsAtOnce() throws Exception {
        ThrEngine engine = Thr.builder().build();
        ThrEngine.Script script = engine.compileExpression("work.thr", """
                fn work(n) {
                  q = queue(2)
                  spawn fn() { for i in range(n) { q.put(i) }; q.put(nil) }()
                  total = 0
                  while true {
                    x = q.get()
                    if x == nil { return total }
                    total += x
                  }
                }
                [work(100), main_thread().name, current_thread() == main_thread()]
                """);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch ready = new CountDownLatch(8);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                ready.countDown();
                ready.await();
                return engine.evalScript(script);
            }));
        }
        for (Future<Object> r : results) assertEquals(List.of(4950L, "MainThread", true), r.get());
        pool.shutdown();
    }

    @Test
    void callsScriptFunctionsFromJava() throws Exception {
        ThrEngine engine = Thr.builder().build();
        engine.eval("fn greet(name, greeting=\"Hello\") { return \"{greeting}, {name}!\" }");
        assertEquals("Hello, thr!", engine.call("greet", List.of("thr")));
        assertEquals("NameError", assertThrows(ThrException.class, () -> engine.call("nope", List.of())).kind());
    }

    @Test
    void inputReadsTheHostsStdin() throws Exception {
        StringWriter out = new StringWriter();
        ThrEngine engine = Thr.builder().stdin(new StringReader("Ada\n")).stdout(out).build();
        assertEquals("Hi, Ada", engine.eval("name = input(\"name? \")\n\"Hi, {name}\""));
        assertEquals("name? ", out.toString());
        assertEquals("EOFError", assertThrows(ThrException.class, () -> engine.eval("input()")).kind());
    }

    @Test
    void runsAFileAndGivesBackItsValue() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("thr", ".thr");
        java.nio.file.Files.writeString(file, "x = 6\nx * 7\n");
        assertEquals(42L, Thr.builder().build().run(file));
    }

    @Test
    void theRunTimeCapStopsARunawayProgram() {
        ThrEngine engine = Thr.builder().timeout(Duration.ofMillis(300)).build();
        ThrException e = assertThrows(ThrException.class, () -> engine.eval("spawn fn() { while true { } }()\nwhile true { }"));
        assertEquals("LimitError", e.kind());
        assertEquals(0, engine.liveThreads(), "no thread of the run is left");
    }
}
