package dev.thr.golden;

import dev.thr.testing.Expected;
import dev.thr.testing.GoldenFiles;
import dev.thr.testing.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ```thr block in README.md and docs/*.md runs. When an ```output block follows it, what
 * it prints must match (same rules as samples); when an ```error block follows, it must fail
 * with that report on stderr; otherwise it must run cleanly. So the docs cannot drift from thr.
 * A block opened with ```thr sim=SEED runs simulated with that seed (see docs/experiments.md).
 */
@Execution(ExecutionMode.CONCURRENT)
public class DocsTest {
    /**
     * `explore`: the options of a ```thr explore block (`explore[=N] [strategy=S] [outcomes]
     * as=NAME`), whose ```report block is what `thr --explore` prints for it; else null.
     */
    public record Example(String file, int line, String code, String output, String error, Long sim, String explore) {
        @Override public String toString() { return file + ":" + line; }
    }

    /** Every example of the docs and the README (the fuzz test mutates them too). */
    public static List<Example> examples() throws IOException {
        Path root = GoldenFiles.samplesDir().toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Example> out = new ArrayList<>();
        for (Path f : files) out.addAll(parse(root.relativize(f).toString(), Files.readAllLines(f)));
        return out;
    }

    static List<Example> parse(String file, List<String> lines) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (!fence.equals("```thr") && !fence.startsWith("```thr sim=") && !fence.startsWith("```thr explore")) continue;
            Long sim = fence.startsWith("```thr sim=") ? Long.valueOf(fence.substring("```thr sim=".length())) : null;
            String explore = fence.startsWith("```thr explore") ? fence.substring("```thr ".length()) : null;
            int start = i + 1;
            int end = close(lines, start);
            String code = String.join("\n", lines.subList(start, end)) + "\n";
            int next = end + 1;
            while (next < lines.size() && lines.get(next).isBlank()) next++;
            String output = null, error = null;
            String kind = next < lines.size() ? lines.get(next).strip() : "";
            if (kind.equals("```output") || kind.equals("```error") || kind.equals("```report")) {
                int stop = close(lines, next + 1);
                String text = String.join("\n", lines.subList(next + 1, stop)) + "\n";
                if (kind.equals("```error")) error = text; else output = text;
                end = stop;
            }
            out.add(new Example(file, start, code, output, error, sim, explore));
            i = end;
        }
        return out;
    }

    private static int close(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) if (lines.get(i).strip().equals("```")) return i;
        throw new IllegalStateException("unclosed code block at line " + from);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example(Example e) throws Exception {
        if (e.explore() != null) {
            explored(e);
            return;
        }
        Run r = Run.of("example.thr", e.code(), e.sim() == null ? dev.thr.api.Thr.builder() : dev.thr.api.Thr.builder().simulate(e.sim()));
        if (e.error() != null) {
            if (r.status() == 0) throw new AssertionError(e + ": expected an error, but it ran");
            String problem = Expected.mismatch(e.error(), r.stderr());
            if (problem != null) throw new AssertionError(e + " error: " + problem + "\n--- stderr was:\n" + r.stderr());
            return;
        }
        if (r.status() != 0) throw new AssertionError(e + ": failed with status " + r.status() + "\n" + r.stderr());
        String problem = Expected.mismatch(e.output() == null ? "" : e.output(), r.stdout());
        if (problem != null) throw new AssertionError(e + " output: " + problem + "\n--- stdout was:\n" + r.stdout() + "--- stderr:\n" + r.stderr());
    }

    /** Explores as `thr --explore` does with the block's options, and compares the report. */
    private static void explored(Example e) throws Exception {
        int schedules = 20_000; // as thr --explore
        var strategy = dev.thr.explore.Explorer.Strategies.PORTFOLIO;
        boolean outcomes = false;
        String name = "example.thr";
        for (String word : e.explore().split("\\s+")) {
            if (word.startsWith("explore=")) schedules = Integer.parseInt(word.substring("explore=".length()));
            else if (word.startsWith("strategy=")) strategy = dev.thr.explore.Explorer.Strategies.valueOf(word.substring(9).toUpperCase());
            else if (word.equals("outcomes")) outcomes = true;
            else if (word.startsWith("as=")) name = word.substring(3);
            else if (!word.equals("explore")) throw new AssertionError(e + ": unknown option " + word);
        }
        var options = new dev.thr.explore.Explorer.Options(schedules, java.time.Duration.ofMinutes(2), 1, strategy, 0, 2, 1, 1,
                java.time.Duration.ofDays(1));
        var result = dev.thr.explore.Explorer.explore(name, e.code(), List.of(), options, null);
        String report = dev.thr.explore.Report.text(name, name, result, outcomes);
        String problem = Expected.mismatch(e.output() == null ? "" : e.output(), report);
        if (problem != null) throw new AssertionError(e + " report: " + problem + "\n--- the report was:\n" + report);
    }
}
