package dev.thr.golden;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.thr.testing.Expected;
import org.junit.jupiter.api.Test;

/** The expected-output matcher: a golden test is only as strict as this. */
class ExpectedTest {
    @Test
    void literalLinesMustMatchExactly() {
        assertNull(Expected.mismatch("a\nb\n", "a\nb\n"));
        assertNotNull(Expected.mismatch("a\nb\n", "a\nc\n"));
        assertNotNull(Expected.mismatch("a\n", "a\nb\n"));
        assertNotNull(Expected.mismatch("a\nb\n", "a\n"));
    }

    @Test
    void patternsCheckShapeButNeverSkipALine() {
        assertNull(Expected.mismatch("took {{\\d+\\.\\d\\d}}s\n", "took 1.25s\n"));
        assertNotNull(Expected.mismatch("took {{\\d+\\.\\d\\d}}s\n", "took 1.2s\n"));
        assertNotNull(Expected.mismatch("took {{\\d+}}s\n", ""));
    }

    @Test
    void anyOrderBlocksAllowPermutationsOnly() {
        String want = "start\n--- any order\nx\ny\n---\nend\n";
        assertNull(Expected.mismatch(want, "start\ny\nx\nend\n"));
        assertNotNull(Expected.mismatch(want, "start\ny\ny\nend\n"));
        assertNotNull(Expected.mismatch(want, "start\nx\nend\ny\n"));
    }

    @Test
    void backgroundLinesArePassedOverFromTheirDirectiveOn() {
        String want = "tick\nstart\n--- background: tick\n--- any order\nx\ny\n---\nend\n";
        assertNull(Expected.mismatch(want, "tick\nstart\ny\ntick\nx\nend\ntick\n"));
        assertNull(Expected.mismatch(want, "tick\nstart\nx\ny\nend\n"));
        assertNotNull(Expected.mismatch(want, "start\ntick\nx\ny\nend\n"), "the first tick is not background yet");
        assertNotNull(Expected.mismatch(want, "tick\nstart\ntock\nx\ny\nend\n"), "only the named line is passed over");
    }

    @Test
    void interleavedBlocksKeepEachRunInOrder() {
        String want = "--- interleaved\np1\np2\np3\n--- and\nc1\nc2\n---\ndone\n";
        assertNull(Expected.mismatch(want, "p1\nc1\np2\nc2\np3\ndone\n"));
        assertNull(Expected.mismatch(want, "c1\nc2\np1\np2\np3\ndone\n"));
        assertNotNull(Expected.mismatch(want, "p2\np1\nc1\nc2\np3\ndone\n"), "p2 before p1");
        assertNotNull(Expected.mismatch(want, "p1\nc1\np2\np3\ndone\nc2\n"), "c2 after the block");
    }

    @Test
    void interleavingBacktracksOverEqualLines() {
        String want = "--- interleaved\nx\ny\n--- and\nx\nz\n---\n";
        assertNull(Expected.mismatch(want, "x\nx\nz\ny\n"));
    }
}
