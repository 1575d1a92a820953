package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The REPL driven through JLine on a virtual screen, as a person at a terminal would. */
class ReplTest {
    @Test
    void echoesExpressionValuesButNotStatements() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("1 + 2 * 3");
            s.awaitScreen(t -> t.contains("=> 7"), "=> 7");
            s.line("name = \"thr\"");
            s.line("name");
            s.awaitScreen(t -> t.contains("=> 'thr'"), "the string echoed with quotes");
            s.line("print \"plain\"");
            s.awaitScreen(t -> t.contains("\nplain\n"), "print output");
            assertFalse(s.screen().contains("=> nil"), s.screen());
        }
    }

    @Test
    void anUnfinishedBlockContinuesOnTheNextLine() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("fn twice(x) {");
            s.awaitScreen(t -> t.stripTrailing().endsWith("\n..2>"), "the continuation prompt, numbered");
            s.line("return x * 2");
            s.line("}");
            s.line("twice(21)");
            s.awaitScreen(t -> t.contains("=> 42"), "=> 42");
            assertTrue(s.screen().contains("thr> fn twice(x) {\n..2>   return x * 2\n..3> }\n"), s.screen());
        }
    }

    @Test
    void continuationLinesAreNumberedAsErrorsCountThem() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("xs = [");
            for (int i = 2; i < 11; i++) s.line(i + ",");
            s.line("1 / 0]");
            s.awaitScreen(t -> t.contains("<input 1>:11:3: ZeroDivisionError"), "the error on line 11");
            assertTrue(s.screen().contains("\n..9> 9,\n.10> 10,\n.11> 1 / 0]\n"), s.screen());
        }
    }

    @Test
    void errorsAreReportedAndTheSessionKeepsItsState() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("x = 10");
            s.line("x / 0");
            s.awaitScreen(t -> t.contains("ZeroDivisionError: division by zero"), "the error");
            s.line("x = (");
            s.line(")");
            s.awaitScreen(t -> t.contains("error: "), "the syntax error");
            s.line("x + 1");
            s.awaitScreen(t -> t.contains("=> 11"), "x still 10");
            assertFalse(s.screen().contains("java."), s.screen());
        }
    }

    @Test
    void laterSnippetsMayDefineWhatEarlierOnesUse() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("fn f() { return g() + 1 }");
            s.line("fn g() { return 41 }");
            s.line("f()");
            s.awaitScreen(t -> t.contains("=> 42"), "=> 42");
        }
    }

    @Test
    void ctrlCStopsARunningSnippetAndTheSessionGoesOn() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("t = spawn fn() { sleep 60 }()");
            s.line("sleep 60");
            s.awaitMain("sleeping");
            s.interrupt();
            s.awaitScreen(t -> t.contains("Interrupted at <main> (<input 2>:1:1) `sleep 60`\n"), "the interrupt reported with its place");
            s.line("fn spin() {");
            s.line("while true { }"); // indented by the session
            s.line("}");
            s.line("spin()");
            s.awaitMain("runnable");
            s.interrupt();
            s.awaitScreen(t -> t.contains("Interrupted at spin (<input 3>:2:3) `while true { }`\n"), "the loop named, in its function");
            s.line("t.alive");
            s.awaitScreen(t -> t.contains("=> true"), "the earlier thread still alive");
        }
    }

    /** Work inside one builtin, operator or comprehension ends at Ctrl-C, and its value never lands. */
    @Test
    void ctrlCStopsLongWorkInsideOneExpression() throws Exception {
        try (var s = new ScreenSession()) {
            String[] work = {"x = sum(range(10 ** 15))", "x = len([0 for i in range(10 ** 12) if i < 0])",
                             "x = 7 ** 30000000", "x = sorted(range(10 ** 12))"};
            for (int i = 0; i < work.length; i++) {
                s.line(work[i]);
                s.awaitMain("runnable");
                s.interrupt();
                int n = i + 1;
                s.awaitScreen(t -> t.split("Interrupted at <main>", -1).length == n + 1, work[n - 1] + " interrupted");
            }
            s.line("x");
            s.awaitScreen(t -> t.contains("NameError: name 'x' is not defined"), "no value landed");
        }
    }

    /** A history file that cannot be read (a directory, bytes that are not UTF-8) is a warning, not the end of the session. */
    @Test
    void anUnreadableHistoryFileIsAWarning() throws Exception {
        java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("history");
        java.nio.file.Path binary = java.nio.file.Files.createTempFile("history", "");
        java.nio.file.Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 'x', '\n'});
        for (java.nio.file.Path history : new java.nio.file.Path[] {directory, binary}) {
            try (var s = new ScreenSession(b -> b.history(history))) {
                s.ran("1 + 1");
                // the warning wraps where the file's name makes it, and the screen drops the space at a wrap
                String flat = s.screen().replaceAll("\\s", "");
                assertTrue(flat.contains(("thr: cannot use the history file " + history).replaceAll("\\s", "")), s.screen());
                assertTrue(flat.contains("thehistorylaststhissessiononly."), s.screen());
                assertTrue(s.screen().contains("=> 2"), s.screen());
                assertFalse(s.screen().contains("at org.jline"), s.screen());
            }
        }
    }

    /** The background warm-up's scratch engine shares nothing with the session: no names, no output. */
    @Test
    void theWarmUpLeavesTheSessionAlone() throws Exception {
        try (var s = new ScreenSession(b -> b.warmUp(true))) {
            for (int i = 0; i < 20; i++) s.ran("y" + i + " = " + i);
            s.ran("x");
            assertTrue(s.screen().contains("name 'x' is not defined"), s.screen());
            s.ran(":threads");
            assertFalse(s.screen().contains("is big") || s.screen().contains("warm"), s.screen());
        }
    }

    @Test
    void outputFromThreadsGoesAboveTheLineBeingTyped() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("go = event()");
            s.line("spawn fn() { go.wait(); print \"from the thread\" }()");
            s.line("fn later() { sleep 0.2; go.set() }");
            s.line("spawn later()");
            s.awaitReading();
            s.keys("half typed");
            s.awaitScreen(t -> t.contains("from the thread"), "the thread's line");
            s.awaitScreen(t -> t.stripTrailing().endsWith("thr> half typed"), "the typed text intact below it");
        }
    }

    @Test
    void inputReadsALineTypedInTheSession() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("name = input(\"name? \")");
            s.awaitScreen(t -> t.contains("name? "), "the input prompt");
            s.awaitReading();
            s.keys("Ada\r");
            s.line("\"Hi, {name}\"");
            s.awaitScreen(t -> t.contains("=> 'Hi, Ada'"), "the line read");
        }
    }

    @Test
    void commands() throws Exception {
        try (var s = new ScreenSession()) {
            s.line(":help");
            s.awaitScreen(t -> t.contains(":threads"), "the help text");
            s.line(":help queue");
            s.awaitScreen(t -> t.contains("FIFO queue"), "help for queue");
            s.line("e = event()");
            s.line("w = spawn fn() { e.wait() }()");
            s.awaitThread("Thread-1 (<lambda>)", "waiting");
            s.line(":threads");
            s.awaitScreen(t -> !t.contains("MainThread") && t.contains("Thread-1 (<lambda>): waiting for ")
                    && t.contains("  waits for event e (<input 1>:1) to be set") && t.contains("  at <lambda> (<input 2>:1:"), "the thread dump");
            s.line(":reset");
            s.line("e");
            s.awaitScreen(t -> t.contains("NameError") || t.contains("'e'"), "e gone after :reset");
            s.line(":nonsense");
            s.awaitScreen(t -> t.contains("Unknown command :nonsense"), "unknown command");
        }
    }

    @Test
    void timelineDrawsTheSessionsThreadsAndWritesAPage() throws Exception {
        java.nio.file.Path page = java.nio.file.Files.createTempFile("thr-timeline", ".html");
        try (var s = new ScreenSession()) {
            s.line("fn napper() { sleep 0.2 }");
            s.line("t = spawn napper(); join t");
            s.line(":timeline");
            s.awaitScreen(t -> t.contains("timeline: ") && t.lines().anyMatch(l -> l.startsWith("Thread-1 (napper)"))
                    && t.contains("ends"), "the timeline with the thread's lane and the legend");
            s.line(":timeline " + page);
            s.awaitScreen(t -> t.contains("Wrote the timeline to " + page), "the page written");
        }
        String html = java.nio.file.Files.readString(page);
        java.nio.file.Files.delete(page);
        assertTrue(html.contains("\"name\":\"Thread-1 (napper)\""), "the page has the thread's lane");
    }

    @Test
    void simTurnsASessionIntoASimulatedOne() throws Exception {
        try (var s = new ScreenSession()) {
            s.line(":sim 5");
            s.awaitScreen(t -> t.contains("Fresh session simulated with seed 5"), "the simulated session");
            // a hundred virtual seconds pass at once
            s.line("t = spawn fn() { sleep 100; print \"woke\" }(); join t");
            s.awaitScreen(t -> t.contains("woke"), "the sleeper woken");
            s.line("now() >= 100");
            s.awaitScreen(t -> t.contains("=> true"), "the virtual clock moved");
            s.line(":sim off");
            s.awaitScreen(t -> t.contains("Fresh session on real threads"), "back on real threads");
        }
    }

    @Test
    void aDeadlockedSnippetIsStoppedAndReportedAndTheSessionGoesOn() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("guard = lock()");
            s.line("with guard { with guard { } }");
            s.awaitScreen(t -> t.contains("deadlock in <input 2>: MainThread waits for a lock it holds itself"), "the report");
            s.awaitScreen(t -> t.contains("held by MainThread since line 1: `with guard { with guard { } }`"), "the holder");
            s.line("guard.locked()");
            s.awaitScreen(t -> t.contains("=> false"), "the lock let go and the session going on");
        }
    }

    @Test
    void aDeadlockInBackgroundThreadsIsReportedAboveThePrompt() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("a = lock(); b = lock(); both = barrier(2)");
            s.line("fn one() { with a { both.wait(); with b { } } }");
            s.line("fn two() { with b { both.wait(); with a { } } }");
            s.line("t1 = spawn one(); t2 = spawn two()");
            s.awaitScreen(t -> t.contains("Thread-1 (one) and Thread-2 (two) wait for each other: neither can go on."), "the report");
            s.line("[t1.alive, t2.alive]");
            s.awaitScreen(t -> t.contains("=> [false, false]"), "both stopped, the session going on");
        }
    }

    @Test
    void ctrlDLeavesAndWaitsForRunningThreads() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("e = event()");
            s.line("spawn fn() { e.wait(); print \"worker finished\" }()");
            s.line("d = thread(fn() { sleep 60 }, daemon=true)");
            s.line("d.start()");
            s.awaitReading();
            s.keys("\u0004");
            s.awaitScreen(t -> t.contains("Waiting for 1 thread to finish: Thread-1"), "the wait (daemons not counted)");
            s.repl.engine().global("e");
            s.keys("\u0004");
            assertTrue(s.ended(), "a second Ctrl-D leaves");
            assertEquals(0, s.status);
        }
    }

    @Test
    void exitLeavesTheSessionWithItsStatus() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("x = 1");
            s.line("exit(7)");
            assertTrue(s.ended(), "exit() leaves");
            assertEquals(7, s.status);
        }
    }

    @Test
    void pythonsExitAndQuitLeaveAndHelpHelps() throws Exception {
        try (var s = new ScreenSession()) {
            s.line("help");
            s.awaitScreen(t -> t.contains(":threads"), "the help text");
            assertFalse(s.screen().contains("NameError"), s.screen());
            s.line("quit");
            assertTrue(s.ended(), "quit leaves");
            assertEquals(0, s.status);
        }
        try (var s = new ScreenSession()) {
            s.line("exit");
            assertTrue(s.ended(), "exit leaves");
        }
    }
}
