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
class DocsTest {
    record Example(String file, int line, String code, String output, String error, Long sim) {
        @Override public String toString() { return file + ":" + line; }
    }

    static List<Example> examples() throws IOException {
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
            if (!fence.equals("```thr") && !fence.startsWith("```thr sim=")) continue;
            Long sim = fence.startsWith("```thr sim=") ? Long.valueOf(fence.substring("```thr sim=".length())) : null;
            int start = i + 1;
            int end = close(lines, start);
            String code = String.join("\n", lines.subList(start, end)) + "\n";
            int next = end + 1;
            while (next < lines.size() && lines.get(next).isBlank()) next++;
            String output = null, error = null;
            if (next < lines.size() && (lines.get(next).strip().equals("```output") || lines.get(next).strip().equals("```error"))) {
                int stop = close(lines, next + 1);
                String text = String.join("\n", lines.subList(next + 1, stop)) + "\n";
                if (lines.get(next).strip().equals("```output")) output = text; else error = text;
                end = stop;
            }
            out.add(new Example(file, start, code, output, error, sim));
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
    void example(Example e) {
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
}
