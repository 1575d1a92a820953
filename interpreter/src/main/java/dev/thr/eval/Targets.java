package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.runtime.Scheduler;
import dev.thr.value.ThrError;
import dev.thr.value.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Places a value can be stored: a variable, x[i], x.name, or several at once (`a, b = pair`). */
final class Targets {
    private Targets() {}

    interface Target {
        void assign(Frame f, Object value);
    }

    record Variable(VarNodes.Store store) implements Target {
        @Override public void assign(Frame f, Object value) { store.store(f, value); }
    }

    record Item(Span span, ExprNode target, ExprNode index) implements Target {
        @Override public void assign(Frame f, Object value) {
            Object t = target.eval(f), i = index.eval(f);
            f.ctx.scheduler().shared(Scheduler.HEAP); // the write is here, after the target's and index's own points
            try {
                Indexing.set(t, i, value);
            } catch (ThrError e) {
                throw e.at(span);
            } catch (OutOfMemoryError e) { // a map grown one key at a time
                throw OutOfMemory.error(f.ctx).at(span);
            }
        }
    }

    record Field(Span span, ExprNode target, String name) implements Target {
        @Override public void assign(Frame f, Object value) {
            Object t = target.eval(f);
            f.ctx.scheduler().shared(Scheduler.HEAP); // the write is here, after the target's own points
            try {
                f.ctx.interpreter.library.setMember(f.ctx, t, name, value);
            } catch (ThrError e) {
                throw e.at(span);
            }
        }
    }

    /** `a, b = [1, 2]`: the value must hold exactly as many items as there are targets. */
    record Unpack(Span span, Target[] parts) implements Target {
        @Override public void assign(Frame f, Object value) {
            Object[] items = items(value);
            for (int i = 0; i < parts.length; i++) parts[i].assign(f, items[i]);
        }

        /** The value's items, one a part, before any is assigned (compiled code assigns them itself). */
        Object[] items(Object value) {
            List<Object> items = new ArrayList<>(parts.length);
            try {
                Iterator<Object> it = Values.iterate(value);
                while (it.hasNext() && items.size() <= parts.length) items.add(it.next());
            } catch (ThrError e) {
                throw ThrError.type("cannot unpack " + Values.typeName(value) + " into " + parts.length + " names").at(span);
            }
            if (items.size() != parts.length) {
                throw ThrError.value("expected " + parts.length + " values to unpack, got "
                        + (items.size() > parts.length ? "more" : String.valueOf(items.size()))).at(span);
            }
            return items.toArray();
        }
    }
}
