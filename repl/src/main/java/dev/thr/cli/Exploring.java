package dev.thr.cli;

import dev.thr.api.ThrException;
import dev.thr.explore.Explorer;
import dev.thr.explore.Report;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * `thr --explore[=N] FILE`: many simulated schedules, each distinct failure once, shrunk, with
 * its replay command and its story. Ctrl-C stops the exploration and prints what it found so
 * far; a second Ctrl-C exits at once.
 */
final class Exploring {
    private Exploring() {}

    /** How many schedules `--explore` runs without a number (within BUDGET). */
    static final int DEFAULT_SCHEDULES = 20_000;

    /** How long an exploration may take at most, unless --budget says otherwise. */
    static final Duration BUDGET = Duration.ofMinutes(2);

    /** The options from the command line's words; IllegalArgumentException with a message for a person. */
    static Explorer.Options options(String explore, String strategy, Integer preemptions, Integer depth, Double budget, String shard) {
        int schedules;
        try {
            // a search ends by itself (within --budget); the others need a number
            schedules = explore.isEmpty() ? "search".equalsIgnoreCase(strategy == null ? "" : strategy.strip()) ? 100_000_000 : DEFAULT_SCHEDULES
                    : Integer.parseInt(explore.strip());
            if (schedules < 1) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--explore takes a number of schedules from 1 to " + Integer.MAX_VALUE + ", not '" + explore + "'");
        }
        Explorer.Strategies kind;
        try {
            kind = strategy == null ? Explorer.Strategies.PORTFOLIO : Explorer.Strategies.valueOf(strategy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--strategy is one of random, pct, search and portfolio, not '" + strategy + "'");
        }
        if (preemptions != null && (preemptions < 0 || preemptions > 100)) throw new IllegalArgumentException("--preemptions is from 0 to 100");
        if (depth != null && (depth < 1 || depth > 100)) throw new IllegalArgumentException("--depth is from 1 to 100");
        if (budget != null && !(budget > 0 && budget <= 1e9)) throw new IllegalArgumentException("--budget is a number of seconds above 0 (and below a billion)");
        int part = 1, parts = 1;
        if (shard != null) {
            var m = java.util.regex.Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*").matcher(shard);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                throw new IllegalArgumentException("--shard is I/N with 1 <= I <= N, such as 2/4, not '" + shard + "'");
            }
            part = Integer.parseInt(m.group(1));
            parts = Integer.parseInt(m.group(2));
        }
        Duration time = budget == null ? BUDGET : Duration.ofMillis((long) (budget * 1000));
        return new Explorer.Options(schedules, time, 1, kind, depth == null ? 0 : depth, preemptions == null ? 2 : preemptions, part, parts,
                Duration.ofDays(1)); // shrinking is bounded by runs, not time: the same report on every machine
    }

    static int run(String file, String name, String source, List<String> args, Explorer.Options options, boolean outcomes,
                   PrintWriter out, PrintWriter err) throws InterruptedException {
        Thread explorer = Thread.currentThread();
        AtomicInteger presses = new AtomicInteger();
        Signal.handle(new Signal("INT"), signal -> {
            if (presses.incrementAndGet() > 1) Runtime.getRuntime().halt(Main.INTERRUPTED);
            err.println("\nthr: stopping the exploration (Ctrl-C again quits at once)");
            explorer.interrupt();
        });
        Explorer.Result r;
        try {
            r = Explorer.explore(name, source, args, options, line -> {
                err.println("thr: exploring: " + line);
                err.flush();
            });
        } catch (ThrException e) {
            err.print(e.getMessage());
            err.flush();
            return Main.USAGE;
        }
        out.print(Report.text(file, name, r, outcomes));
        out.flush();
        return r.failures().isEmpty() ? Main.OK : Main.DEADLOCK;
    }
}
