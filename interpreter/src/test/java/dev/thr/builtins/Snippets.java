package dev.thr.builtins;

import dev.thr.testing.Run;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Small helpers shared by the builtin, runtime and evaluator tests: run a snippet the way a user
 * would and return what they would read (the printed line, or the headline of the error report).
 */
public final class Snippets {
    private Snippets() {}

    /**
     * A thr function for waiting until thread t reports state s (at most 2000 short sleeps; it
     * gives back the last state seen): the program's own polling, bounded by a count, not a clock.
     */
    public static final String AWAIT_STATE = """
            fn await_state(t, s) {
              i = 0
              while t.state != s and i < 2000 { sleep 0.005; i += 1 }
              return t.state
            }
            """;

    /** What `print EXPR` shows, without the trailing newline. */
    public static String printed(String expr) {
        String out = Run.output("print " + expr + "\n");
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    /** The stdout of a program that must run cleanly. */
    public static String output(String program) {
        return Run.output(program);
    }

    /**
     * The headline of the report of a program that must fail: "Kind: message", without the
     * "file:line:col: " prefix the report starts with.
     */
    public static String failure(String program) {
        String err = Run.error(program);
        String first = err.lines().findFirst().orElse("");
        return first.replaceFirst("^test\\.thr:\\d+:\\d+: ", "");
    }

    /**
     * A table of cases, one per line, "left ==> right"; blank lines and lines starting with "//"
     * are skipped. Each row becomes two arguments.
     */
    public static Stream<Arguments> table(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("//"))
                .map(l -> {
                    int at = l.indexOf(" ==> ");
                    if (at < 0) throw new IllegalArgumentException("no ' ==> ' in table row: " + l);
                    return Arguments.of(l.substring(0, at).strip(), l.substring(at + 5).strip());
                });
    }

    /** The lines of some output, sorted: for output whose order the threads leave open. */
    public static String sortedLines(String out) {
        String[] lines = out.split("\n");
        Arrays.sort(lines);
        return String.join("\n", lines);
    }
}
