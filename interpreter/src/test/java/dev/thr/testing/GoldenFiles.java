package dev.thr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A golden test: `name.thr`, its expected stdout `name.out`, and, when it writes to stderr,
 * `name.err`. A `# exit: N` comment near the top gives the exit status expected (default 0).
 */
public record GoldenFiles(Path root, Path script) {
    private static final Pattern EXIT = Pattern.compile("(?m)^#\\s*exit:\\s*(\\d+)\\s*$");

    public static Path samplesDir() {
        String dir = System.getProperty("thr.samples.dir");
        Path p = dir != null ? Path.of(dir) : Path.of("..", "samples");
        if (!Files.isDirectory(p)) throw new IllegalStateException("samples directory not found: " + p.toAbsolutePath());
        return p;
    }

    public static List<GoldenFiles> under(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".thr")).sorted().map(p -> new GoldenFiles(root, p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return root.relativize(script).toString().replace('\\', '/');
    }

    public String source() { return read(script); }

    public Path sibling(String extension) {
        String file = script.getFileName().toString();
        return script.resolveSibling(file.substring(0, file.length() - 4) + extension);
    }

    public String expectedOut() {
        Path out = sibling(".out");
        if (!Files.exists(out)) throw new AssertionError(name() + " has no expected output (" + out.getFileName() + ")");
        return read(out);
    }

    public String expectedErr() {
        Path err = sibling(".err");
        return Files.exists(err) ? read(err) : "";
    }

    public int expectedStatus() {
        Matcher m = EXIT.matcher(source());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Runs it and fails with a readable difference when what it did is not what was expected. */
    public void check() {
        check(dev.thr.api.Thr.builder());
    }

    /** The same, on an engine the builder makes (a simulated one, say). */
    public void check(dev.thr.api.Thr.Builder builder) {
        Run r = Run.of(name(), source(), builder);
        String problem = Expected.mismatch(expectedOut(), r.stdout());
        if (problem != null) throw new AssertionError(name() + " stdout: " + problem + "\n--- stdout was:\n" + r.stdout() + "--- stderr was:\n" + r.stderr());
        problem = Expected.mismatch(expectedErr(), r.stderr());
        if (problem != null) throw new AssertionError(name() + " stderr: " + problem + "\n--- stderr was:\n" + r.stderr());
        if (r.status() != expectedStatus()) {
            throw new AssertionError(name() + ": exit status " + r.status() + ", expected " + expectedStatus() + "\n" + r.stderr());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() { return name(); }
}
