package dev.thr.runtime;

import static dev.thr.builtins.Snippets.AWAIT_STATE;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** queue(): order, blocking, timeouts, nowait, task_done/join, nil items, and a many-thread stress run. */
@Timeout(60)
class QueueTest {


    @Test
    void itemsComeOutInTheOrderTheyWentIn() {
        assertEquals("[1, 'two', [3], 4.0, 5]\ntrue\n", output("""
                q = queue()
                for x in [1, "two", [3], 4.0, 5] { q.put(x) }
                print [q.get() for i in range(5)]
                print q.empty()
                """));
    }

    @Test
    void nilIsAnItemLikeAnyOther() {
        assertEquals("1 false\nnil 1\nnil nil\ntrue\n", output("""
                q = queue(2)
                q.put(nil)
                print len(q), q.empty()
                print repr(q.get()), len(q) + 1
                q.put(nil)
                q.put_nowait(nil)
                print repr(q.get()), repr(q.get_nowait())
                print q.empty()
                """));
    }

    @Test
    void aPutToAFullQueueWaitsForAGet() {
        assertEquals("waiting true false\na\nb true\n", output(AWAIT_STATE + """
                q = queue(1)
                q.put("a")
                started = event()
                put_done = event()
                fn producer() { started.set(); q.put("b"); put_done.set() }
                t = spawn producer()
                started.wait()
                print await_state(t, "waiting"), q.full(), put_done.is_set()
                print q.get()
                join t
                print q.get(), put_done.is_set()
                """));
    }

    @Test
    void aGetFromAnEmptyQueueWaitsForAPut() {
        assertEquals("waiting\nhello\n", output(AWAIT_STATE + """
                q = queue()
                t = spawn q.get()
                print await_state(t, "waiting")
                q.put("hello")
                join t
                print t.result
                """));
    }

    static Stream<Arguments> failures() {
        return rows("""
                q = queue()\\nq.get(timeout=0.01) ==> QueueEmpty: the queue is empty
                q = queue()\\nq.get(block=false) ==> QueueEmpty: the queue is empty
                q = queue()\\nq.get_nowait() ==> QueueEmpty: the queue is empty
                q = queue(1)\\nq.put(1)\\nq.put_nowait(2) ==> QueueFull: the queue is full
                q = queue(1)\\nq.put(1)\\nq.put(2, timeout=0.01) ==> QueueFull: the queue is full
                q = queue(1)\\nq.put(1)\\nq.put(2, false) ==> QueueFull: the queue is full
                q = queue()\\nq.task_done() ==> ValueError: task_done() called more times than there were items
                q = queue()\\nq.put(1)\\nq.get()\\nq.task_done()\\nq.task_done() ==> ValueError: task_done() called more times than there were items
                q = queue()\\nq.get(timeout=-1) ==> ValueError: get timeout must be 0 or more seconds
                q = queue("3") ==> TypeError: maxsize must be an integer, not str
                """);
    }

    /** Table rows whose program spans lines, written with a literal backslash-n. */
    private static Stream<Arguments> rows(String text) {
        return dev.thr.builtins.Snippets.table(text)
                .map(a -> Arguments.of(((String) a.get()[0]).replace("\\n", "\n"), a.get()[1]));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void timeoutsAndNowaitRaise(String program, String expected) {
        assertEquals(expected, failure(program + "\n"));
    }

    @Test
    void queueErrorsCanBeCaughtByKind() {
        assertEquals("QueueEmpty\nQueueFull\n", output("""
                q = queue(1)
                try { q.get_nowait() } catch QueueEmpty e { print e.kind }
                q.put(1)
                try { q.put_nowait(2) } catch QueueFull e { print e.kind }
                """));
    }

    @Test
    void sizeQueries() {
        assertEquals("0 true false 0 0 0\n2 false true 2 2\n0 0\n<queue 2/2>\n", output("""
                q = queue()
                print q.maxsize, q.empty(), q.full(), len(q), q.size(), q.qsize()
                b = queue(2)
                b.put(1)
                b.put(2)
                print b.maxsize, b.empty(), b.full(), len(b), b.qsize()
                print queue(-3).maxsize, queue(0).maxsize
                print b
                """));
    }

    @Test
    void joinWaitsUntilEveryItemIsDone() {
        assertEquals("20 20\n", output("""
                q = queue()
                done = 0
                fn worker() {
                  global done
                  while true {
                    item = q.get()
                    if item == nil { q.task_done(); return }
                    done += 1
                    q.task_done()
                  }
                }
                t = spawn worker()
                for i in range(20) { q.put(i) }
                q.join()
                print done, 20
                q.put(nil)
                join t
                """));
    }

    @Test
    void joinOnAQueueWithNothingUnfinishedReturnsAtOnce() {
        assertEquals("ok\n", output("q = queue()\nq.join()\nq.put(1)\nq.get()\nq.task_done()\nq.join()\nprint \"ok\"\n"));
    }

    /**
     * Several producers push many items through one small bounded queue to several consumers.
     * Every item must come out exactly once: the sorted union of what consumers got equals what
     * producers put, and the per-consumer counts add up.
     */
    @ParameterizedTest(name = "{0} producers x {1} items -> queue({2}) -> {3} consumers")
    @CsvSource({
        "4, 500, 8, 4",
        "8, 250, 2, 3",
        "1, 2000, 1, 5",
        "6, 300, 16, 1",
        "3, 400, 3, 8",
    })
    void everyItemArrivesExactlyOnce(int producers, int items, int maxsize, int consumers) {
        assertEquals("true true true 0\n", output("""
                producers = %d
                items = %d
                consumers = %d
                q = queue(%d)
                l = lock()
                got = []
                fn produce(p) {
                  for i in range(items) { q.put(p * items + i) }
                }
                fn consume() {
                  mine = []
                  while true {
                    x = q.get()
                    if x == nil { return mine }
                    mine.append(x)
                  }
                }
                cs = [spawn consume() for c in range(consumers)]
                ps = [spawn produce(p) for p in range(producers)]
                for p in ps { join p }
                for c in cs { q.put(nil) }
                for c in cs { join c }
                all_items = []
                for c in cs { all_items.extend(c.result) }
                counts = sum([len(c.result) for c in cs])
                ordered = true
                for c in cs {
                  # One producer's items reach one consumer in the order they were put.
                  for p in range(producers) {
                    seq = [x for x in c.result if x // items == p]
                    ordered = ordered and seq == sorted(seq)
                  }
                }
                print sorted(all_items) == list(range(producers * items)), counts == producers * items, ordered, len(q)
                """.formatted(producers, items, consumers, maxsize)));
    }

    @Test
    void stressWithTaskDoneAndJoin() {
        assertEquals("2000 2000 true\n", output("""
                q = queue(4)
                l = lock()
                seen = {}
                fn consume() {
                  while true {
                    x = q.get()
                    if x == nil { q.task_done(); return }
                    with l { seen[x] = seen.get(x, 0) + 1 }
                    q.task_done()
                  }
                }
                fn produce(p) { for i in range(500) { q.put(p * 500 + i) } }
                cs = [spawn consume() for c in range(3)]
                ps = [spawn produce(p) for p in range(4)]
                for p in ps { join p }
                q.join()
                print len(seen), sum(seen.values()), all([v == 1 for v in seen.values()])
                for c in cs { q.put(nil) }
                for c in cs { join c }
                """));
    }
}
