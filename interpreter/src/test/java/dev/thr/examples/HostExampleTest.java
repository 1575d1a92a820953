package dev.thr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.testing.GoldenFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The host example of docs/embedding.md runs and prints what the guide says, and the guide
 * quotes it exactly. Isolated: it swaps System.out, and an engine another test class built
 * meanwhile would write into the capture.
 */
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(Resources.SYSTEM_OUT)
@Timeout(60)
class HostExampleTest {
    private static final String SOURCE = "interpreter/src/test/java/dev/thr/examples/HostExample.java";
    private static final String GUIDE = "docs/embedding.md";
    private static final String MARKER = "<!-- example: HostExample.java -->";

    @Test
    void printsTheResultThenStopsTheRunawayAndLeavesNoThread() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            HostExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertEquals("""
                sizes: [7000, 11000, 11000]
                result: 29000
                threads left: 0
                failed with LimitError:
                LimitError: the run took longer than its limit of 2s
                threads left: 0
                """, captured.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test
    void theGuideQuotesTheExampleAsItIs() throws IOException {
        List<String> file = Files.readAllLines(root().resolve(SOURCE));
        int start = indexOf(file, "public final class HostExample", SOURCE);
        List<String> expected = file.subList(start, file.size());

        List<String> guide = Files.readAllLines(root().resolve(GUIDE));
        int marker = indexOf(guide, MARKER, GUIDE);
        assertEquals("```java", guide.get(marker + 1).strip(), GUIDE + ": a ```java block must follow " + MARKER);
        int end = marker + 2;
        while (end < guide.size() && !guide.get(end).strip().equals("```")) end++;
        assertTrue(end < guide.size(), GUIDE + ": the ```java block after " + MARKER + " is not closed");
        List<String> quoted = guide.subList(marker + 2, end);

        assertEquals(String.join("\n", expected).strip(), String.join("\n", quoted).strip(),
                GUIDE + " must quote " + SOURCE + " from its class line on, unchanged");
    }

    @Test
    void theExampleNeedsOnlyThePublicApi() throws IOException {
        for (String line : Files.readAllLines(root().resolve(SOURCE))) {
            if (!line.startsWith("import ")) continue;
            assertTrue(line.startsWith("import dev.thr.api.") || line.startsWith("import java."),
                    "the example imports more than dev.thr.api and the JDK: " + line);
        }
    }

    private static Path root() {
        return GoldenFiles.samplesDir().toAbsolutePath().getParent();
    }

    private static int indexOf(List<String> lines, String start, String file) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).strip().startsWith(start)) return i;
        throw new AssertionError(file + " has no line starting with " + start);
    }
}
