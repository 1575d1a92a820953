package dev.thr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A host's thread factory makes the threads programs spawn; when no thread can be made, the
 * program gets Python's `RuntimeError: can't start new thread` at the line, can catch it, and
 * does not wait at its end for the thread that never started.
 */
@Timeout(60)
class ThreadFactoryTest {
    /** Makes `limit` threads, then fails as the JVM does when the system has no more. */
    static ThreadFactory upTo(int limit, boolean refuseWithNull, AtomicInteger made) {
        return body -> {
            if (made.incrementAndGet() <= limit) return new Thread(body);
            if (refuseWithNull) return null;
            return new Thread(body) {
                @Override
                public synchronized void start() {
                    throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached");
                }
            };
        };
    }

    static final String PROGRAM = """
            results = []
            fn work(i) { results.append(i) }
            started = []
            try {
              for i in range(5) { started.append(spawn work(i)) }
            } catch RuntimeError e {
              print "caught:", e
            }
            for t in started { join t }
            print sorted(results), current_thread().name
            """;

    @Test
    void aThreadTheSystemCannotMakeIsACatchableRuntimeError() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger made = new AtomicInteger();
        ThrEngine engine = Thr.builder().stdout(out).threadFactory(upTo(3, false, made)).build();
        engine.eval(PROGRAM);
        engine.awaitThreads(); // the thread that failed to start is not waited for
        assertEquals("""
                caught: can't start new thread (unable to create native thread: possibly out of memory or process/resource limits reached)
                [0, 1, 2] MainThread
                """, out.toString());
        assertEquals(0, engine.liveThreads());
    }

    @Test
    void aFactoryThatRefusesIsTheSameError() throws Exception {
        StringWriter out = new StringWriter();
        ThrEngine engine = Thr.builder().stdout(out).threadFactory(upTo(2, true, new AtomicInteger())).build();
        engine.eval(PROGRAM);
        assertEquals("caught: can't start new thread (the host's thread factory refused)\n[0, 1] MainThread\n", out.toString());
    }

    @Test
    void uncaughtItNamesTheLineThatStartedTheThread() {
        ThrEngine engine = Thr.builder().threadFactory(upTo(0, true, new AtomicInteger())).build();
        ThrException e = org.junit.jupiter.api.Assertions.assertThrows(ThrException.class, () -> engine.eval("""
                x = 1
                t = spawn fn() { }()
                """));
        assertEquals("RuntimeError", e.kind());
        assertEquals(2, e.line());
    }

    @Test
    void aThreadThatCouldNotStartMayBeStartedAgain() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger made = new AtomicInteger(-1); // the first thread fails, later ones start
        ThreadFactory once = body -> made.incrementAndGet() == 0 ? null : new Thread(body);
        ThrEngine engine = Thr.builder().stdout(out).threadFactory(once).build();
        engine.eval("""
                t = thread(fn() { print "ran" })
                try { t.start() } catch RuntimeError { print "not yet:", t.state }
                t.start()
                join t
                """);
        assertEquals("not yet: new\nran\n", out.toString());
    }

    @Test
    void theFactorysThreadsGetThrsNamesAndDaemonFlags() throws Exception {
        StringWriter out = new StringWriter();
        ThrEngine engine = Thr.builder().stdout(out).threadFactory(Thread::new).build();
        engine.eval("""
                t = thread(fn() { print current_thread().name, current_thread().daemon }, name="w", daemon=true)
                t.start()
                join t
                """);
        assertTrue(out.toString().equals("w true\n"), out.toString());
    }
}
