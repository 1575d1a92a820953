package dev.thr.insight;

import dev.thr.diag.Source;
import dev.thr.diag.Span;
import dev.thr.runtime.Named;
import dev.thr.runtime.ThrBarrier;
import dev.thr.runtime.ThrCondition;
import dev.thr.runtime.ThrEvent;
import dev.thr.runtime.ThrLock;
import dev.thr.runtime.ThrQueue;
import dev.thr.runtime.ThrRLock;
import dev.thr.runtime.ThrSemaphore;
import dev.thr.runtime.ThrThread;

/**
 * What a waiting thread waits for, in the program's own terms: `waits for lock b (line 2)`,
 * `waits to get from queue q (line 1), which is empty`, and who holds a lock. Shared by
 * deadlock reports and thread dumps, so both say it the same way.
 */
final class Waits {
    /** Lines in this source are just `line N`; others also name their source. */
    private final Source home;

    Waits(Source home) { this.home = home; }

    String where(Span s) {
        if (s == null) return "an unknown line";
        return s.source() == home || s.source().name().equals(home == null ? null : home.name())
                ? "line " + s.line() : s.source().name() + ":" + s.line();
    }

    /** `line 6: \`with b {\``, the line's text shown as it is in the source. */
    String whereWithText(Span s) {
        if (s == null) return "an unknown line";
        String text = s.source().line(s.line()).strip();
        return where(s) + (text.isEmpty() ? "" : ": `" + text + "`");
    }

    String name(Object o) {
        if (o instanceof Named n) return n.describe(this::where);
        if (o instanceof ThrThread t) return t.shownName();
        return String.valueOf(o);
    }

    /** The middle of `Thread-1 waits ... at line 6`: what it waits for. */
    String what(ThrThread t, Object on, String op) {
        if (on instanceof ThrThread j) return "to join " + j.shownName();
        if (on instanceof ThrQueue q && "get".equals(op)) return "to get from " + name(q) + ", which is empty,";
        if (on instanceof ThrQueue q && "put".equals(op)) return "to put into " + name(q) + ", which is full (" + q.length() + " of " + q.maxsize() + "),";
        if (on instanceof ThrQueue q) return "for every item of " + name(q) + " to be marked done (" + q.unfinished() + " not done)";
        if (on instanceof ThrCondition c) return "for " + name(c) + " to be notified";
        if (on instanceof ThrEvent e) return "for " + name(e) + " to be set";
        if (on instanceof ThrBarrier b) return "at " + name(b) + ", where " + b.nWaiting() + " of " + b.parties() + " have arrived,";
        if (on instanceof ThrSemaphore s) return "for " + name(s) + ", which has no permits left,";
        if (on == null) return "";
        return "for " + name(on);
    }

    /** Who holds a lock or rlock, and since where; null for what nobody holds. */
    String holder(Object on) {
        ThrThread h;
        Span since;
        String levels = "";
        if (on instanceof ThrLock l) {
            h = l.holder();
            since = l.heldSince();
        } else if (on instanceof ThrRLock r) {
            h = r.owner();
            since = r.ownedSince();
            int n = r.count();
            if (n > 1) levels = " (taken " + n + " times over)";
        } else {
            return null;
        }
        if (h == null) return null;
        if (!h.alive()) return "held by " + h.shownName() + ", which ended without releasing it (it took it at " + whereWithText(since) + ")";
        return "held by " + h.shownName() + " since " + whereWithText(since) + levels;
    }
}
