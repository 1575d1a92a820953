package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.runtime.ThrThread;
import dev.thr.value.Cancelled;
import dev.thr.value.Formatting;
import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.ThrMap;
import dev.thr.value.ThrSet;
import dev.thr.value.Values;
import java.util.Iterator;

/** Expression nodes other than variables, operators and calls. */
final class Exprs {
    private Exprs() {}

    static final class Const extends ExprNode {
        final Object value;
        Const(Span s, Object value) { super(s); this.value = value; }
        @Override Object eval(Frame f) { return value; }
    }

    /** An interpolated string: literal pieces and holes, each hole formatted by its spec. */
    static final class Interpolation extends ExprNode {
        final Object[] parts; // String or Hole
        record Hole(ExprNode expr, String spec) {}
        Interpolation(Span s, Object[] parts) { super(s); this.parts = parts; }
        @Override Object eval(Frame f) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] instanceof String text) out.append(text);
                else append(f.ctx, out, i, ((Hole) parts[i]).expr.eval(f));
            }
            return out.toString();
        }

        /** The value of the hole parts[i], formatted by its spec, onto out. */
        void append(ThreadContext ctx, StringBuilder out, int i, Object v) {
            Hole h = (Hole) parts[i];
            try {
                out.append(h.spec == null ? Values.str(v, ctx.thread) : Formatting.format(v, h.spec, x -> Values.str(x, ctx.thread)));
            } catch (IllegalArgumentException e) {
                throw ThrError.value(e.getMessage()).at(h.expr.span);
            } catch (ThrError e) {
                throw e.at(h.expr.span); // an integer too long to show
            }
        }
    }

    /**
     * `a = lock()`: names what the call made after the variable, so reports can say `lock a`;
     * for `forks = [lock() for i in range(5)]`, each item is `forks[i]`. Compiled only where a
     * call or a list is assigned to a name, so other assignments pay nothing.
     */
    static final class Naming extends ExprNode {
        final ExprNode value; final String name; final boolean items;
        Naming(ExprNode value, String name, boolean items) { super(value.span); this.value = value; this.name = name; this.items = items; }
        @Override Object eval(Frame f) {
            return name(f.ctx, value.eval(f));
        }
        /** Names v, the value just made, and gives it back. */
        Object name(ThreadContext ctx, Object v) {
            if (v instanceof dev.thr.runtime.Named n) {
                ctx.scheduler().shared(dev.thr.runtime.Scheduler.THREADS); // the first name given wins
                n.suggestName(name);
            } else if (items && v instanceof ThrList list) {
                int i = 0;
                for (Object item : list.snapshot()) {
                    if (item instanceof dev.thr.runtime.Named n) {
                        ctx.scheduler().shared(dev.thr.runtime.Scheduler.THREADS);
                        n.suggestName(name + "[" + i + "]");
                    }
                    i++;
                }
            }
            return v;
        }
    }

    static final class ListLit extends ExprNode {
        final ExprNode[] elements;
        ListLit(Span s, ExprNode[] elements) { super(s); this.elements = elements; }
        @Override Object eval(Frame f) {
            ThrList out = new ThrList();
            for (ExprNode e : elements) out.add(e.eval(f));
            return out;
        }
    }

    static final class MapLit extends ExprNode {
        final ExprNode[] keys, values;
        MapLit(Span s, ExprNode[] keys, ExprNode[] values) { super(s); this.keys = keys; this.values = values; }
        @Override Object eval(Frame f) {
            ThrMap out = new ThrMap();
            for (int i = 0; i < keys.length; i++) out.put(keys[i].eval(f), values[i].eval(f));
            return out;
        }
    }

    static final class SetLit extends ExprNode {
        final ExprNode[] elements;
        SetLit(Span s, ExprNode[] elements) { super(s); this.elements = elements; }
        @Override Object eval(Frame f) {
            ThrSet out = new ThrSet();
            for (ExprNode e : elements) out.add(e.eval(f));
            return out;
        }
    }

    /** `[x for ...]`, `{x for ...}` (a set) and `{k: v for ...}` (a map; key is not null then). */
    static final class ListComp extends ExprNode {
        record Clause(Targets.Target target, ExprNode iterable, ExprNode[] filters) {}
        final ExprNode key, element;
        final boolean set;
        final Clause[] clauses;
        ListComp(Span s, boolean set, ExprNode key, ExprNode element, Clause[] clauses) {
            super(s); this.set = set; this.key = key; this.element = element; this.clauses = clauses;
        }
        @Override Object eval(Frame f) {
            Object out = key != null ? new ThrMap() : set ? new ThrSet() : new ThrList();
            fill(f, 0, out);
            return out;
        }

        /** Clause i loops, and inside it clause i + 1, and so on; the innermost adds an element. */
        private void fill(Frame f, int i, Object out) {
            if (i == clauses.length) {
                if (out instanceof ThrList l) l.add(element.eval(f));
                else if (out instanceof ThrSet z) z.add(element.eval(f));
                else {
                    Object k = key.eval(f); // Python evaluates the key first
                    ((ThrMap) out).put(k, element.eval(f));
                }
                return;
            }
            Clause c = clauses[i];
            Object source = c.iterable.eval(f);
            Iterator<Object> it;
            try {
                it = Values.iterate(source);
            } catch (ThrError e) {
                throw e.at(c.iterable.span); // as a for loop's: the error points at the iterable
            }
            ThrThread me = f.ctx.thread;
            next:
            while (it.hasNext()) {
                // not a checkpoint (no scheduling point): only a run being stopped ends it
                if (me.stopped()) throw new Cancelled();
                c.target.assign(f, it.next());
                for (ExprNode filter : c.filters) if (!Values.truthy(filter.eval(f))) continue next;
                fill(f, i + 1, out);
            }
        }
    }

    /** `fn (...) { }`: makes a closure over the current frame; defaults are evaluated now, as in Python. */
    static final class MakeFunction extends ExprNode {
        final FunctionCode code;
        MakeFunction(Span s, FunctionCode code) { super(s); this.code = code; }
        @Override Object eval(Frame f) {
            Object[] defaults = new Object[code.params.length];
            for (int i = 0; i < defaults.length; i++) {
                defaults[i] = code.defaults[i] == null ? Unset.VALUE : code.defaults[i].eval(f);
            }
            return new Function(code, f, defaults);
        }
    }

    static final class Index extends ExprNode {
        final ExprNode target, index;
        Index(Span s, ExprNode target, ExprNode index) { super(s); this.target = target; this.index = index; }
        @Override Object eval(Frame f) {
            Object t = target.eval(f);
            return combine(t, index.eval(f));
        }
        Object combine(Object t, Object i) {
            try {
                return Indexing.get(t, i);
            } catch (ThrError e) {
                throw e.at(span);
            }
        }
    }

    static final class Slice extends ExprNode {
        final ExprNode target, lo, hi, step;
        Slice(Span s, ExprNode target, ExprNode lo, ExprNode hi, ExprNode step) {
            super(s); this.target = target; this.lo = lo; this.hi = hi; this.step = step;
        }
        @Override Object eval(Frame f) {
            Object t = target.eval(f);
            Object a = lo == null ? null : lo.eval(f), b = hi == null ? null : hi.eval(f), c = step == null ? null : step.eval(f);
            try {
                return Indexing.slice(t, a, b, c, f.ctx.thread);
            } catch (ThrError e) {
                throw e.at(span);
            }
        }
    }

    static final class Member extends ExprNode {
        final ExprNode target; final String name;
        /** The library's attribute for the first class of target read here (see Calls.MethodCall). */
        private Cached cached;
        private record Cached(Class<?> type, Library.Attribute attribute) {}
        Member(Span s, ExprNode target, String name) { super(s); this.target = target; this.name = name; }
        @Override Object eval(Frame f) {
            return combine(f.ctx, target.eval(f));
        }
        Object combine(ThreadContext ctx, Object t) {
            try {
                Cached c = cached;
                if (c != null && t != null && t.getClass() == c.type) return c.attribute.get(ctx, t);
                return lookUp(ctx, t);
            } catch (ThrError e) {
                throw e.at(span);
            }
        }
        private Object lookUp(ThreadContext ctx, Object t) {
            Library library = ctx.interpreter.library;
            Library.Attribute a = t == null ? null : library.attribute(t.getClass(), name);
            if (a == null) return library.member(ctx, t, name);
            if (cached == null) cached = new Cached(t.getClass(), a);
            return a.get(ctx, t);
        }
    }

    static final class Conditional extends ExprNode {
        final ExprNode cond, then, orElse;
        Conditional(Span s, ExprNode cond, ExprNode then, ExprNode orElse) { super(s); this.cond = cond; this.then = then; this.orElse = orElse; }
        @Override Object eval(Frame f) { return Values.truthy(cond.eval(f)) ? then.eval(f) : orElse.eval(f); }
    }
}
