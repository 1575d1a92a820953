package dev.thr.jsr223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDK's own script shell as a host: it finds thr through the service file on its class path
 * (-l thr), evaluates -e code and -f files. jrunscript is deprecated (it says so on stderr,
 * which is ignored here) and may leave a later JDK: the tests are skipped then.
 */
@Timeout(300)
class JrunscriptTest {
    private record Result(int exit, String stdout, String stderr) {}

    @Test
    void evaluatesCodeGivenWithE() throws Exception {
        Result r = jrunscript("-e", "print \"hi\"");
        assertEquals(0, r.exit());
        assertEquals("hi\n", r.stdout());
    }

    @Test
    void runsAFileGivenWithFAndWaitsForItsThreads() throws Exception {
        String samples = System.getProperty("thr.samples.dir");
        Assumptions.assumeTrue(samples != null && !samples.isBlank(), "thr.samples.dir is not set");
        Path file = Path.of(samples, "basics", "worker_join.thr");
        Result r = jrunscript("-f", file.toString());
        assertEquals(0, r.exit());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(4, lines.size(), r.stdout());
        // worker_join.out: the first two lines come in either order, then the rest in order
        assertEquals(Set.of("Main: Thread started", "Worker-1: Starting"), Set.copyOf(lines.subList(0, 2)));
        assertEquals(List.of("Worker-1: Finished", "Main: Worker-1 done"), lines.subList(2, 4));
    }

    @Test
    void aScriptErrorFailsTheRunWithItsPosition() throws Exception {
        Result r = jrunscript("-e", "x = 1\ny = x / 0\nprint \"not reached\"");
        // jrunscript prints the ScriptException's message on stderr and exits with a status of its own
        assertTrue(r.exit() != 0, "exit " + r.exit());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("ZeroDivisionError: division by zero"), r.stderr());
        assertTrue(r.stderr().contains("at line number 2"), r.stderr());
    }

    private static Result jrunscript(String... args) throws Exception {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "jrunscript");
        Assumptions.assumeTrue(Files.isExecutable(tool), "no jrunscript in " + tool.getParent() + " (removed from this JDK)");
        List<String> command = new ArrayList<>(List.of(tool.toString(), "-cp", System.getProperty("java.class.path"), "-l", "thr"));
        command.addAll(List.of(args));
        // stderr (the deprecation warning, script errors) goes to a file: only some tests read it
        Path err = Files.createTempFile("jrunscript", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            p.getOutputStream().close(); // no input: with -e and -f jrunscript reads none
            // read all of stdout first (the process cannot block on a full pipe), then its exit
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("jrunscript did not end; its output so far: " + out);
            }
            return new Result(p.exitValue(), out, new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
