package dev.thr.runtime;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Timeouts, the same everywhere: nil waits as long as it takes, 0 does not wait, a negative one
 * is a ValueError; when the time runs out, calls return false except queue and barrier waits.
 */
@Timeout(60)
class TimeoutsTest {

    static Stream<Arguments> negative() {
        return rows("""
                e = event()\\ne.wait(-1) ==> ValueError: wait timeout must be 0 or more seconds
                c = condition()\\nwith c { c.wait(-1) } ==> ValueError: wait timeout must be 0 or more seconds
                c = condition()\\nwith c { c.wait_for(fn() => false, -1) } ==> ValueError: wait_for timeout must be 0 or more seconds
                b = barrier(2)\\nb.wait(-1) ==> ValueError: wait timeout must be 0 or more seconds
                q = queue(1)\\nq.put(1, timeout=-1) ==> ValueError: put timeout must be 0 or more seconds
                q = queue()\\nq.get(timeout=-0.5) ==> ValueError: get timeout must be 0 or more seconds
                l = lock()\\nl.acquire(timeout=-1) ==> ValueError: acquire timeout must be 0 or more seconds
                r = rlock()\\nr.acquire(timeout=-1) ==> ValueError: acquire timeout must be 0 or more seconds
                s = semaphore()\\ns.acquire(timeout=-0.5) ==> ValueError: acquire timeout must be 0 or more seconds
                t = spawn fn() { }()\\nt.join(-1) ==> ValueError: join timeout must be 0 or more seconds
                l = lock()\\nl.acquire(timeout="1") ==> TypeError: acquire needs a number of seconds, not str
                e = event()\\ne.wait(float("nan")) ==> ValueError: wait needs a number of seconds, not nan
                """);
    }

    private static Stream<Arguments> rows(String text) {
        return dev.thr.builtins.Snippets.table(text)
                .map(a -> Arguments.of(((String) a.get()[0]).replace("\\n", "\n"), a.get()[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negative")
    void aNegativeOrNonNumericTimeoutIsRefused(String program, String expected) {
        assertEquals(expected, failure(program + "\n"));
    }

    @Test
    void aZeroTimeoutDoesNotWait() {
        assertEquals("false false false false false false\nQueueEmpty QueueFull BrokenBarrierError\n", output("""
                e = event()
                l = lock()
                l.acquire()
                s = semaphore(0)
                c = condition()
                blocker = spawn e.wait()
                with c { w = c.wait(0) }
                print e.wait(0), l.acquire(timeout=0), s.acquire(timeout=0), w, blocker.join(0), l.acquire(false)
                kinds = []
                q = queue(1)
                try { q.get(timeout=0) } catch Error err { kinds.append(err.kind) }
                q.put(1)
                try { q.put(2, timeout=0) } catch Error err { kinds.append(err.kind) }
                b = barrier(2)
                try { b.wait(0) } catch Error err { kinds.append(err.kind) }
                print " ".join(kinds)
                e.set()
                join blocker
                """));
    }

    @Test
    void aNilTimeoutWaitsAsLongAsItTakes() {
        assertEquals("true true item 0 true\n", output("""
                e = event()
                l = lock()
                q = queue()
                b = barrier(2)
                l.acquire()
                fn later() { e.set(); l.release(); q.put("item"); b.wait(nil) }
                t = spawn later()
                print e.wait(nil), l.acquire(timeout=nil), q.get(timeout=nil), b.wait(timeout=nil) * 0, t.join(nil)
                """));
    }

    @Test
    void aLargeTimeoutIsNotAnOverflow() {
        assertEquals("true true\n", output("""
                e = event()
                e.set()
                l = lock()
                print e.wait(1e300), l.acquire(timeout=10 ** 30)
                """));
    }
}
