package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.runtime.Access;
import dev.thr.value.Cancelled;
import dev.thr.value.ThrError;

/** `del x`, `del m[k]`, `del xs[i]`, `del xs[i:j]`. */
final class Deletes {
    private Deletes() {}

    /**
     * `del x`: the variable is unassigned again, so reading it is a NameError, as in Python.
     * Reading it first makes `del` of a variable that has no value the same NameError.
     */
    static final class Variable extends StmtNode {
        final ExprNode read; final VarNodes.Store store;
        /** What a story of a simulated run says it did (else null); the read before is its scheduling point. */
        final Access deletes;
        Variable(Span s, ExprNode read, VarNodes.Store store, Access deletes) {
            super(s); this.read = read; this.store = store; this.deletes = deletes;
        }
        @Override int exec(Frame f) {
            read.eval(f);
            // the removal is a write in the step of the read's point
            if (deletes != null) f.ctx.scheduler().shared(deletes.moduleVariable() ? deletes : dev.thr.runtime.Scheduler.HEAP);
            store.store(f, Unset.VALUE);
            if (deletes != null) f.ctx.observe(deletes, null);
            return NORMAL;
        }
    }

    static final class Item extends StmtNode {
        final ExprNode target, index;
        /** A scheduling point before the removal (simulated engines; see VarNodes.Point); null for none. */
        final Access point;
        Item(Span s, ExprNode target, ExprNode index, Access point) { super(s); this.target = target; this.index = index; this.point = point; }
        @Override int exec(Frame f) {
            Object t = target.eval(f), i = index.eval(f);
            if (point != null && f.ctx.checkpoint(point)) throw new Cancelled();
            try {
                Indexing.delete(t, i);
            } catch (ThrError e) {
                throw e.at(span);
            }
            if (point != null) f.ctx.observe(point, null);
            return NORMAL;
        }
    }

    static final class Slice extends StmtNode {
        final ExprNode target, lo, hi, step;
        final Access point;
        Slice(Span s, ExprNode target, ExprNode lo, ExprNode hi, ExprNode step, Access point) {
            super(s); this.target = target; this.lo = lo; this.hi = hi; this.step = step; this.point = point;
        }
        @Override int exec(Frame f) {
            Object t = target.eval(f);
            Object a = lo == null ? null : lo.eval(f), b = hi == null ? null : hi.eval(f), c = step == null ? null : step.eval(f);
            if (point != null && f.ctx.checkpoint(point)) throw new Cancelled();
            try {
                Indexing.deleteSlice(t, a, b, c);
            } catch (ThrError e) {
                throw e.at(span);
            }
            if (point != null) f.ctx.observe(point, null);
            return NORMAL;
        }
    }
}
