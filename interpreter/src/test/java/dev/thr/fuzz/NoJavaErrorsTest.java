package dev.thr.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.api.Thr;
import dev.thr.testing.GoldenFiles;
import dev.thr.testing.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a person types, thr answers with a thr error, never a Java exception or an internal
 * error. Seeded mutations of the samples and the docs' examples (characters dropped,
 * duplicated, swapped, lines cut) and token soup: each must parse, or fail with a positioned diagnostic; those that run must
 * end (every sample ends) without an InternalError.
 */
class NoJavaErrorsTest {
    static final String[] TOKENS = {
        "fn", "f", "(", ")", "{", "}", "[", "]", "x", "=", "+", "-", "*", "**", "//", "%", ",", ":", ".",
        "if", "else", "elif", "while", "for", "in", "not", "and", "or", "spawn", "join", "sleep 0", "print",
        "return", "break", "continue", "try", "catch", "finally", "raise", "nil", "true", "1", "2.5", "\"s{x}\"",
        "'q'", "\n", ";", "with", "lock()", "queue(1)", "=>", "global", "nonlocal", "#c\n", "\\\n", "\"", "{{",
        "del", "is", "is not", "&", "|", "^", "|=", "*xs", "**m", "set()", "{1, 2}", "{k: v for k in x}", "xs[1:]",
    };

    /** How many cases each test makes: a few hundred in CI; more with -Dthr.fuzz.cases=N. */
    static final int CASES = Integer.getInteger("thr.fuzz.cases", 300);

    /** Every case ends well within this (none sleeps); one that does not is a failure. */
    static final java.time.Duration BOUND = java.time.Duration.ofSeconds(20);

    static Stream<Long> seeds() {
        return IntStream.range(0, CASES).mapToObj(i -> 1000L + i);
    }

    static List<String> sampleSources() throws IOException {
        List<String> out = new ArrayList<>();
        for (var g : GoldenFiles.under(GoldenFiles.samplesDir())) {
            String s = g.source();
            if (!s.contains("sleep") && !s.contains("PRODUCERS")) out.add(s);
        }
        for (var e : dev.thr.golden.DocsTest.examples()) {
            if (!e.code().contains("sleep") && !e.code().contains("input(")) out.add(e.code());
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedProgramsFailCleanly(long seed) throws IOException {
        Random random = new Random(seed);
        List<String> sources = sampleSources();
        String code = mutate(sources.get(random.nextInt(sources.size())), random);
        check(code, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tokenSoupFailsCleanly(long seed) {
        Random random = new Random(seed);
        StringBuilder code = new StringBuilder();
        int n = 1 + random.nextInt(25);
        for (int i = 0; i < n; i++) code.append(TOKENS[random.nextInt(TOKENS.length)]).append(' ');
        check(code.toString(), seed);
    }

    private static void check(String code, long seed) {
        // a mutation can make a loop endless: such programs must not run, only compile
        boolean mayLoop = code.contains("while");
        Run r = mayLoop ? compileOnly(code) : Run.of("fuzz.thr", code, Thr.builder().seed(seed).timeout(BOUND));
        String all = r.stdout() + r.stderr();
        assertFalse(all.contains("took longer than its limit"), () -> "seed " + seed + " ran over " + BOUND + ":\n" + code);
        assertFalse(all.contains("InternalError") || all.contains("Exception in thread \"") || all.contains("\tat java."),
                () -> "seed " + seed + " made thr fail inside:\n" + code + "\n---\n" + all);
        if (r.status() == 2) assertTrue(r.stderr().matches("(?s)fuzz\\.thr:\\d+:\\d+: error: .*"), () -> "seed " + seed + ":\n" + r.stderr());
    }

    private static Run compileOnly(String code) {
        var engine = Thr.builder().build();
        try {
            engine.compile("fuzz.thr", code);
            return new Run("", "", 0);
        } catch (dev.thr.api.ThrException e) {
            return new Run("", e.getMessage(), 2);
        }
    }

    private static String mutate(String source, Random random) {
        StringBuilder s = new StringBuilder(source);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && s.length() > 1; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, s.charAt(random.nextInt(s.length())));
                case 2 -> {
                    int other = random.nextInt(s.length());
                    char c = s.charAt(at);
                    s.setCharAt(at, s.charAt(other));
                    s.setCharAt(other, c);
                }
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }
}
