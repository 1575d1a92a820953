package dev.thr.golden;

import dev.thr.explore.Explorer;
import dev.thr.explore.Report;
import dev.thr.testing.Expected;
import dev.thr.testing.GoldenFiles;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * samples/bugs: classic concurrency bugs, each beside its fixed version. `thr --explore` must
 * find each bug and print what NAME.explore shows (the failure, its replay command and its
 * story), and pass each fixed version. Exploring is deterministic (seeds 1, 2, 3, ..., and a
 * search in a fixed order), so the report is exact but for its time.
 */
@Execution(ExecutionMode.CONCURRENT)
class BugSamplesTest {
    static List<GoldenFiles> bugs() {
        return GoldenFiles.under(GoldenFiles.samplesDir()).stream().filter(s -> s.name().startsWith("bugs/")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void exploreFindsTheBugOrPassesTheFix(GoldenFiles sample) throws Exception {
        String name = "samples/" + sample.name();
        var expected = sample.sibling(".explore");
        if (!Files.exists(expected)) throw new AssertionError(sample + " has no " + expected.getFileName() + " (what thr --explore=N prints)");
        // as many schedules as the report says (it may have ended early: then as many ends it the same way)
        var n = java.util.regex.Pattern.compile("^explored ([\\d,]+) schedules?").matcher(Files.readString(expected));
        if (!n.find()) throw new AssertionError(expected + " does not start with 'explored N schedules'");
        int schedules = Integer.parseInt(n.group(1).replace(",", ""));
        // shrinking has no time limit here, only its limit on runs: the same report on any machine
        Explorer.Result r = Explorer.explore(name, sample.source(), List.of(), new Explorer.Options(schedules, Duration.ofMinutes(2), 1), null);
        String report = Report.text(name, name, r, false);
        String problem = Expected.mismatch(Files.readString(expected), report);
        if (problem != null) throw new AssertionError(sample + ": " + problem + "\n--- the report was:\n" + report);
    }
}
