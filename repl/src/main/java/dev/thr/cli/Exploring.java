package dev.thr.cli;

import dev.thr.api.ThrException;
import dev.thr.explore.Explorer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** `thr --explore[=N] [--outcomes] FILE`: many simulated schedules, each distinct failure once, with its replay. */
final class Exploring {
    private Exploring() {}

    /** How long an exploration may take at most, whatever N is. */
    static final Duration BUDGET = Duration.ofMinutes(2);

    static int run(String file, String name, String source, List<String> args, int schedules, boolean outcomes,
                   PrintWriter out, PrintWriter err) throws InterruptedException {
        Explorer.Result r;
        try {
            r = Explorer.explore(name, source, args, new Explorer.Options(schedules, BUDGET, 1),
                    line -> {
                        err.println("thr: exploring: " + line);
                        err.flush();
                    });
        } catch (ThrException e) {
            err.print(e.getMessage());
            err.flush();
            return Main.USAGE;
        }
        int failed = 0;
        for (Explorer.Failure f : r.failures()) failed += f.count();
        out.printf(Locale.ROOT, "explored %,d schedules of %s in %.1f s: %s%n", r.runs(), name, r.nanos() / 1e9,
                r.failures().isEmpty() ? "no failure" : r.failures().size() == 1 ? "1 failure" : r.failures().size() + " distinct failures");
        int n = 0;
        for (Explorer.Failure f : r.failures()) {
            out.printf(Locale.ROOT, "%nfailure %d, in %,d of %,d schedules; the first with seed %d:%n", ++n, f.count(), r.runs(), f.seed());
            out.print(f.report().indent(2));
            out.println("  replay: thr --sim=" + f.seed() + " " + replayable(file));
        }
        if (outcomes) {
            out.printf(Locale.ROOT, "%n%d distinct %s:%n", r.outcomes().size(), r.outcomes().size() == 1 ? "output" : "outputs");
            for (Explorer.Outcome o : r.outcomes().stream().sorted((a, b) -> Integer.compare(b.count(), a.count())).toList()) {
                out.printf(Locale.ROOT, "%,8d x  (first with --sim=%d)%n", o.count(), o.seed());
                out.print((o.output().isEmpty() ? "(nothing)\n" : o.output()).indent(12));
            }
        }
        if (!r.failures().isEmpty() && failed < r.runs()) {
            out.printf(Locale.ROOT, "%n%,d of %,d schedules ran without failing.%n", r.runs() - failed, r.runs());
        }
        out.flush();
        return r.failures().isEmpty() ? Main.OK : Main.DEADLOCK;
    }

    /** The file as a shell would need it, for the replay line. */
    private static String replayable(String file) {
        return file.matches("[\\w./@%+=:,-]+") ? file : "'" + file.replace("'", "'\\''") + "'";
    }
}
