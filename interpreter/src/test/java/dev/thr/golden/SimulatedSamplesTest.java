package dev.thr.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.thr.api.Thr;
import dev.thr.testing.GoldenFiles;
import dev.thr.testing.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample under simulation, with several seeds: it must print what its golden files
 * expect (where they allow several orders, the simulated one must be among them), and the
 * same seed must give the same run, byte for byte.
 */
@Execution(ExecutionMode.CONCURRENT)
class SimulatedSamplesTest {
    static final long[] SEEDS = {1, 7, 42};
    /** A seed that lets threads run longer between switches (see SimScheduler.maxQuantum). */
    static final long STRESS_SEED = 4;

    static List<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (GoldenFiles sample : SamplesTest.samples()) {
            // a stress sample is a million scheduling points: one seed is enough for it
            for (long seed : stress(sample) ? new long[] {STRESS_SEED} : SEEDS) out.add(Arguments.of(sample, seed));
        }
        return out;
    }

    static boolean stress(GoldenFiles sample) { return sample.name().startsWith("stress/"); }

    static List<GoldenFiles> small() {
        return SamplesTest.samples().stream().filter(s -> !stress(s)).toList();
    }

    @ParameterizedTest(name = "{0} --sim={1}")
    @MethodSource("runs")
    void sampleUnderSimulation(GoldenFiles sample, long seed) {
        // a thousand threads switch far faster as virtual threads
        sample.check(Thr.builder().simulate(seed).virtualThreads(stress(sample)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("small")
    void theSameSeedGivesTheSameRun(GoldenFiles sample) {
        Run first = Run.of(sample.name(), sample.source(), Thr.builder().simulate(99));
        Run second = Run.of(sample.name(), sample.source(), Thr.builder().simulate(99));
        assertEquals(first, second);
    }
}
