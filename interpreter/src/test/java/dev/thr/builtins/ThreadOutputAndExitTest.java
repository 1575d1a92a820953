package dev.thr.builtins;

import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.testing.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Threads and the program around them: print from many threads never mixes lines, and when the
 * main program ends its non-daemon threads are waited for, daemon ones are not.
 */
@Timeout(60)
class ThreadOutputAndExitTest {

    @Test
    void linesPrintedByManyThreadsStayWhole() {
        String out = output("""
                fn talk(k) {
                  for i in range(200) { print "thread", k, "line", i, "-" * 40, "end" }
                }
                ts = [spawn talk(k) for k in range(8)]
                for t in ts { join t }
                """);
        var lines = out.lines().toList();
        assertEquals(1600, lines.size());
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (int k = 0; k < 8; k++) {
            for (int i = 0; i < 200; i++) expected.add("thread " + k + " line " + i + " " + "-".repeat(40) + " end");
        }
        assertEquals(expected, new java.util.HashSet<>(lines));
    }


    @Test
    void theProgramWaitsForItsNonDaemonThreads() {
        assertEquals("main done\nlate\nlater\n", output("""
                e = event()
                fn later() { print "later" }
                fn late() { e.wait(); print "late"; spawn later() }
                spawn late()
                print "main done"
                e.set()
                """));
    }

    @Test
    void theProgramDoesNotWaitForADaemonThread() {
        assertEquals("main done\n", output("""
                never = event()
                t = thread(never.wait, daemon=true)
                t.start()
                print "main done"
                """));
    }

    @Test
    void threadsInheritDaemonFromTheThreadThatMadeThem() {
        assertEquals("[false, false]\n[true, true]\n[false, true]\n", output("""
                fn child() { return current_thread().daemon }
                fn parent() {
                  c = spawn child()
                  join c
                  t = thread(child)
                  t.start()
                  join t
                  return [c.result, t.result]
                }
                print parent()
                p = thread(parent, daemon=true)
                p.start()
                join p
                print p.result
                fn mixed() { t = thread(child, daemon=false); t.start(); join t; u = thread(child, daemon=true); u.start(); join u; return [t.result, u.result] }
                q = thread(mixed, daemon=true)
                q.start()
                join q
                print q.result
                """));
    }

    @Test
    void aFailingMainStillWaitsForItsThreadsThenReports() {
        Run r = Run.of("test.thr", """
                go = event()
                fn worker() { go.wait(); print "worker finished" }
                t = spawn worker()
                go.set()
                raise ValueError("main failed")
                """);
        assertEquals(1, r.status());
        assertEquals("worker finished\n", r.stdout());
        assertTrue(r.stderr().contains("ValueError: main failed"), r.stderr());
    }
}
