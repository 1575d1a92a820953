package dev.thr.insight;

import dev.thr.diag.Source;
import dev.thr.diag.Span;
import dev.thr.eval.Interpreter;
import dev.thr.eval.Run;
import dev.thr.runtime.ThrLock;
import dev.thr.runtime.ThrRLock;
import dev.thr.runtime.ThreadState;
import dev.thr.runtime.ThrThread;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds threads that can never go on, from what the runtime records about each wait:
 * <ul>
 * <li>a cycle of threads each waiting for the next (a lock or rlock it holds, or its end),
 *     whatever the other threads do;
 * <li>every live thread waiting without a timeout, with nobody left to wake any of them:
 *     while a main program runs, or while a host waits for the threads to end.
 * </ul>
 * One look is a snapshot taken while threads move, so a finding is only a suspect: it is
 * reported when a later look finds the same threads still in the same waits (none woke in
 * between: their wait counts are unchanged) and what they wait on still holds them.
 */
final class Deadlocks {
    private Deadlocks() {}

    /** One stuck thread as a look saw it. */
    record Stuck(ThrThread thread, int count, Object on, String op) {}

    /**
     * Threads that look stuck: in a cycle (in order: each waits for the next), or all of them;
     * and the runs to stop for it (none for a cycle of daemon threads, which is only reported:
     * daemons end with their program anyway).
     */
    record Finding(boolean cycle, List<Stuck> threads, Set<Run> stop) {
        boolean sameAs(Finding other) {
            return other != null && cycle == other.cycle && threads.equals(other.threads);
        }
    }

    /** One look at every thread of the interpreter; null when nothing looks stuck. */
    static Finding look(Interpreter interpreter) {
        Map<ThrThread, Run> runOf = new HashMap<>();
        // in the threads' own order, so that the same state gives the same finding every time
        Map<ThrThread, Stuck> waiting = new java.util.TreeMap<>(ORDER);
        List<ThrThread> live = new ArrayList<>();
        boolean mainLive = false;
        boolean nonDaemon = false;
        for (Run r : interpreter.runs()) {
            for (ThrThread t : r.threads()) {
                int count = t.waitCount(); // first: a wait that starts later changes it
                if (!t.alive()) continue;
                live.add(t);
                runOf.put(t, r);
                mainLive |= t.isMain();
                nonDaemon |= !t.daemon();
                ThreadState state = t.state();
                Object on = t.blockedOn();
                if ((state == ThreadState.BLOCKED || state == ThreadState.WAITING) && on != null && !t.waitTimed()) {
                    waiting.put(t, new Stuck(t, count, on, t.waitOp()));
                }
            }
        }
        List<Stuck> cycle = cycle(waiting);
        if (cycle != null) {
            Set<Run> runs = new LinkedHashSet<>();
            boolean daemons = true;
            for (Stuck s : cycle) {
                runs.add(runOf.get(s.thread()));
                daemons &= s.thread().daemon();
            }
            return new Finding(true, cycle, daemons ? Set.of() : runs);
        }
        boolean nobodyLeft = !live.isEmpty() && waiting.size() == live.size() && nonDaemon
                && (mainLive || interpreter.hostWaiting());
        if (!nobodyLeft) return null;
        live.sort(ORDER);
        List<Stuck> all = new ArrayList<>();
        for (ThrThread t : live) all.add(waiting.get(t));
        // what someone waits for is stopped; threads an earlier run left waiting (a REPL's) may
        // still be woken by a later one, so they go on waiting
        Set<Run> watched = new LinkedHashSet<>();
        for (Run r : runOf.values()) if (r.watched()) watched.add(r);
        return new Finding(false, all, watched);
    }

    /**
     * Main threads first, then in the order threads were made. (One plain lambda: the
     * Comparator.comparing chain makes serializable ones, which no AOT cache keeps, so the
     * first look made classes, and in a full heap failed to.)
     */
    private static final java.util.Comparator<ThrThread> ORDER = (a, b) -> a.isMain() != b.isMain()
            ? (a.isMain() ? -1 : 1) : Long.compare(made(a), made(b));

    private static long made(ThrThread t) {
        Long ident = t.ident();
        return ident == null ? Long.MAX_VALUE : ident;
    }

    /** Nothing: calling it readies this class while there is memory to spare (DeadlockWatch). */
    static void ready() {}

    /** Each waiting thread waits for at most one other, so following those edges finds any cycle. */
    private static List<Stuck> cycle(Map<ThrThread, Stuck> waiting) {
        Set<ThrThread> done = new java.util.HashSet<>();
        for (ThrThread start : waiting.keySet()) {
            Map<ThrThread, Integer> path = new java.util.LinkedHashMap<>(); // thread -> its place on the path
            ThrThread t = start;
            while (t != null && !done.contains(t) && !path.containsKey(t)) {
                path.put(t, path.size());
                Stuck s = waiting.get(t);
                t = s == null ? null : waitsFor(s);
            }
            if (t != null && path.containsKey(t)) {
                List<ThrThread> order = new ArrayList<>(path.keySet());
                List<Stuck> out = new ArrayList<>();
                for (ThrThread c : order.subList(path.get(t), order.size())) out.add(waiting.get(c));
                // the same cycle reads the same from every look: it starts at its oldest thread
                int oldest = 0;
                for (int i = 1; i < out.size(); i++) if (ORDER.compare(out.get(i).thread(), out.get(oldest).thread()) < 0) oldest = i;
                java.util.Collections.rotate(out, -oldest);
                return out;
            }
            done.addAll(path.keySet());
        }
        return null;
    }

    /**
     * The one thread whose progress this wait needs, if there is one: the owner of an rlock,
     * the thread being joined, or the holder of a lock a `with` block took (any thread may
     * release a lock taken by acquire(), so that one is nobody's in particular).
     */
    private static ThrThread waitsFor(Stuck s) {
        Object on = s.on();
        ThrThread other = on instanceof ThrLock l ? l.owner()
                : on instanceof ThrRLock r ? (r.owner() == s.thread() ? null : r.owner())
                : on instanceof ThrThread j ? j : null;
        return other != null && other.alive() ? other : null;
    }

    /** Whether every thread of the finding is still held where the look saw it. */
    static boolean stillStuck(Finding f) {
        for (Stuck s : f.threads()) {
            if (s.thread().waitCount() != s.count() || !s.thread().alive()) return false;
            Object on = s.on();
            boolean held = on instanceof ThrThread j ? j.alive()
                    : on instanceof dev.thr.runtime.Waitable w && w.stillBlocks(s.thread(), s.op());
            if (!held) return false;
        }
        if (f.cycle()) {
            // the same edges: each still waits for the next
            List<Stuck> c = f.threads();
            for (int i = 0; i < c.size(); i++) {
                if (waitsFor(c.get(i)) != c.get((i + 1) % c.size()).thread()) return false;
            }
        }
        return true;
    }

    /** The report, in the program's terms; the first line says what happened. */
    static String report(Finding f) {
        List<Stuck> threads = f.threads();
        Span first = threads.get(0).thread().site() instanceof Span s ? s : null;
        Source home = first == null ? null : first.source();
        Waits waits = new Waits(home);
        StringBuilder out = new StringBuilder("deadlock");
        if (home != null) out.append(" in ").append(home.name());
        out.append(": ").append(headline(f)).append('\n');
        // threads that wait for the same thing at the same place: one line for many of them,
        // where the first of them would be; the others in their order, as ever
        List<String> waitOf = new ArrayList<>();
        Map<String, List<ThrThread>> alike = new HashMap<>();
        for (Stuck s : threads) {
            ThrThread t = s.thread();
            String wait = waits.what(t, s.on(), s.op()) + " at " + waits.whereWithText(t.site() instanceof Span sp ? sp : null) + '\n';
            String holder = waits.holder(s.on());
            if (holder != null) wait += "      " + holder + '\n';
            waitOf.add(wait);
            alike.computeIfAbsent(wait, k -> new ArrayList<>()).add(t);
        }
        for (int i = 0; i < threads.size(); i++) {
            ThrThread t = threads.get(i).thread();
            String wait = waitOf.get(i);
            List<ThrThread> who = alike.get(wait);
            if (who.size() < ThreadDump.GROUP_FROM) {
                out.append("  ").append(t.shownName()).append(" waits ").append(wait);
            } else if (who.get(0) == t) {
                // as a thread dump groups them: 10,000 workers stuck on one event are one line
                out.append(String.format(java.util.Locale.ROOT, "  %s to %s, %,d threads, wait ", t.shownName(),
                        who.get(who.size() - 1).shownName(), who.size())).append(wait);
            }
        }
        return out.toString();
    }

    private static String headline(Finding f) {
        List<Stuck> c = f.threads();
        if (!f.cycle()) {
            return c.size() == 1 ? c.get(0).thread().shownName() + " waits, and no other thread is left to wake it."
                    : "every thread waits, and none is left to wake the others.";
        }
        if (c.size() == 1) {
            return c.get(0).thread().shownName() + " waits for a lock it holds itself (a lock is taken once; an rlock can be taken again by its holder).";
        }
        List<String> names = c.stream().map(s -> s.thread().shownName()).toList();
        if (names.size() == 2) return names.get(0) + " and " + names.get(1) + " wait for each other: neither can go on.";
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)
                + " wait for each other in a circle: none of them can go on.";
    }
}
