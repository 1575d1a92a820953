package dev.thr.builtins;

import static dev.thr.builtins.Snippets.AWAIT_STATE;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.testing.Run;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * thread(), start, join (statement and method, with timeout), state, result, error, names,
 * current_thread, main_thread, active_count, threads. States are observed through the
 * program's own synchronisation, polled by a loop bounded by a count, never by the clock.
 */
@Timeout(60)
class ThreadBuiltinsTest {


    @Test
    void threadTakesArgsKwargsNameAndDaemon() {
        assertEquals("calc true new false false\n13 terminated false nil true\n", output("""
                fn w(a, b=0, c=0) { return a + b + c }
                t = thread(w, args=[1], kwargs={"b": 2, "c": 10}, name="calc", daemon=true)
                print t.name, t.daemon, t.state, t.alive, t.is_alive()
                t.start()
                join t
                print t.result, t.state, t.alive, repr(t.error), t.daemon
                """));
    }

    @Test
    void threadWithoutArgumentsAndWithPositionalTarget() {
        assertEquals("hi\nnil\n7\n", output("""
                fn hello() { print "hi" }
                t = thread(hello)
                t.start()
                join t
                print repr(t.result)
                u = thread(target=fn(x) => x + 1, args=[6])
                u.start()
                print u.join() and u.result
                """));
    }

    @Test
    void startingTwiceIsARuntimeError() {
        assertEquals("RuntimeError threads can only be started once\n", output("""
                t = thread(fn() => 1)
                t.start()
                join t
                try { t.start() } catch Error e { print e.kind, e.message }
                """));
        assertEquals("RuntimeError: threads can only be started once", failure("main_thread().start()\n"));
    }

    static Stream<Arguments> joinErrors() {
        return Snippets.table("""
                join 5 ==> TypeError: join needs a thread, not int
                join nil ==> TypeError: join needs a thread, not nil
                lock().join() ==> AttributeError: lock has no member 'join'
                join current_thread() ==> RuntimeError: a thread cannot join itself: it would wait forever
                join thread(fn() => 1, name="idle") ==> RuntimeError: cannot join thread idle before it is started
                thread(fn() => 1, name="idle").join() ==> RuntimeError: cannot join thread idle before it is started
                thread(fn() => 1).join(-1) ==> ValueError: join timeout must be 0 or more seconds
                thread(5) ==> TypeError: thread's target must be a function, not int
                thread(fn() => 1, kwargs=[1]) ==> TypeError: kwargs must be a map, not list
                thread(fn() => 1, args=5) ==> TypeError: thread()'s args must be a list of the target's arguments, as in thread(f, args=[1, 2]), not int
                """);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("joinErrors")
    void joinAndThreadMisuse(String stmt, String expected) {
        assertEquals(expected, failure(stmt + "\n"));
    }

    @Test
    void joiningTheMainThreadIsARuntimeError() {
        assertEquals("RuntimeError cannot join the main thread\n", output("""
                fn j() {
                  try { join main_thread() } catch Error e { return e.kind + " " + e.message }
                }
                t = spawn j()
                join t
                print t.result
                """));
    }

    @Test
    void joinWithATimeoutReportsWhetherTheThreadEnded() {
        assertEquals("false true\ntrue true terminated\n", output("""
                e = event()
                t = spawn e.wait()
                first = t.join(0.05)
                print first, t.alive
                e.set()
                print t.join(timeout=10), t.result, t.state
                """));
    }

    @Test
    void statesNewRunnableWaitingSleepingBlockedTerminated() {
        assertEquals("new\nrunnable\nwaiting\nsleeping\nblocked\nterminated terminated terminated\n", output(AWAIT_STATE + """
                ready = event()
                go = event()
                fn spinner() { ready.set(); while not go.is_set() { } }
                s = thread(spinner)
                print s.state
                s.start()
                ready.wait()
                print s.state
                go.set()

                ready2 = event()
                release = event()
                fn waiter() { ready2.set(); release.wait() }
                w = spawn waiter()
                ready2.wait()
                print await_state(w, "waiting")
                release.set()

                q = queue()
                stop = event()
                fn sleeper() { q.put("about to sleep"); while not stop.is_set() { sleep 0.01 } }
                z = spawn sleeper()
                q.get()
                print await_state(z, "sleeping")
                stop.set()

                l = lock()
                l.acquire()
                fn taker() { with l { } }
                b = spawn taker()
                print await_state(b, "blocked")
                l.release()

                join s, w, z, b
                print s.state, w.state, await_state(b, "terminated")
                """));
    }

    @Test
    void aThreadJoiningAnotherIsWaiting() {
        assertEquals("waiting\n", output(AWAIT_STATE + """
                e = event()
                inner = spawn e.wait()
                outer = spawn fn() { join inner }()
                print await_state(outer, "waiting")
                e.set()
                join outer
                """));
    }

    @Test
    void resultAndErrorAfterJoin() {
        Run r = Run.of("test.thr", """
                fn ok() { return [1, "two"] }
                fn nothing() { }
                fn bad() { raise ValueError("oops") }
                a = spawn ok()
                b = spawn nothing()
                c = spawn bad()
                join a, b, c
                print a.result, repr(a.error)
                print repr(b.result), repr(b.error)
                print repr(c.result), c.error.kind, c.error.message, c.state
                """);
        assertEquals("[1, 'two'] nil\nnil nil\nnil ValueError oops terminated\n", r.stdout());
        assertEquals(0, r.status(), r.stderr());
        assertTrue(r.stderr().startsWith("Exception in thread Thread-3 (bad):\n"), r.stderr());
    }

    @Test
    void currentAndMainThread() {
        assertEquals("MainThread MainThread true runnable true false\nworker false MainThread\n", output("""
                m = main_thread()
                print current_thread().name, m.name, current_thread() == m, m.state, m.alive, m.daemon
                fn who() { c = current_thread(); return [c.name, c == main_thread(), main_thread().name] }
                t = thread(who, name="worker")
                t.start()
                join t
                print t.result[0], t.result[1], t.result[2]
                """));
    }

    @Test
    void activeCountAndThreadsListTheLiveThreads() {
        assertEquals("1 ['MainThread']\n3 ['MainThread', 'a', 'b'] MainThread\n1\n", output("""
                print active_count(), [t.name for t in threads()]
                e = event()
                a = thread(e.wait, name="a")
                b = thread(e.wait, name="b")
                idle = thread(e.wait, name="never started")
                a.start()
                b.start()
                print active_count(), sorted([t.name for t in threads()]), threads()[0].name
                e.set()
                join a, b
                print active_count()
                """));
    }

    /** As in Python: only unnamed threads take a number; a lambda shows as "<lambda>", a spawn block as nothing. */
    @Test
    void automaticNamesNumberTheUnnamedThreads() {
        assertEquals("Thread-1 (work)\nThread-2 (work)\nThread-3 (<lambda>)\nnamed\nThread-4 (work)\nThread-5\nThread-6 (work)\n", output("""
                fn work() { }
                a = spawn work()
                b = thread(work)
                c = thread(fn() => 1)
                d = thread(work, name="named")
                e = spawn work()
                f = spawn { x = 1 }
                g = thread(work, name="")
                for t in [a, b, c, d, e, f, g] { print t.name }
                join a, e, f
                """));
    }

    @Test
    void aSpawnBlockRunsInANewThreadWithItsOwnVariables() {
        assertEquals("in block false\n100 1100 global\nset by block\n", output("""
                t = spawn { print "in block", current_thread() == main_thread() }
                join t
                total = "global"
                b = barrier(2)
                t1 = spawn { total = 0; b.wait(); for i in range(100) { total += 1 }; return total }
                t2 = spawn { total = 1000; b.wait(); for i in range(100) { total += 1 }; return total }
                join t1, t2
                print t1.result, t2.result, total
                t3 = spawn { global total; total = "set by block" }
                join t3
                print total
                """));
    }

    /** `spawn { }` can only mean an empty block: spawning a map is never meaningful. */
    @Test
    void anEmptySpawnBlockIsAThreadThatDoesNothing() {
        assertEquals("terminated\n", output("t = spawn { }\njoin t\nprint t.state\n"));
    }

    @Test
    void nameCanChangeButDaemonOnlyBeforeStart() {
        assertEquals("renamed true\nRuntimeError cannot set daemon status of active thread\n", output("""
                e = event()
                t = thread(e.wait)
                t.name = "renamed"
                t.daemon = true
                print t.name, t.daemon
                t.daemon = false
                t.start()
                try { t.daemon = true } catch Error err { print err.kind, err.message }
                e.set()
                join t
                """));
    }

    @Test
    void identIsSetOnStart() {
        assertEquals("nil int true\n", output("""
                t = thread(fn() => 1)
                before = repr(t.ident)
                t.start()
                join t
                print before, type(t.ident), t.ident != current_thread().ident
                """));
    }

    @Test
    void manyThreadsAllReturnTheirResult() {
        assertEquals("4950\n", output("""
                ts = [spawn fn(i) { return i }(i) for i in range(100)]
                total = 0
                for t in ts { join t; total += t.result }
                print total
                """));
    }
}
