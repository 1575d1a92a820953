package dev.thr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The `thr` command as a user runs it: a separate JVM, its output and its exit status. */
@Execution(ExecutionMode.CONCURRENT)
class CliTest {
    @TempDir Path dir;

    record Result(int status, String out, String err) {}

    static Process start(String... args) throws IOException {
        return start(List.of(), args);
    }

    static Process start(List<String> jvmOptions, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    static Result run(String stdin, String... args) throws Exception {
        return runWith(List.of(), stdin, args);
    }

    static Result runWith(List<String> jvmOptions, String stdin, String... args) throws Exception {
        Process p = start(jvmOptions, args);
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("thr did not end");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private Path script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void runsAFileWithItsArguments() throws Exception {
        Path s = script("args.thr", "#!/usr/bin/env thr\nprint len(args), args\n");
        Result r = run(null, s.toString(), "one", "--two", "3");
        assertEquals(new Result(0, "3 ['one', '--two', '3']\n", ""), r);
    }

    @Test
    void runningOutOfHeapIsAMemoryErrorAtTheLine() throws Exception {
        Path s = script("heap.thr", """
                xs = []
                try {
                  while true { xs.append([0] * 1000) }
                } catch MemoryError e {
                  n = len(xs)
                  xs = nil
                  print "caught", e.kind, n > 3
                }
                ys = []
                while true { ys.append([0] * 1000) }
                """);
        // a small heap fills before the deadlock watch's first look, which must still not fail
        Result r = runWith(List.of("-Xmx16m"), null, s.toString());
        assertEquals("caught MemoryError true\n", r.out());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().startsWith(s + ":10:28: MemoryError: out of memory (a larger heap: THR_JAVA_OPTS=-Xmx4g)\n"), r.err());
        assertTrue(!r.err().contains("java.lang"), r.err());
    }

    @Test
    void runningOutOfHeapInAFunctionNamesTheLineInIt() throws Exception {
        Path s = script("grow.thr", """
                fn grow() {
                  s = "x"
                  while true { s = s + s }
                }
                grow()
                """);
        Result r = runWith(List.of("-Xmx16m"), null, s.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().startsWith(s + ":3:22: MemoryError: out of memory"), r.err());
        assertTrue(r.err().contains("  at grow (" + s + ":3:22)\n  at <main> (" + s + ":5:1)"), r.err());
    }

    @Test
    void evalRunsCode() throws Exception {
        assertEquals(new Result(0, "2\n", ""), run(null, "-e", "print 1 + 1"));
    }

    @Test
    void readsTheScriptFromStdin() throws Exception {
        assertEquals(new Result(0, "from stdin\n", ""), run("print \"from stdin\"\n", "-"));
        assertEquals(new Result(0, "piped\n", ""), run("print \"piped\"\n"));
    }

    @Test
    void syntaxErrorIsStatus2WithCaret() throws Exception {
        Path s = script("bad.thr", "x = (1 +\n");
        Result r = run(null, s.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith(s + ":1:9: error: expected an expression but found end of input"), r.err());
        assertTrue(r.err().contains("  1 | x = (1 +\n    |         ^\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void uncaughtErrorInMainIsStatus1WithTrace() throws Exception {
        Result r = run(null, "-e", "fn f() { return 1 // 0 }\nprint \"before\"\nf()");
        assertEquals(1, r.status());
        assertEquals("before\n", r.out());
        assertEquals("""
                <-e>:1:19: ZeroDivisionError: integer division by zero
                  1 | fn f() { return 1 // 0 }
                    |                   ^^
                  at f (<-e>:1:19)
                  at <main> (<-e>:3:1)
                """, r.err());
    }

    @Test
    void errorInAThreadIsReportedButStatusStays0() throws Exception {
        Result r = run(null, "-e", "fn bad() { raise ValueError(\"Something went wrong!\") }\nt = spawn bad()\njoin t\nprint \"Main continues...\"");
        assertEquals(0, r.status());
        assertEquals("Main continues...\n", r.out());
        assertTrue(r.err().startsWith("Exception in thread Thread-1 (bad):\n<-e>:1:12: ValueError: Something went wrong!\n"), r.err());
        assertTrue(r.err().contains("  at bad (<-e>:1:12)"), r.err());
    }

    @Test
    void waitsForNonDaemonThreadsButNotForDaemons() throws Exception {
        String code = """
                e = event()
                fn forever() { while true { sleep 0.05 } }
                fn late() { e.wait(); sleep 0.2; print "late thread done" }
                d = thread(forever, daemon=true)
                d.start()
                spawn late()
                e.set()
                print "main done"
                """;
        Result r = run(null, "-e", code);
        assertEquals(new Result(0, "main done\nlate thread done\n", ""), r);
        assertEquals(new Result(0, "main done\nlate thread done\n", ""), run(null, "--virtual", "-e", code));
    }

    @Test
    void aFailingMainStillWaitsForItsThreads() throws Exception {
        String code = "e = event()\nfn worker() { e.wait(); print \"worker finished\" }\nspawn worker()\ne.set()\nraise RuntimeError(\"main failed\")";
        Result r = run(null, "-e", code);
        assertEquals(1, r.status());
        assertEquals("worker finished\n", r.out());
        assertTrue(r.err().startsWith("<-e>:5:1: RuntimeError: main failed"), r.err());
    }

    @Test
    void seedMakesRandomRepeatable() throws Exception {
        String code = "print random(), randint(1, 100), uniform(0.5, 2.0)";
        Result a = run(null, "--seed", "42", "-e", code);
        Result b = run(null, "--seed", "42", "-e", code);
        assertEquals(0, a.status());
        assertEquals(a, b);
    }

    @Test
    void theCommonestCommandLinesAreReadWithoutTheOptionParser() {
        Main m = Main.plain(new String[] {"--virtual", "x.thr", "--virtual", "1"});
        assertTrue(m.virtual && m.file.equals("x.thr") && m.args.equals(List.of("--virtual", "1")), m.args.toString());
        m = Main.plain(new String[] {"--virtual", "-e", "print 1"});
        assertTrue(m.virtual && m.code.equals("print 1") && m.file == null);
        m = Main.plain(new String[] {"x.thr", "--virtual"});
        assertTrue(!m.virtual && m.args.equals(List.of("--virtual")));
        // anything else is picocli's: its errors and its --help
        assertEquals(null, Main.plain(new String[] {"--virtual"}));
        assertEquals(null, Main.plain(new String[] {"--virtual", "--seed", "1", "x.thr"}));
        assertEquals(null, Main.plain(new String[] {"--virtual", "-e"}));
    }

    @Test
    void virtualThreadsRunSpawnedCode() throws Exception {
        Result r = run(null, "--virtual", "-e", "t = spawn fn() { return current_thread().native_id }()\njoin t\nprint t.result");
        assertEquals(new Result(0, "nil\n", ""), r);
    }

    @Test
    void everyTierRunsTheSameAndAnUnknownOneIsAUsageError() throws Exception {
        String code = "fn sq(x) { return x * x }\nt = 0\nfor i in range(3000) { t += sq(i) }\nprint t\nprint 1 // 0";
        Result tree = run(null, "--tier=tree", "-e", code);
        assertEquals(1, tree.status());
        assertTrue(tree.out().equals("8995500500\n") && tree.err().startsWith("<-e>:5:9: ZeroDivisionError"), tree.toString());
        assertEquals(tree, run(null, "--tier=bytecode", "-e", code));
        assertEquals(tree, run(null, "--tier=adaptive", "-e", code));
        Result unknown = run(null, "--tier=fast", "-e", "print 1");
        assertEquals(new Result(2, "", "thr: --tier takes adaptive, bytecode or tree, not 'fast'\n"), unknown);
    }

    /** A bare `--timeline` after an option that takes a value draws on stderr: FILE is the script, never the page's file. */
    @Test
    void aBareTimelineAfterAnOptionsValueLeavesTheScriptAlone() throws Exception {
        String text = "spawn fn() { print \"hi\" }()\n";
        Path script = script("hi.thr", text);
        Result r = run(null, "--tier", "tree", "--timeline", script.toString(), "arg");
        assertEquals(0, r.status(), r.toString());
        assertEquals("hi\n", r.out());
        assertTrue(r.err().contains("timeline: ") && r.err().contains("Thread-1"), r.err());
        assertEquals(text, Files.readString(script), "the script is as it was");
        assertEquals(new Result(0, "2 ['x']\n", ""), run(null, "--seed", "7", "--sim=3", "-e", "print 1 + 1, args", "x"));
    }

    @Test
    void usageErrorsAreStatus2() throws Exception {
        assertEquals(2, run(null, "--no-such-option").status());
        Result missing = run(null, dir.resolve("missing.thr").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void helpAndVersion() throws Exception {
        Result help = run(null, "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--virtual") && help.out().contains("--seed"), help.out());
        Result version = run(null, "--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("thr "), version.out());
    }

    @Test
    void interruptReportsTheThreadsRunsFinallyAndIsStatus130() throws Exception {
        Process p = start("-e", """
                l = lock()
                l.acquire()
                spawn fn() { with l { } }()
                print "ready"
                try { sleep 60 } finally { print "cleaned up" }""");
        byte[] line = new byte[6];
        assertEquals(6, p.getInputStream().readNBytes(line, 0, 6));
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "thr did not stop on SIGINT");
        assertEquals(130, p.exitValue());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        // stopping is for good: the finally block runs, but its print is a point where it stops
        assertEquals("", out);
        assertTrue(err.contains("thr: interrupted. The threads were:"), err);
        assertTrue(err.contains("  MainThread: sleeping for "), err);
        assertTrue(err.contains("    at <main> (<-e>:5:7) `try { sleep 60 } finally { print \"cleaned up\" }`"), err);
        assertTrue(err.contains("  Thread-1 (<lambda>): blocked for "), err);
        assertTrue(err.contains("    waits for lock l (line 1)\n      held by MainThread since line 2: `l.acquire()`"), err);
    }

    @Test
    void aDeadlockIsReportedOnStderrWithStatus3() throws Exception {
        Result r = run(null, "-e", """
                a = lock()
                b = lock()
                both = barrier(2)
                fn one() { with a { both.wait(); with b { } } }
                t = spawn one()
                with b { both.wait(); with a { } }""");
        assertEquals(3, r.status(), r.err());
        assertEquals("""
                deadlock in <-e>: MainThread and Thread-1 (one) wait for each other: neither can go on.
                  MainThread waits for lock a (line 1) at line 6: `with b { both.wait(); with a { } }`
                      held by Thread-1 (one) since line 4: `fn one() { with a { both.wait(); with b { } } }`
                  Thread-1 (one) waits for lock b (line 2) at line 4: `fn one() { with a { both.wait(); with b { } } }`
                      held by MainThread since line 6: `with b { both.wait(); with a { } }`
                """, r.err());
    }

    @Test
    void simRepeatsARunAndExploreFindsWhatFailsWithItsReplay() throws Exception {
        Path race = script("race.thr", """
                counter = 0
                fn work() {
                  global counter
                  for i in range(3) { counter += 1 }
                }
                ts = [spawn work() for i in range(2)]
                for t in ts { join t }
                print counter
                assert counter == 6, "lost an update"
                """);
        Result explored = run(null, "--explore=100", "--outcomes", race.toString());
        assertEquals(3, explored.status(), explored.out() + explored.err());
        assertTrue(explored.out().startsWith("explored 100 schedules of " + race + " in "), explored.out());
        var replay = java.util.regex.Pattern.compile("replay: thr (--sim=\\d+) (--schedule=[\\d.:,]+) ").matcher(explored.out());
        assertTrue(replay.find(), explored.out());
        assertTrue(explored.out().contains("AssertionError: lost an update"), explored.out());
        assertTrue(explored.out().contains("how it happens (1 thread stopped where it could have gone on):"), explored.out());
        assertTrue(explored.out().contains("distinct outputs:"), explored.out());
        Result first = run(null, replay.group(1), replay.group(2), race.toString());
        Result second = run(null, replay.group(1), replay.group(2), race.toString());
        assertEquals(1, first.status());
        assertTrue(first.err().contains("AssertionError: lost an update"), first.err());
        assertEquals(first, second, "the same schedule, the same run");
        Result fine = run(null, "--explore=50", "-e", "l = lock()\nwith l { print 1 }");
        assertEquals(0, fine.status(), fine.out());
        assertTrue(fine.out().contains("schedules of <-e>") && fine.out().contains("no failure")
                && fine.out().contains("that is every schedule with at most 2 preemptions"), fine.out());
    }

    @Test
    void whenTheReaderOfItsOutputIsGoneThrEndsAsUnixToolsDo() throws Exception {
        Process p = start("-e", "while true { print \"y\" }");
        var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("y", lines.readLine());
        p.getInputStream().close(); // `| head -1`
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "thr went on printing to nobody");
        assertEquals(141, p.exitValue());
    }

    @Test
    void exitEndsTheProgramWithItsStatusOnceItsThreadsHaveEnded() throws Exception {
        assertEquals(new Result(3, "done\n", ""), run(null, "-e", "spawn fn() { sleep 0.05; print \"done\" }()\nexit(3)"));
        assertEquals(new Result(1, "", "no luck\n"), run(null, "-e", "exit(\"no luck\")"));
        assertEquals(0, run(null, "-e", "exit()").status());
    }

    @Test
    void aFileTooLargeToBeAScriptIsNotRead() throws Exception {
        Path huge = dir.resolve("huge.thr");
        try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(Main.MAX_SOURCE + 1L); // sparse: no disk used
        }
        Result r = run(null, huge.toString());
        assertEquals(2, r.status());
        assertEquals("thr: " + huge + " is more than 64 MB: too large for a script\n", r.err());
    }

    @Test
    void exploringOptionsAreCheckedWithAClearMessage() throws Exception {
        Path race = script("ok.thr", "print 1\n");
        String[][] bad = {
                {"--explore", "--strategy=sideways"}, {"--explore", "--shard=3/2"}, {"--explore", "--depth=0"},
                {"--explore", "--preemptions=-1"}, {"--explore", "--budget=0"}, {"--strategy=pct"}, {"--sim=1", "--schedule=2-3"},
        };
        for (String[] options : bad) {
            String[] argv = java.util.Arrays.copyOf(options, options.length + 1);
            argv[options.length] = race.toString();
            Result r = run(null, argv);
            assertEquals(2, r.status(), String.join(" ", options) + ": " + r.err());
            assertTrue(r.err().startsWith("thr: ") && r.err().lines().count() == 1, String.join(" ", options) + ": " + r.err());
        }
    }

    @Test
    void aScheduleReplaysTheSameSwitches() throws Exception {
        // thread 2 stops before its write, thread 3 runs whole: one update is lost, every time
        Path race = script("race2.thr", """
                counter = 0
                fn work() { global counter; counter += 1 }
                ts = [spawn work() for i in range(2)]
                for t in ts { join t }
                print counter
                """);
        Result plain = run(null, "--sim=1", "--schedule=none", race.toString());
        assertEquals("2\n", plain.out());
        Result explored = run(null, "--explore", "--strategy=search", "--outcomes", race.toString());
        assertEquals(0, explored.status(), explored.err());
        var lost = java.util.regex.Pattern.compile("\\(first with (--sim=\\d+) (--schedule=\\S+)\\)\\n\\s+1\\n").matcher(explored.out());
        assertTrue(lost.find(), explored.out());
        assertEquals("1\n", run(null, lost.group(1), lost.group(2), race.toString()).out());
        assertTrue(explored.out().contains("2 distinct outputs:"), explored.out());
    }

    @Test
    void usr1PrintsTheThreadsAndTheProgramGoesOn() throws Exception {
        Process p = start("-e", """
                go = event()
                w = spawn fn() { go.wait() }()
                print "ready"
                line = input()
                go.set()
                join w
                print "done"
                """);
        byte[] line = new byte[6];
        assertEquals(6, p.getInputStream().readNBytes(line, 0, 6));
        new ProcessBuilder("kill", "-USR1", Long.toString(p.pid())).start().waitFor();
        java.io.InputStream err = p.getErrorStream();
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("`w = spawn fn() { go.wait() }()`")) {
            int c = err.read();
            if (c < 0) break;
            seen.append((char) c);
        }
        assertTrue(seen.toString().contains("thr: the threads are:"), seen.toString());
        assertTrue(seen.toString().contains("waits for event go (line 1) to be set"), seen.toString());
        p.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "thr did not go on after SIGUSR1");
        assertEquals(0, p.exitValue());
        assertEquals("done\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * A `switch` over type patterns makes a class the first time it runs (the JDK's bootstrap
     * writes one), a cost at every start that no AOT cache keeps: thr's own code dispatches
     * with visitors and `instanceof` instead (docs/speed.md). This program goes through the
     * parser, resolver, compiler, both tiers and the common builtins.
     */
    @Test
    void runsAProgramWithoutMakingPatternSwitchClasses() throws Exception {
        Path s = script("tour.thr", """
                counter = 0
                lock = lock()
                q = queue(maxsize=2)
                fn work(n, *rest, scale=1, **opts) {
                  global counter
                  total = 0
                  for i in range(n) {
                    if i % 2 == 0 and i > 0 { continue } elif i > 50 { break } else { total += i * scale }
                  }
                  with lock { counter = counter + total }
                  q.put(total)
                  return total
                }
                fn outer() {
                  x = 1
                  fn inner() { nonlocal x; x += 1; return x }
                  return inner
                }
                ts = [spawn work(n, scale=2) for n in range(3)]
                got = sorted([q.get() for _ in ts])
                join ts[0], ts[1], ts[2]
                m = {"a": 1, "b": [1, 2, 3]}
                m["c"] = {1, 2} | {3}
                del m["a"]
                xs = list(range(10))
                del xs[1:3]
                del xs[0]
                try {
                  raise ValueError("no " + str(int("7") + float("1.5")))
                } catch ValueError e {
                  print e.message
                } finally {
                  print "finally"
                }
                assert 3 in xs and "b" in m, "membership"
                print "{counter} {got} {m} {xs[-1]} {xs[::2]} {outer()()} {(fn(y) => y * 2)(4)}"
                print len("héllo"[1:]), 1 < 2 <= 3, not nil, 7 // 2, 2 ** 70
                """);
        for (String tier : List.of("adaptive", "bytecode")) {
            Path log = dir.resolve(tier + ".log");
            Result r = runWith(List.of("-Xlog:class+load:file=" + log), null, "--tier", tier, s.toString());
            assertEquals(0, r.status(), r.err());
            assertEquals("no 8.5\nfinally\n2 [0, 0, 2] {'b': [1, 2, 3], 'c': {1, 2, 3}} 9 [3, 5, 7, 9] 2 8\n"
                    + "4 true true 3 1180591620717411303424\n", r.out());
            List<String> made = Files.readAllLines(log).stream().filter(l -> l.contains("dev.thr") && l.contains("$$TypeSwitch")).toList();
            assertEquals(List.of(), made, tier);
        }
    }

    /**
     * The launcher's AOT cache is made by running aot-training.thr; should that program fail,
     * the launcher goes without a cache, silently, and every start is slower.
     */
    @Test
    void theAotTrainingProgramRunsToItsEnd() throws Exception {
        Result r = run(null, Path.of("aot-training.thr").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("17711 599997\n"), r.out());
        // its one error report, on purpose: reports are what it trains
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("Exception in thread")).count(), r.err());
    }
}
