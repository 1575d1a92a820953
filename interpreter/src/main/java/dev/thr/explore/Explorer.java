package dev.thr.explore;

import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import dev.thr.api.ThrException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a program under many simulated schedules (one seed each) and collects what went wrong:
 * an error that escaped any thread (a failed assert included), a deadlock, or a run that went
 * on too long. Each distinct failure is kept once, with how often it happened and the first
 * seed that shows it, so `thr --sim=SEED` replays it exactly; the distinct outputs are
 * counted too. This is a random walk over schedules: a failure found is real and replays,
 * but one not found may still exist.
 */
public final class Explorer {
    /** At most `schedules` runs, within `budget` of real time, seeds from `firstSeed` on. */
    public record Options(int schedules, Duration budget, long firstSeed) {}

    /** One kind of failure: what it says (the report of its first run), how often, and where first. */
    public record Failure(String fingerprint, String report, long seed, int count) {}

    /** One distinct output, how often it came, and the first seed that printed it. */
    public record Outcome(String output, long seed, int count) {}

    public record Result(int runs, long nanos, List<Failure> failures, List<Outcome> outcomes) {}

    private Explorer() {}

    /** A run that takes longer than this (real time) is stopped and counted as a failure: it may never end. */
    static final Duration RUN_LIMIT = Duration.ofSeconds(20);

    /** `progress` gets a line now and then on a long exploration (and may be null). */
    public static Result explore(String name, String source, List<String> args, Options options,
                                 Consumer<String> progress) throws ThrException, InterruptedException {
        Thr.builder().build().compile(name, source); // a syntax error is the caller's, at once
        long start = System.nanoTime();
        long until = start + options.budget().toNanos();
        Map<String, Failure> failures = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        int runs = 0;
        long lastProgress = start;
        for (long seed = options.firstSeed(); runs < options.schedules() && System.nanoTime() < until; seed++) {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
            Attempt a = attempt(name, source, args, seed);
            runs++;
            final long s = seed;
            outcomes.merge(a.out, new Outcome(a.out, seed, 1), (old, n) -> new Outcome(old.output(), old.seed(), old.count() + 1));
            if (a.fingerprint != null) {
                failures.merge(a.fingerprint, new Failure(a.fingerprint, a.err, s, 1),
                        (old, n) -> new Failure(old.fingerprint(), old.report(), old.seed(), old.count() + 1));
            }
            long now = System.nanoTime();
            if (progress != null && now - lastProgress > 2_000_000_000L) {
                lastProgress = now;
                progress.accept(String.format(java.util.Locale.ROOT, "%,d schedules, %d %s, %.0f a second",
                        runs, failures.size(), failures.size() == 1 ? "failure" : "failures", runs / ((now - start) / 1e9)));
            }
        }
        return new Result(runs, System.nanoTime() - start, new ArrayList<>(failures.values()), new ArrayList<>(outcomes.values()));
    }

    private record Attempt(String out, String err, String fingerprint) {}

    private static Attempt attempt(String name, String source, List<String> args, long seed) throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ThrEngine engine = Thr.builder().simulate(seed).virtualThreads(true).stdout(out).stderr(err).global("args", args)
                .timeout(RUN_LIMIT).build();
        String fingerprint = null;
        try {
            engine.runMain(engine.compile(name, source));
        } catch (ThrException e) {
            synchronized (err) {
                err.write(e.getMessage());
            }
            fingerprint = e.kind().equals("DeadlockError") ? e.detail() : where(e.getMessage().lines().findFirst().orElse(e.kind()));
        } finally {
            try {
                engine.cancel();
            } catch (IllegalStateException e) {
                // a thread that would not stop belongs to this engine alone: the next run has its own
            }
        }
        String errors = err.toString();
        // the first thing that went wrong names the failure: an error in a thread comes
        // before the deadlock it may leave behind
        String inThread = firstThreadError(errors);
        if (inThread != null) fingerprint = inThread;
        return new Attempt(out.toString(), errors, fingerprint);
    }

    /**
     * What makes two failures the same: the place and the kind of the error (`race.thr:9:1:
     * AssertionError`), not its message, which often holds a value that varies (`lost 3`).
     */
    static String where(String headline) {
        var m = java.util.regex.Pattern.compile("^(.*?:\\d+:\\d+: \\w+)(: .*)?$").matcher(headline);
        return m.matches() ? m.group(1) : headline;
    }

    /** The first line after "Exception in thread NAME:" (its position and message), or a deadlock's headline. */
    static String firstThreadError(String stderr) {
        List<String> lines = stderr.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("Exception in thread ") && i + 1 < lines.size()) return where(lines.get(i + 1));
            if (line.startsWith("deadlock")) return line.substring(line.indexOf(": ") + 2);
        }
        return null;
    }
}
