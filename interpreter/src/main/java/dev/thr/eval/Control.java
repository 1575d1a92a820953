package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.runtime.Access;
import dev.thr.runtime.Lockable;
import dev.thr.value.Cancelled;
import dev.thr.value.ErrorValue;
import dev.thr.value.ThrError;
import dev.thr.value.Values;
import java.util.Iterator;

/** Statements that choose or repeat: if, while, for, try, with. */
final class Control {
    private Control() {}

    static final class If extends StmtNode {
        final ExprNode[] conditions; final StmtNode[] bodies; final StmtNode orElse;
        If(Span s, ExprNode[] conditions, StmtNode[] bodies, StmtNode orElse) {
            super(s); this.conditions = conditions; this.bodies = bodies; this.orElse = orElse;
        }
        @Override int exec(Frame f) {
            for (int i = 0; i < conditions.length; i++) {
                if (Values.truthy(conditions[i].eval(f))) return bodies[i].exec(f);
            }
            return orElse == null ? NORMAL : orElse.exec(f);
        }
    }

    static final class While extends StmtNode {
        final ExprNode condition; final StmtNode body;
        /** Compiles the loop once a run of it turns often (bytecode tiers only; else null). */
        final Hot hot;
        While(Span s, ExprNode condition, StmtNode body, Hot hot) { super(s); this.condition = condition; this.body = body; this.hot = hot; }
        @Override int exec(Frame f) {
            Bytecode.Compiled compiled = hot == null ? null : hot.compiled();
            if (compiled != null) return compiled.body().exec(f);
            int turns = 0;
            while (Values.truthy(condition.eval(f))) {
                int r = body.exec(f);
                if (r == BREAK) break;
                if (r == RETURN) return r;
                if (f.ctx.checkpoint()) throw f.ctx.stoppedIn(span);
                // hot and compiled: the compiled loop goes on from here, the condition of the next turn
                if (hot != null && (compiled = hot.turn(turns = Hot.count(turns), this, Hot.BLOCK)) != null) {
                    return compiled.body().exec(f);
                }
            }
            return NORMAL;
        }
    }

    static final class For extends StmtNode {
        final Targets.Target target; final ExprNode iterable; final StmtNode body;
        /** As While's. */
        final Hot hot;
        For(Span s, Targets.Target target, ExprNode iterable, StmtNode body, Hot hot) {
            super(s); this.target = target; this.iterable = iterable; this.body = body; this.hot = hot;
        }
        @Override int exec(Frame f) {
            Bytecode.Compiled compiled = hot == null ? null : hot.compiled();
            if (compiled != null) return compiled.body().exec(f);
            Iterator<Object> it = iterator(iterable.eval(f));
            int turns = 0;
            while (it.hasNext()) {
                target.assign(f, it.next());
                int r = body.exec(f);
                if (r == BREAK) break;
                if (r == RETURN) return r;
                if (f.ctx.checkpoint()) throw f.ctx.stoppedIn(span);
                // hot and compiled: the compiled loop goes on with the same iterator
                if (hot != null && (compiled = hot.turn(turns = Hot.count(turns), this, Hot.FOR)) != null) {
                    return compiled.resume(f, it);
                }
            }
            return NORMAL;
        }

        /** The loop's iterator over the iterable's value (an error points at the iterable). */
        Iterator<Object> iterator(Object source) {
            try {
                return Values.iterate(source);
            } catch (ThrError e) {
                throw e.at(iterable.span);
            }
        }
    }

    record Catch(String[] kinds, VarNodes.Store binding, StmtNode body) {
        boolean matches(ErrorValue e) {
            if (kinds.length == 0) return true;
            for (String k : kinds) {
                if (k.equals(e.kind()) || k.equals("Error") || k.equals("Exception")) return true;
            }
            return false;
        }
    }

    static final class Try extends StmtNode {
        final StmtNode body; final Catch[] catches; final StmtNode fin;
        Try(Span s, StmtNode body, Catch[] catches, StmtNode fin) { super(s); this.body = body; this.catches = catches; this.fin = fin; }
        @Override int exec(Frame f) {
            int r;
            try {
                r = runCatching(f);
            } catch (RuntimeException | Error e) {
                if (fin != null) {
                    // a bare raise in finally raises again the error on its way out, as in Python
                    ThrError outer = f.ctx.handling;
                    if (e instanceof ThrError propagating) f.ctx.handling = propagating;
                    int fr;
                    try {
                        fr = fin.exec(f);
                    } finally {
                        f.ctx.handling = outer;
                    }
                    if (fr != NORMAL) return fr; // a return or break in finally wins, as in Python
                }
                throw e;
            }
            if (fin != null) {
                int fr = fin.exec(f);
                if (fr != NORMAL) return fr;
            }
            return r;
        }

        private int runCatching(Frame f) {
            ThrError e;
            try {
                return body.exec(f);
            } catch (ThrError caught) {
                e = caught;
            } catch (OutOfMemoryError caught) {
                e = OutOfMemory.placed(f.ctx);
            } catch (StackOverflowError caught) {
                // deep in a structure that holds itself (a set of lists of it, hashed): catchable, as Python's RecursionError
                e = Calls.tooDeep();
                if (f.ctx.thread.site() instanceof Span at) e.at(at);
            }
            ErrorValue error = e.error();
            for (Catch c : catches) {
                if (c.matches(error)) {
                    if (c.binding() != null) c.binding().store(f, error);
                    ThrError outer = f.ctx.handling;
                    f.ctx.handling = e; // for a bare raise: the error as thrown, with its place
                    try {
                        return c.body().exec(f);
                    } finally {
                        f.ctx.handling = outer;
                        // a caught MemoryError used the memory set aside; the catch block may have let go of more
                        if (error.kind().equals("MemoryError")) f.ctx.interpreter.keepReserve();
                    }
                }
            }
            throw e;
        }
    }

    static final class With extends StmtNode {
        final ExprNode subject; final StmtNode body;
        /** Simulated engines only (else null): a point before taking the lock, and what a story of the run says. */
        final Access takes, releases;
        With(Span s, ExprNode subject, StmtNode body, Access takes, Access releases) {
            super(s); this.subject = subject; this.body = body; this.takes = takes; this.releases = releases;
        }
        @Override int exec(Frame f) {
            Object v = subject.eval(f);
            if (!(v instanceof Lockable lock)) {
                throw ThrError.type("with needs a lock, rlock, semaphore or condition, not " + Values.typeName(v)).at(subject.span);
            }
            f.ctx.thread.at(span);
            if (takes != null && f.ctx.checkpoint(takes)) throw new Cancelled();
            try {
                lock.acquireScoped(f.ctx.thread, -1);
            } catch (InterruptedException e) {
                throw new Cancelled();
            }
            if (takes != null) f.ctx.observe(takes, null);
            try {
                return body.exec(f);
            } finally {
                lock.release(f.ctx.thread);
                if (releases != null) f.ctx.observe(releases, null);
            }
        }
    }
}
