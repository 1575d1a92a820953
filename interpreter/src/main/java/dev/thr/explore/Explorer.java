package dev.thr.explore;

import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import dev.thr.api.ThrException;
import dev.thr.runtime.RandomWalk;
import dev.thr.runtime.Schedule;
import dev.thr.runtime.Strategy;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a program under many simulated schedules and collects what went wrong: an error that
 * escaped any thread (a failed assert included), a deadlock, or a run that went on too long.
 * Each distinct failure is kept once, with how often it happened, shrunk to the fewest
 * switches that still fail and told as a story; the distinct outputs are counted too.
 *
 * <p>Schedules come from a random walk, from PCT, from a systematic search bounded by the
 * number of preemptions, or (the default) from all three in turn. When the search runs out
 * of schedules, the outcomes seen are all the program has within that bound, and the
 * exploration ends there.
 */
public final class Explorer {
    public enum Strategies { PORTFOLIO, RANDOM, PCT, SEARCH }

    /**
     * At most `schedules` runs within `budget` of real time; random walk and PCT seeds from
     * `firstSeed` on; PCT's depth (0: a different one for each seed), the search's bound on
     * preemptions; this exploration is
     * shard `shard` of `shards` (1 of 1 for all of it); at most `shrinkTime` of real time to
     * shrink each failure (besides at most SHRINK_RUNS runs, which alone keep a report the same
     * on every machine).
     */
    public record Options(int schedules, Duration budget, long firstSeed, Strategies strategies, int depth, int preemptions,
                          int shard, int shards, Duration shrinkTime, boolean reduce) {
        public Options(int schedules, Duration budget, long firstSeed) {
            this(schedules, budget, firstSeed, Strategies.PORTFOLIO, 0, 2, 1, 1, Duration.ofDays(1));
            if (schedules < 1) throw new IllegalArgumentException("at least one schedule");
        }

        /** With the search's partial-order reduction on (see Search). */
        public Options(int schedules, Duration budget, long firstSeed, Strategies strategies, int depth, int preemptions,
                       int shard, int shards, Duration shrinkTime) {
            this(schedules, budget, firstSeed, strategies, depth, preemptions, shard, shards, shrinkTime, true);
        }

        public Options with(Strategies s) {
            return new Options(schedules, budget, firstSeed, s, depth, preemptions, shard, shards, shrinkTime, reduce);
        }

        /** The same, with the search trying schedules that only reorder commuting steps too. */
        public Options unreduced() {
            return new Options(schedules, budget, firstSeed, strategies, depth, preemptions, shard, shards, shrinkTime, false);
        }
    }

    /**
     * How to replay a run exactly: the seed (for random() and, without a schedule, for the
     * random walk's choices) and the schedule (null for a random walk).
     */
    public record Replay(long seed, String schedule) {
        public String options() {
            return "--sim=" + seed + (schedule == null ? "" : " --schedule=" + (schedule.isEmpty() ? "none" : schedule));
        }
    }

    /**
     * One kind of failure: what it says (the report of its shrunk run), how often, how to
     * replay its shrunk run, how many preemptions that run has, and its story (preemptions
     * -1 and no story when the exploration was stopped before it was told).
     */
    public record Failure(String fingerprint, String report, Replay replay, int count, int preemptions, List<String> story) {}

    /**
     * One distinct outcome: the output, or what the program declared with `expect()` when it
     * declares anything (one repr a line); how often it came, in how many of those runs
     * something failed, and how to replay the first run that gave it.
     */
    public record Outcome(String output, Replay replay, int count, int failed) {}

    /**
     * `complete`: the search tried every schedule within its bound of preemptions, so the
     * outcomes are all there are within it. `stopped`: cut short (Ctrl-C).
     */
    public record Result(int runs, long nanos, List<Failure> failures, List<Outcome> outcomes, boolean complete, int bound,
                         boolean stopped, int shard, int shards, boolean declared) {}

    private Explorer() {}

    /** A run that takes longer than this (real time) is stopped and counted as a failure: it may never end. */
    static final Duration RUN_LIMIT = Duration.ofSeconds(20);

    /** Runs spent shrinking one failure, at most. */
    static final int SHRINK_RUNS = 1000;

    /** Lines of a failure's story, at most. */
    static final int STORY_LINES = 40;

    /** `progress` gets a line now and then on a long exploration (and may be null). */
    public static Result explore(String name, String source, List<String> args, Options options,
                                 Consumer<String> progress) throws ThrException, InterruptedException {
        ThrEngine.Parsed parsed = ThrEngine.parse(name, source); // parsed once, compiled in each run's engine
        ThrEngine first = Thr.builder().global("args", args).stdout(java.io.Writer.nullWriter()).stderr(java.io.Writer.nullWriter()).build();
        first.compile(parsed); // a syntax error is the caller's, at once
        Trials trials = new Trials(parsed, args, first);
        long start = System.nanoTime();
        long budgetNanos = budgetNanos(options.budget());
        long until = start + budgetNanos; // start is nanoTime's, so this only wraps past 292 years of budget
        Map<String, Found> failures = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Search search = options.strategies() == Strategies.PORTFOLIO || options.strategies() == Strategies.SEARCH
                ? new Search(options.preemptions(), options.shard() - 1, options.shards(), options.reduce()) : null;
        long randomSeed = options.firstSeed(), pctSeed = options.firstSeed();
        int pctSteps = 100; // PCT draws its change points from a run's length: the last run's is the guess
        int runs = 0;
        boolean stopped = false, declared = false;
        long lastProgress = start;
        for (int turn = 0; runs < options.schedules() && System.nanoTime() < until; turn++) {
            if (Thread.currentThread().isInterrupted()) {
                stopped = true;
                break;
            }
            Strategies kind = switch (options.strategies()) {
                // half the runs search (small programs then end with a proof), a quarter each walk at random or by PCT
                case PORTFOLIO -> search.done() ? null : turn % 2 == 0 ? Strategies.SEARCH : turn % 4 == 1 ? Strategies.RANDOM : Strategies.PCT;
                default -> options.strategies();
            };
            if (kind == null || kind == Strategies.SEARCH && search.done()) break;
            Trial t;
            Replay replay;
            Schedule recorder;
            switch (kind) {
                case RANDOM -> {
                    long seed = nextInShard(randomSeed, options);
                    randomSeed = seed + 1;
                    recorder = Schedule.recording(new RandomWalk(seed));
                    t = trials.run(seed, recorder);
                    replay = new Replay(seed, null);
                }
                case PCT -> {
                    long seed = nextInShard(pctSeed, options);
                    pctSeed = seed + 1;
                    // no depth given: each seed tries another, 1 to 7 (a deadlock of five philosophers needs 5)
                    Pct pct = new Pct(seed, options.depth() > 0 ? options.depth() : 1 + (int) Math.floorMod(seed, 7L), pctSteps);
                    recorder = Schedule.recording(pct);
                    t = trials.run(seed, recorder);
                    pctSteps = Math.max(10, pct.steps());
                    replay = new Replay(seed, Schedule.text(recorder.switches()));
                }
                default -> {
                    recorder = search.next();
                    t = trials.run(options.firstSeed(), recorder);
                    search.ran(recorder);
                    replay = new Replay(options.firstSeed(), Schedule.text(recorder.switches()));
                }
            }
            if (t.interrupted()) {
                stopped = true;
                break;
            }
            runs++;
            int failed = t.fingerprint() != null ? 1 : 0;
            declared |= !t.outcome().equals(t.out());
            outcomes.merge(t.outcome(), new Outcome(t.outcome(), replay, 1, failed),
                    (old, n) -> new Outcome(old.output(), old.replay(), old.count() + 1, old.failed() + failed));
            if (t.fingerprint() != null) {
                Found f = failures.computeIfAbsent(t.fingerprint(), k -> new Found(replay.seed(), recorder.switches(), t.err()));
                f.count++;
            }
            long now = System.nanoTime();
            if (progress != null && now - lastProgress > 2_000_000_000L) {
                lastProgress = now;
                double rate = runs / ((now - start) / 1e9);
                progress.accept(String.format(Locale.ROOT, "%,d schedules, %d %s, %.0f a second, %.0f s left at most",
                        runs, failures.size(), failures.size() == 1 ? "failure" : "failures", rate,
                        Math.min((until - now) / 1e9, (options.schedules() - runs) / Math.max(rate, 1e-9))));
            }
        }
        boolean complete = search != null && search.done();
        // a stop (Ctrl-C) is taken here, so that what was found can still be told, unshrunk,
        // and given back to the caller at the end
        if (Thread.interrupted()) stopped = true;
        List<Failure> told = new ArrayList<>();
        for (Map.Entry<String, Found> e : failures.entrySet()) {
            told.add(tell(trials, e.getKey(), e.getValue(), !stopped, options.shrinkTime()));
            if (Thread.interrupted()) stopped = true; // stopped while shrinking: the rest are told unshrunk
        }
        if (stopped) Thread.currentThread().interrupt();
        return new Result(runs, System.nanoTime() - start, told, new ArrayList<>(outcomes.values()), complete,
                options.preemptions(), stopped, options.shard(), options.shards(), declared);
    }

    /** A budget in nanoseconds, at most about 100 years (Duration.toNanos would overflow past 292). */
    private static long budgetNanos(Duration d) {
        return d.compareTo(Duration.ofDays(36_500)) > 0 ? Duration.ofDays(36_500).toNanos() : Math.max(0, d.toNanos());
    }

    /** The first seed from `seed` on that belongs to this shard. */
    private static long nextInShard(long seed, Options o) {
        while (Math.floorMod(seed - o.firstSeed(), (long) o.shards()) != o.shard() - 1) seed++;
        return seed;
    }

    /** A failure as first found: its seed and schedule, and how often it came. */
    private static final class Found {
        final long seed;
        final Map<Schedule.At, Long> switches;
        /** What its first run reported. */
        final String err;
        int count;
        Found(long seed, Map<Schedule.At, Long> switches, String err) { this.seed = seed; this.switches = switches; this.err = err; }
    }

    /**
     * Shrinks a failure's schedule, runs the result once more to tell its story. Delta
     * debugging drops the switches the failure does not need; then, since a switch it keeps
     * may stand where no single one would do, a search with fewer preemptions allowed looks
     * for a smaller way to the same failure (iterative context bounding), within a budget.
     */
    private static Failure tell(Trials trials, String fingerprint, Found found, boolean shrink, Duration time) {
        int[] budget = {shrink ? SHRINK_RUNS : 0};
        long until = System.nanoTime() + budgetNanos(time);
        java.util.function.Function<Map<Schedule.At, Long>, Shrinker.Tried<Schedule.At>> test = s -> {
            // out of runs or time, or stopped: a schedule not tried is kept, which is always safe
            if (--budget[0] < 0 || System.nanoTime() > until || Thread.currentThread().isInterrupted()) {
                return new Shrinker.Tried<>(false, s, 0);
            }
            Schedule guided = Schedule.replay(s);
            Trial t = trials.run(found.seed, guided);
            return new Shrinker.Tried<>(fingerprint.equals(t.fingerprint()), guided.switches(), guided.preemptions());
        };
        Map<Schedule.At, Long> small = shrink ? Shrinker.shrink(found.switches, test, budget[0] / 2) : found.switches;
        int preemptions = shrink ? test.apply(small).preemptions() : 0;
        if (shrink && preemptions > 1) {
            small = Shrinker.move(small, preemptions, threadsOf(small), test, budget[0] / 2);
            preemptions = test.apply(small).preemptions();
        }
        if (Thread.currentThread().isInterrupted()) budget[0] = 0;
        smaller:
        for (int bound = 0; bound < preemptions && budget[0] > 0; bound++) {
            Search search = Search.exactly(bound);
            while (!search.done() && budget[0]-- > 0 && System.nanoTime() < until && !Thread.currentThread().isInterrupted()) {
                Schedule s = search.next();
                Trial t = trials.run(found.seed, s);
                search.ran(s);
                if (fingerprint.equals(t.fingerprint())) {
                    small = Shrinker.shrink(s.switches(), test, Math.max(budget[0], 10));
                    break smaller;
                }
            }
        }
        // stopped while shrinking: what was found so far is told, from a run that is not stopped
        boolean stopped = Thread.interrupted();
        if (stopped) small = found.switches;
        Schedule guided = Schedule.replay(small);
        Story story = new Story(guided);
        Trial t = trials.run(found.seed, story);
        if (!fingerprint.equals(t.fingerprint())) {
            // cannot happen for a deterministic program; say what was found rather than a wrong story
            guided = Schedule.replay(found.switches);
            story = new Story(guided);
            t = trials.run(found.seed, story);
        }
        if (t.interrupted()) {
            // stopped while the story ran: the failure as first found, untold
            return new Failure(fingerprint, found.err, new Replay(found.seed, Schedule.text(found.switches)), found.count, -1, List.of());
        }
        if (stopped) Thread.currentThread().interrupt();
        return new Failure(fingerprint, t.err(), new Replay(found.seed, Schedule.text(guided.switches())), found.count,
                guided.preemptions(), Narration.tell(story.events(), fingerprint, STORY_LINES));
    }

    /** The threads a schedule may switch to: those it names, and the ones numbered before them. */
    private static List<Long> threadsOf(Map<Schedule.At, Long> switches) {
        long max = 1;
        for (var e : switches.entrySet()) max = Math.max(max, Math.max(e.getKey().thread(), e.getValue()));
        List<Long> out = new ArrayList<>();
        for (long t = 1; t <= max; t++) out.add(t);
        return out;
    }

    /** What one run gave: its output, its errors, what failed (or null), and its outcome (see Outcome). */
    record Trial(String out, String err, String fingerprint, boolean interrupted, String outcome) {}

    /** Runs the program, each time on a fresh simulated engine. */
    private record Trials(ThrEngine.Parsed program, List<String> args, ThrEngine builtins) {
        Trial run(long seed, Strategy strategy) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            // On the tree: each schedule is a fresh engine, and a class compiled for one run is
            // new to the JVM in the next, which would interpret it again (a 100,000-turn loop
            // explored: 3.0 s on the tree, 4.7 s compiled each run).
            ThrEngine engine = Thr.builder().simulate(seed, strategy).virtualThreads(true).stdout(out).stderr(err)
                    .global("args", args).timeout(RUN_LIMIT).builtinsOf(builtins).tier(dev.thr.eval.Tier.TREE).build();
            String fingerprint = null;
            boolean interrupted = false;
            try {
                engine.runMain(engine.compile(program));
            } catch (ThrException e) {
                synchronized (err) {
                    err.write(e.getMessage());
                }
                fingerprint = e.kind().equals("DeadlockError") ? e.detail() : where(e.getMessage().lines().findFirst().orElse(e.kind()));
            } catch (InterruptedException e) {
                interrupted = true;
            } finally {
                try {
                    engine.cancel();
                } catch (IllegalStateException e) {
                    // a thread that would not stop belongs to this engine alone: the next run has its own
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            String errors = err.toString();
            // the first thing that went wrong names the failure: an error in a thread comes
            // before the deadlock it may leave behind
            String inThread = firstThreadError(errors);
            if (inThread != null) fingerprint = inThread;
            List<String> declared = engine.declaredOutcomes();
            String output = out.toString();
            return new Trial(output, errors, fingerprint, interrupted,
                    declared.isEmpty() ? output : String.join("\n", declared) + "\n");
        }
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
