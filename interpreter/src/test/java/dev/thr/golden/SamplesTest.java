package dev.thr.golden;

import dev.thr.testing.GoldenFiles;
import java.util.List;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every `samples/**.thr` runs through the public API and must print its expected output.
 * They run concurrently: most of their time is sleeping, and they share nothing.
 */
@Execution(ExecutionMode.CONCURRENT)
class SamplesTest {
    static List<GoldenFiles> samples() {
        // samples/bugs are for --explore (BugSamplesTest): a single real run may or may not hit the bug
        return GoldenFiles.under(GoldenFiles.samplesDir()).stream().filter(s -> !s.name().startsWith("bugs/")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sample(GoldenFiles sample) {
        sample.check();
    }
}
