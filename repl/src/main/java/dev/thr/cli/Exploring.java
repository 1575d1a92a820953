package dev.thr.cli;

import dev.thr.api.ThrException;
import dev.thr.explore.Explorer;
import dev.thr.explore.Report;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** `thr --explore[=N] [--outcomes] FILE`: many simulated schedules, each distinct failure once, with its replay. */
final class Exploring {
    private Exploring() {}

    /** How long an exploration may take at most, whatever N is. */
    static final Duration BUDGET = Duration.ofMinutes(2);

    static int run(String file, String name, String source, List<String> args, int schedules, boolean outcomes,
                   PrintWriter out, PrintWriter err) throws InterruptedException {
        Explorer.Result r;
        try {
            r = Explorer.explore(name, source, args, new Explorer.Options(schedules, BUDGET, 1), line -> {
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
