package dev.thr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.repl.Repl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.jline.utils.ScreenTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REPL example of docs/embedding.md runs a session on a terminal the host made (here JLine's
 * virtual screen, through the same public entry point), and the guide quotes it exactly.
 */
@Timeout(60)
class ReplExampleTest {
    private static final String SOURCE = "repl/src/test/java/dev/thr/examples/ReplExample.java";
    private static final String GUIDE = "docs/embedding.md";
    private static final String MARKER = "<!-- example: ReplExample.java -->";

    @Test
    void aSessionOnTheHostsTerminalCallsTheHostsFunctionEvenAfterReset() throws Exception {
        Path history = Files.createTempDirectory("thr-embedded").resolve("history");
        var vt = ScreenTerminal.withTerminal("vt", "xterm-256color", 100, 30);
        int[] status = {-1};
        Repl repl = ReplExample.session(vt.terminal(), history);
        Thread runner = new Thread(() -> status[0] = repl.run(), "embedded repl");
        runner.setDaemon(true);
        runner.start();
        await(vt, s -> s.endsWith("thr>"), "the prompt"); // JLine draws it once it reads keys
        type(vt, "fetch(\"thr.dev\")\r");
        await(vt, s -> s.contains("=> 7000\nthr>"), "the host function's answer");
        type(vt, ":reset\r");
        await(vt, s -> s.contains("names are gone.\nthr>"), ":reset done");
        type(vt, "fetch(\"example.org\")\r");
        await(vt, s -> s.contains("=> 11000\nthr>"), "the host function after :reset");
        type(vt, "\u0004"); // Ctrl-D leaves: run() returns to the host
        runner.join(); // run() returns to the host when the user leaves (the class's @Timeout bounds it)
        assertTrue(!runner.isAlive(), "run() returned when the user left");
        assertEquals(0, status[0]);
        assertTrue(Files.readString(history).contains("fetch"), "the history went to the host's file");
    }

    @Test
    void theGuideQuotesTheExampleAsItIs() throws Exception {
        List<String> file = Files.readAllLines(root().resolve(SOURCE));
        int start = indexOf(file, "public final class ReplExample", SOURCE);
        List<String> guide = Files.readAllLines(root().resolve(GUIDE));
        int marker = indexOf(guide, MARKER, GUIDE);
        assertEquals("```java", guide.get(marker + 1).strip(), GUIDE + ": a ```java block must follow " + MARKER);
        int end = marker + 2;
        while (end < guide.size() && !guide.get(end).strip().equals("```")) end++;
        assertEquals(String.join("\n", file.subList(start, file.size())).strip(), String.join("\n", guide.subList(marker + 2, end)).strip(),
                GUIDE + " must quote " + SOURCE + " from its class line on, unchanged");
    }

    private static void type(ScreenTerminal.VirtualTerminal vt, String keys) throws Exception {
        vt.terminal().processInputBytes(keys.getBytes(StandardCharsets.UTF_8));
    }

    private static String screen(ScreenTerminal.VirtualTerminal vt) {
        return vt.screen().toString().lines().map(String::stripTrailing).filter(l -> !l.isEmpty())
                .reduce("", (a, b) -> a + b + "\n").strip();
    }

    /** Waits until the screen shows it; the class's @Timeout ends a wait that never does, with the screen in the message. */
    private static void await(ScreenTerminal.VirtualTerminal vt, Predicate<String> condition, String what) {
        try {
            while (!condition.test(screen(vt))) Thread.sleep(10);
        } catch (InterruptedException e) {
            throw new AssertionError("never saw " + what + "; screen:\n" + screen(vt));
        }
    }

    /** The project root: the tests run in repl/. */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("docs")) ? here : here.getParent();
    }

    private static int indexOf(List<String> lines, String start, String file) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).strip().startsWith(start)) return i;
        throw new AssertionError(file + " has no line starting with " + start);
    }
}
