package dev.thr.explore;

import java.util.Locale;

/** What `thr --explore` prints: a summary line, each failure with its replay and story, and the outputs when asked. */
public final class Report {
    private Report() {}

    /** `file` is the script as the replay command names it. */
    public static String text(String file, String name, Explorer.Result r, boolean outcomes) {
        StringBuilder out = new StringBuilder();
        int failed = 0;
        for (Explorer.Failure f : r.failures()) failed += f.count();
        out.append(String.format(Locale.ROOT, "explored %,d schedule%s of %s%s in %.1f s%s: %s%n", r.runs(), r.runs() == 1 ? "" : "s", name,
                r.shards() > 1 ? " (shard " + r.shard() + " of " + r.shards() + ")" : "", r.nanos() / 1e9,
                r.stopped() ? " (stopped)" : "",
                r.failures().isEmpty() ? "no failure" : r.failures().size() == 1 ? "1 failure" : r.failures().size() + " distinct failures"));
        if (r.complete() && r.shards() == 1) {
            out.append(String.format(Locale.ROOT, "that is every schedule with at most %d %s: what it found is all there is within that bound.%n",
                    r.bound(), r.bound() == 1 ? "preemption" : "preemptions"));
        } else if (r.complete()) {
            out.append(String.format(Locale.ROOT, "that is shard %d of %d's share of every schedule with at most %d %s: with the other shards' reports,%n"
                    + "what they found is all there is within that bound.%n", r.shard(), r.shards(), r.bound(), r.bound() == 1 ? "preemption" : "preemptions"));
        }
        int n = 0;
        for (Explorer.Failure f : r.failures()) {
            out.append(String.format(Locale.ROOT, "%nfailure %d, in %,d of %,d schedules:%n", ++n, f.count(), r.runs()));
            out.append(f.report().indent(2));
            out.append("  replay: thr ").append(f.replay().options()).append(' ').append(shellWord(file)).append('\n');
            if (f.preemptions() < 0) {
                out.append("  how it happens: not told (the exploration was stopped)\n");
                continue;
            }
            out.append(String.format(Locale.ROOT, "  how it happens (%d %s):%n", f.preemptions(),
                    f.preemptions() == 1 ? "thread stopped where it could have gone on" : "threads stopped where they could have gone on"));
            for (String line : f.story()) out.append("    ").append(line).append('\n');
        }
        if (outcomes) {
            boolean declared = r.declared();
            out.append(String.format(Locale.ROOT, "%n%d distinct %s:%n", r.outcomes().size(),
                    declared ? (r.outcomes().size() == 1 ? "outcome" : "outcomes") : r.outcomes().size() == 1 ? "output" : "outputs"));
            for (Explorer.Outcome o : r.outcomes().stream().sorted((a, b) -> Integer.compare(b.count(), a.count())).toList()) {
                String which = o.failed() == 0 ? "" : o.failed() == o.count() ? "failed, " : String.format(Locale.ROOT, "%,d failed, ", o.failed());
                out.append(String.format(Locale.ROOT, "%,8d x  (%sfirst with %s)%n", o.count(), which, o.replay().options()));
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
