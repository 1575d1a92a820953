package dev.thr.insight;

import dev.thr.diag.Source;
import dev.thr.diag.Span;
import dev.thr.eval.Interpreter;
import dev.thr.runtime.CallStack;
import dev.thr.runtime.ThrThread;
import dev.thr.runtime.ThreadState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every thread of an engine is doing, in the program's terms: its state and for how long,
 * what it waits for and who holds that, and its thr stack. Ctrl-C, the REPL's :threads and
 * SIGUSR1 show it. Thousands of threads doing the same thing read as one group.
 */
public final class ThreadDump {
    private ThreadDump() {}

    /** One thread: `waits` and `holder` are null when it waits for nothing (or nothing held). */
    public record Row(String name, boolean daemon, String state, double seconds, String waits, String holder,
                      List<String> stack, String at) {
        /** What makes two threads "the same" for grouping: everything but their names and times. */
        String shape() { return daemon + state + waits + holder + stack; }
    }

    /** A row for each live thread, main threads first, then in the order they started. */
    public static List<Row> rows(Interpreter interpreter) {
        List<ThrThread> threads = interpreter.threads();
        Waits waits = new Waits(home(threads));
        long now = interpreter.scheduler().nanoTime();
        List<Row> out = new ArrayList<>();
        for (ThrThread t : threads) {
            Object on = t.blockedOn();
            ThreadState state = t.state();
            if (state == ThreadState.TERMINATED) continue;
            String what = on == null ? null : trimComma(waits.what(t, on, t.waitOp()));
            if (what != null && t.waitTimed()) what += " (with a timeout)";
            List<String> stack = new ArrayList<>();
            CallStack calls = t.calls();
            if (calls != null) {
                for (CallStack.Call c : calls.snapshot()) stack.add(frame(c));
            }
            Span at = t.site() instanceof Span s ? s : null;
            out.add(new Row(t.shownName(), t.daemon(), state.label(), Math.max(0, now - t.stateSince()) / 1e9,
                    what, on == null ? null : waits.holder(on), stack, at == null ? null : at.where()));
        }
        return out;
    }

    /** The text of a dump: a paragraph per thread, or per group of threads doing the same. */
    public static String render(List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) groups.computeIfAbsent(r.shape(), k -> new ArrayList<>()).add(r);
        StringBuilder out = new StringBuilder();
        for (List<Row> group : groups.values()) {
            if (group.size() >= GROUP_FROM) {
                paragraph(out, String.format("%s to %s, %,d threads", group.get(0).name(),
                        group.get(group.size() - 1).name(), group.size()), group.get(0), longest(group));
            } else {
                for (Row r : group) paragraph(out, r.name(), r, r.seconds());
            }
        }
        return out.toString();
    }

    /** Fewer threads than this that do the same are still listed one by one. */
    static final int GROUP_FROM = 4;

    private static void paragraph(StringBuilder out, String who, Row r, double seconds) {
        out.append(who).append(r.daemon() ? " (daemon)" : "").append(": ").append(r.state())
                .append(" for ").append(duration(seconds)).append('\n');
        if (r.waits() != null) out.append("  waits ").append(r.waits()).append('\n');
        if (r.holder() != null) out.append("    ").append(r.holder()).append('\n');
        for (String frame : r.stack()) out.append("  at ").append(frame).append('\n');
    }

    private static double longest(List<Row> group) {
        double max = 0;
        for (Row r : group) max = Math.max(max, r.seconds());
        return max;
    }

    static String duration(double seconds) {
        if (seconds < 60) return String.format(java.util.Locale.ROOT, "%.1f s", seconds);
        long s = Math.round(seconds);
        return s / 60 + " min " + s % 60 + " s";
    }

    /** Where a thread is (a stack, innermost call first) (`f (x.thr:4:3) \`sleep 5\``), or null when it has no place yet. */
    public static String place(List<CallStack.Call> stack) {
        if (stack == null) return null;
        for (CallStack.Call c : stack) if (c.at() != null) return frame(c);
        return null;
    }

    /** `worker (x.thr:4:3) \`sleep 5\``: as error traces name frames, with the line's text. */
    private static String frame(CallStack.Call c) {
        if (c.at() == null) return c.function();
        String text = c.at().source().line(c.at().line()).strip();
        return c.function() + " (" + c.at().where() + ")" + (text.isEmpty() ? "" : " `" + text + "`");
    }

    private static String trimComma(String s) {
        return s.endsWith(",") ? s.substring(0, s.length() - 1) : s;
    }

    /** Lines of the main program's source read as `line N`; others name their source. */
    private static Source home(List<ThrThread> threads) {
        for (ThrThread t : threads) {
            CallStack calls = t.calls();
            if (calls == null) continue;
            List<CallStack.Call> stack = calls.snapshot();
            for (int i = stack.size() - 1; i >= 0; i--) if (stack.get(i).at() != null) return stack.get(i).at().source();
        }
        return null;
    }
}
