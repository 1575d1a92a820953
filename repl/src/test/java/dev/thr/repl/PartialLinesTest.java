package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Output from other threads while the prompt is up: a line printed in parts shows its first
 * part without waiting for the line's end, and a flood of lines arrives whole, the typed text
 * intact below it.
 */
class PartialLinesTest {
    private static void elsewhere(ScreenSession s, String code) throws Exception {
        s.repl.engine().run(s.repl.engine().compileInteractive("<test>", code));
    }

    @Test
    void aPartialLineShowsAtOnceAndGoesOnWhereItStopped() throws Exception {
        try (var s = new ScreenSession()) {
            s.ran("go = event()");
            s.ran("more = event()");
            s.ran("spawn fn() { go.wait(); print(\"working...\", end=\"\"); more.wait(); print(\"done\") }()");
            s.awaitReading();
            s.keys("typing");
            elsewhere(s, "go.set()");
            // no newline has been printed: the part shows on its own, above the prompt
            s.awaitScreen(t -> t.endsWith("\nworking...\nthr> typing\n"), "the partial line above the prompt");
            elsewhere(s, "more.set()");
            s.awaitScreen(t -> t.endsWith("\nworking...done\nthr> typing\n"), "the rest of the line after it");
        }
    }

    @Test
    void aFloodOfLinesArrivesWholeAndTheTypedLineStaysIntact() throws Exception {
        try (var s = new ScreenSession()) {
            s.ran("go = event()");
            s.ran("spawn fn() { go.wait(); for i in range(20000) { print(\"line {i}\") }; print(\"the end\") }()");
            s.awaitReading();
            s.keys("still here");
            elsewhere(s, "go.set()");
            s.awaitScreen(t -> t.endsWith("line 19999\nthe end\nthr> still here\n"), "every line, then the prompt");
            String screen = s.screen();
            for (int i = 19963; i < 20000; i++) assertTrue(screen.contains("\nline " + i + "\n"), "line " + i + " lost:\n" + screen);
        }
    }
}
