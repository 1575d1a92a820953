package dev.thr.repl;

import dev.thr.api.ThrEngine;
import dev.thr.api.ThrException;
import dev.thr.diag.Source;
import dev.thr.diag.Span;
import dev.thr.value.ErrorValue;
import dev.thr.value.ThrError;
import java.util.List;
import java.util.Map;

/**
 * `_` and `_err`, as Python's `_`: the last value the session echoed, and the last error a
 * snippet ended with (the value `catch e` would have bound). Python keeps `_` apart from the
 * user's names; thr has one namespace, so the rule is: once a name holds something the
 * session did not put there, it is the user's, and the session leaves it alone until :reset.
 */
final class LastResults {
    static final String VALUE = "_";
    static final String ERROR = "_err";

    private final Slot value = new Slot(VALUE);
    private final Slot error = new Slot(ERROR);

    void echoed(ThrEngine engine, Object v) {
        value.put(engine, v);
    }

    void failed(ThrEngine engine, ThrException e) {
        error.put(engine, errorValue(e));
    }

    /** A fresh engine: both names are the session's again. */
    void reset() {
        value.forget();
        error.forget();
    }

    /** One name the session fills in, unless the user took it over. */
    private static final class Slot {
        private final String name;
        /** What the engine gave back right after the session stored a value; NONE before that. */
        private Object stored = NONE;
        private boolean users;

        Slot(String name) {
            this.name = name;
        }

        void put(ThrEngine engine, Object v) {
            if (users) return;
            boolean assigned = engine.globalNames().contains(name);
            if (assigned && (stored == NONE || !same(engine.global(name), stored))) {
                users = true;
                return;
            }
            engine.global(name, v);
            stored = engine.global(name);
        }

        void forget() {
            stored = NONE;
            users = false;
        }

        /**
         * Whether the name still holds what the session stored. The engine hands lists and
         * maps out as fresh copies, so those compare by contents; everything else by identity.
         */
        private static boolean same(Object now, Object stored) {
            if (now instanceof List<?> || now instanceof Map<?, ?>) return now.equals(stored);
            return now == stored;
        }
    }

    private static final Object NONE = new Object();

    /**
     * The error as a thr value: kind, message, thread and trace as a `catch e` in the snippet
     * would have seen them. The engine reports the trace as text ("f (<input 1>:1:12)"), so
     * its frames are rebuilt from that.
     */
    static ErrorValue errorValue(ThrException e) {
        ErrorValue error = new ErrorValue(e.kind(), e.detail());
        error.thread(MAIN_THREAD); // a snippet runs as the session's main program
        ThrError carrier = new ThrError(error);
        for (String frame : e.trace()) {
            int open = frame.indexOf(" (");
            int lineColon = frame.lastIndexOf(':', frame.lastIndexOf(':') - 1);
            if (open < 0 || !frame.endsWith(")") || lineColon <= open) continue;
            String[] place = frame.substring(lineColon + 1, frame.length() - 1).split(":");
            try {
                Span at = new Span(new Source(frame.substring(open + 2, lineColon), ""),
                        Integer.parseInt(place[0]), Integer.parseInt(place[1]), 0);
                carrier.at(at).leaving(frame.substring(0, open));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException bad) {
                // a frame not in the engine's usual form is left out rather than shown wrong
            }
        }
        return error;
    }

    private static final String MAIN_THREAD = "MainThread";
}
