package dev.thr.repl;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jline.utils.ScreenTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long pasting 5,000 lines takes to show, measured, not asserted (a time depends on the
 * machine): run with
 * {@code mvn -B -q -o test -pl repl -am -Dtest=PasteBenchmark -Dthr.bench=paste -Dsurefire.failIfNoSpecifiedTests=false}.
 * Each case runs a few times in one JVM, so the later runs show the warmed-up figure.
 */
@EnabledIfSystemProperty(named = "thr.bench", matches = "paste")
class PasteBenchmark {
    static final int LINES = 5_000;
    static final String TEXT = IntStream.rangeClosed(1, LINES).mapToObj(i -> "x" + i + " = " + i)
            .collect(Collectors.joining("\r")) + "\r";
    static final String LAST = "x" + LINES + " = " + LINES;
    /** The same number of lines assigning one name: each snippet's compile no longer meets 5,000 globals. */
    static final String ONE_NAME = IntStream.rangeClosed(1, LINES).mapToObj(i -> "x = " + i).collect(Collectors.joining("\r")) + "\r";

    /** A terminal with bracketed paste (xterm): the block arrives as one buffer and runs on Enter. */
    @Test
    void bracketedPasteOnAFullTerminal() throws Exception {
        for (int run = 1; run <= 3; run++) {
            try (var s = new ScreenSession()) {
                s.awaitReading();
                long start = System.nanoTime();
                feed(s, "\033[200~" + TEXT.substring(0, TEXT.length() - 1) + "\033[201~");
                await(s, t -> t.contains(LAST), "the pasted block");
                long shown = System.nanoTime();
                s.keys("\r");
                await(s, t -> t.endsWith("\nthr>\n") && t.contains(LAST), "the block run");
                long ran = System.nanoTime();
                report("bracketed paste, run " + run, start, shown, ran);
            }
        }
    }

    /**
     * A terminal without bracketed paste (or a dumb one): every line is typed and run on its own,
     * once with 5,000 new names and once with one name assigned 5,000 times.
     */
    @Test
    void lineByLineOnAFullTerminalAndOnADumbOne() throws Exception {
        lineByLine(TEXT, LAST, "new names");
        lineByLine(ONE_NAME, "x = " + LINES, "one name");
    }

    private static void lineByLine(String text, String last, String what) throws Exception {
        for (String type : new String[] {"xterm-256color", "dumb"}) {
            for (int run = 1; run <= 2; run++) {
                var vt = ScreenTerminal.withTerminal("vt", type, 100, 40);
                try (var s = new ScreenSession(vt, b -> b.warmUp(true))) {
                    s.awaitReading();
                    Thread.sleep(1000); // a person pastes a moment after the prompt appears (the session warms up meanwhile)
                    long start = System.nanoTime();
                    feed(s, text);
                    await(s, t -> t.contains("thr> " + last + "\nthr>"), "the last line run");
                    long ran = System.nanoTime();
                    report(type + " line by line, " + what + ", run " + run, start, ran, ran);
                }
            }
        }
    }

    /** From a thread of its own: the terminal's input pipe is bounded, and the reader drains it. */
    private static void feed(ScreenSession s, String keys) {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                s.keys(keys);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    private static void await(ScreenSession s, Predicate<String> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!condition.test(s.screen())) {
            if (System.nanoTime() > deadline) throw new AssertionError("never saw " + what + "; screen:\n" + s.screen());
            Thread.sleep(5);
        }
    }

    private static void report(String what, long start, long shown, long ran) {
        System.out.printf("%-52s shown after %6d ms, run after %6d ms%n", what, (shown - start) / 1_000_000, (ran - start) / 1_000_000);
    }
}
