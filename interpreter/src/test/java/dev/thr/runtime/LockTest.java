package dev.thr.runtime;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** lock() and rlock() as thr programs use them: mutual exclusion, timeouts, `with`, ownership. */
@Timeout(60)
class LockTest {

    @ParameterizedTest(name = "{0} threads x {1}")
    @CsvSource({"2, 1000", "4, 1000", "8, 500"})
    void withLockMakesIncrementsExact(int threads, int times) {
        assertEquals((threads * times) + "\n", output("""
                count = 0
                l = lock()
                fn inc(n) {
                  global count
                  for i in range(n) { with l { count += 1 } }
                }
                ts = [spawn inc(%d) for k in range(%d)]
                for t in ts { join t }
                print count
                """.formatted(times, threads)));
    }

    @Test
    void explicitAcquireAndReleaseAlsoExclude() {
        assertEquals("4000\n", output("""
                count = 0
                l = lock()
                fn inc() {
                  global count
                  for i in range(1000) {
                    l.acquire()
                    try { count += 1 } finally { l.release() }
                  }
                }
                ts = [spawn inc() for k in range(4)]
                for t in ts { join t }
                print count
                """));
    }

    @Test
    void acquireTimesOutWhileAnotherThreadHoldsIt() {
        assertEquals("false false true\ntrue true\n", output("""
                l = lock()
                held = event()
                done = event()
                fn holder() { l.acquire(); held.set(); done.wait(); l.release() }
                t = spawn holder()
                held.wait()
                print l.acquire(timeout=0.05), l.acquire(false), l.locked()
                done.set()
                join t
                print l.acquire(timeout=10), l.locked()
                """));
    }

    @Test
    void aBlockedAcquireGoesAheadWhenTheLockIsReleased() {
        assertEquals("blocked\ngot it\n", output("""
                fn await_state(t, s) {
                  i = 0
                  while t.state != s and i < 2000 { sleep 0.005; i += 1 }
                  return t.state
                }
                l = lock()
                l.acquire()
                fn taker() { with l { return "got it" } }
                t = spawn taker()
                print await_state(t, "blocked")
                l.release()
                join t
                print t.result
                """));
    }

    @Test
    void releasingAnUnlockedLockIsARuntimeError() {
        assertEquals("RuntimeError: release unlocked lock", failure("l = lock()\nl.release()\n"));
        assertEquals("RuntimeError: release unlocked lock", failure("l = lock()\nwith l { }\nl.release()\n"));
    }

    @Test
    void anyThreadMayReleaseAPlainLock() {
        assertEquals("true false\n", output("""
                l = lock()
                l.acquire()
                t = spawn l.release()
                join t
                print repr(t.error) == "nil", l.locked()
                """));
    }

    @Test
    void withReleasesOnErrorReturnBreakAndContinue() {
        assertEquals("ValueError false\nr false\n3 false\n", output("""
                l = lock()
                try { with l { raise ValueError("x") } } catch ValueError e { print e.kind, l.locked() }
                fn f() { with l { return "r" } }
                print f(), l.locked()
                n = 0
                for i in range(10) {
                  with l {
                    if i == 1 { continue }
                    n += 1
                    if i == 3 { break }
                  }
                }
                print n, l.locked()
                """));
    }

    @Test
    void withNeedsSomethingLockable() {
        assertEquals("TypeError: with needs a lock, rlock, semaphore or condition, not int", failure("with 5 { }\n"));
        assertEquals("TypeError: with needs a lock, rlock, semaphore or condition, not event", failure("with event() { }\n"));
    }

    @Test
    void lockedAndReprShowTheState() {
        assertEquals("false <lock unlocked>\ntrue <lock locked>\n", output("""
                l = lock()
                print l.locked(), l
                l.acquire()
                print l.locked(), l
                """));
    }

    @Test
    void negativeTimeoutIsAValueError() {
        assertEquals("ValueError: acquire timeout must be 0 or more seconds", failure("l = lock()\nl.acquire(timeout=-1)\n"));
    }

    // ---- rlock ----------------------------------------------------------------------------

    @Test
    void rlockCanBeTakenAgainByItsOwner() {
        assertEquals("nested\ntrue true\n3\n", output("""
                r = rlock()
                with r { with r { print "nested" } }
                print r.acquire(), r.acquire(timeout=0)
                r.release()
                r.release()
                fn depth(n) { with r { return 1 if n == 0 else 1 + depth(n - 1) } }
                print depth(2)
                """));
    }

    @Test
    void rlockIsHeldUntilReleasedAsOftenAsTaken() {
        assertEquals("false\nfalse\ntrue\n", output("""
                r = rlock()
                r.acquire()
                r.acquire()
                fn probe() { got = r.acquire(false); if got { r.release() }; return got }
                t = spawn probe(); join t; print t.result
                r.release()
                t = spawn probe(); join t; print t.result
                r.release()
                t = spawn probe(); join t; print t.result
                """));
    }

    @Test
    void onlyTheOwnerMayReleaseAnRlock() {
        assertEquals("RuntimeError cannot release an rlock this thread does not hold\ntrue\n", output("""
                r = rlock()
                r.acquire()
                fn thief() {
                  try { r.release() } catch Error e { return e.kind + " " + e.message }
                }
                t = spawn thief()
                join t
                print t.result
                r.release()
                print r.acquire(false)
                """));
        assertEquals("RuntimeError: cannot release an rlock this thread does not hold", failure("r = rlock()\nr.release()\n"));
    }

    @Test
    void rlockGivesMutualExclusionToo() {
        assertEquals("3000\n", output("""
                count = 0
                r = rlock()
                fn inc() {
                  global count
                  for i in range(1000) { with r { with r { count += 1 } } }
                }
                ts = [spawn inc() for k in range(3)]
                for t in ts { join t }
                print count
                """));
    }
}
