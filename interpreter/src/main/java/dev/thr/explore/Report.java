package dev.thr.explore;

import java.util.Locale;

/** What `thr --explore` prints: a summary line, each failure with its replay, and the outputs when asked. */
public final class Report {
    private Report() {}

    /** `file` is the script as the replay command names it. */
    public static String text(String file, String name, Explorer.Result r, boolean outcomes) {
        StringBuilder out = new StringBuilder();
        int failed = 0;
        for (Explorer.Failure f : r.failures()) failed += f.count();
        out.append(String.format(Locale.ROOT, "explored %,d schedules of %s in %.1f s: %s%n", r.runs(), name, r.nanos() / 1e9,
                r.failures().isEmpty() ? "no failure" : r.failures().size() == 1 ? "1 failure" : r.failures().size() + " distinct failures"));
        int n = 0;
        for (Explorer.Failure f : r.failures()) {
            out.append(String.format(Locale.ROOT, "%nfailure %d, in %,d of %,d schedules; the first with seed %d:%n", ++n, f.count(), r.runs(), f.seed()));
            out.append(f.report().indent(2));
            out.append("  replay: thr --sim=").append(f.seed()).append(' ').append(shellWord(file)).append('\n');
        }
        if (outcomes) {
            out.append(String.format(Locale.ROOT, "%n%d distinct %s:%n", r.outcomes().size(), r.outcomes().size() == 1 ? "output" : "outputs"));
            for (Explorer.Outcome o : r.outcomes().stream().sorted((a, b) -> Integer.compare(b.count(), a.count())).toList()) {
                out.append(String.format(Locale.ROOT, "%,8d x  (first with --sim=%d)%n", o.count(), o.seed()));
                out.append((o.output().isEmpty() ? "(nothing)\n" : o.output()).indent(12));
            }
        }
        if (!r.failures().isEmpty() && failed < r.runs()) {
            out.append(String.format(Locale.ROOT, "%n%,d of %,d schedules ran without failing.%n", r.runs() - failed, r.runs()));
        }
        return out.toString();
    }

    /** The file as a shell needs it in the replay line. */
    private static String shellWord(String file) {
        return file.matches("[\\w./@%+=:,-]+") ? file : "'" + file.replace("'", "'\\''") + "'";
    }
}
