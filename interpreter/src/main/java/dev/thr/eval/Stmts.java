package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.runtime.Access;
import dev.thr.runtime.ThrThread;
import dev.thr.value.Cancelled;
import dev.thr.value.ErrorValue;
import dev.thr.value.ThrError;
import dev.thr.value.Values;

/** Simple statements: expressions, assignment, print, sleep, join, raise, assert, return. */
final class Stmts {
    private Stmts() {}

    static final class Block extends StmtNode {
        final StmtNode[] body;
        Block(Span s, StmtNode[] body) { super(s); this.body = body; }
        @Override int exec(Frame f) {
            for (StmtNode s : body) {
                int r = s.exec(f);
                if (r != NORMAL) return r;
            }
            return NORMAL;
        }
    }

    static final class Eval extends StmtNode {
        final ExprNode expr;
        Eval(Span s, ExprNode expr) { super(s); this.expr = expr; }
        @Override int exec(Frame f) {
            expr.eval(f);
            return NORMAL;
        }
    }

    /** The last expression of a program whose value is kept (REPL, host eval). */
    static final class Result extends StmtNode {
        final ExprNode expr;
        Result(Span s, ExprNode expr) { super(s); this.expr = expr; }
        @Override int exec(Frame f) {
            f.returned = expr.eval(f);
            return NORMAL;
        }
    }

    static final class Assign extends StmtNode {
        final Targets.Target target; final ExprNode value;
        Assign(Span s, Targets.Target target, ExprNode value) { super(s); this.target = target; this.value = value; }
        @Override int exec(Frame f) {
            target.assign(f, value.eval(f));
            return NORMAL;
        }
    }

    /** `x op= v` for a variable: read, combine, write (not atomic: another thread may write between). */
    static final class AugVariable extends StmtNode {
        final ExprNode read; final VarNodes.Store store; final Ops.Binary op; final ExprNode value;
        AugVariable(Span s, ExprNode read, VarNodes.Store store, Ops.Binary op, ExprNode value) {
            super(s); this.read = read; this.store = store; this.op = op; this.value = value;
        }
        @Override int exec(Frame f) {
            Object current = read.eval(f);
            Object v = value.eval(f);
            try {
                store.store(f, op.combine(f.ctx, current, v));
            } catch (ThrError e) {
                throw e.at(span);
            }
            return NORMAL;
        }
    }

    /** `x[i] op= v`: x and i are evaluated once. */
    static final class AugItem extends StmtNode {
        final ExprNode target, index, value; final Ops.Binary op;
        /** A scheduling point between the read and the write (simulated engines; see VarNodes.Point); null for none. */
        final Access point;
        AugItem(Span s, ExprNode target, ExprNode index, Ops.Binary op, ExprNode value, Access point) {
            super(s); this.target = target; this.index = index; this.op = op; this.value = value; this.point = point;
        }
        @Override int exec(Frame f) {
            Object t = target.eval(f), i = index.eval(f);
            try {
                Object current = Indexing.get(t, i);
                if (point != null && f.ctx.checkpoint(point)) throw f.ctx.stoppedIn(span);
                Object result = op.apply(f.ctx, current, value.eval(f));
                if (point != null) f.ctx.scheduler().shared(dev.thr.runtime.Scheduler.HEAP); // after value's own points
                Indexing.set(t, i, result);
                if (point != null) f.ctx.observe(point, result);
            } catch (ThrError e) {
                throw e.at(span);
            } catch (OutOfMemoryError e) {
                throw OutOfMemory.error(f.ctx).at(span);
            }
            return NORMAL;
        }
    }

    /** `x.name op= v`. */
    static final class AugField extends StmtNode {
        final ExprNode target, value; final String name; final Ops.Binary op;
        final Access point;
        AugField(Span s, ExprNode target, String name, Ops.Binary op, ExprNode value, Access point) {
            super(s); this.target = target; this.name = name; this.op = op; this.value = value; this.point = point;
        }
        @Override int exec(Frame f) {
            Object t = target.eval(f);
            Library lib = f.ctx.interpreter.library;
            try {
                Object current = lib.member(f.ctx, t, name);
                if (point != null && f.ctx.checkpoint(point)) throw f.ctx.stoppedIn(span);
                Object result = op.apply(f.ctx, current, value.eval(f));
                if (point != null) f.ctx.scheduler().shared(dev.thr.runtime.Scheduler.HEAP); // after value's own points
                lib.setMember(f.ctx, t, name, result);
                if (point != null) f.ctx.observe(point, result);
            } catch (ThrError e) {
                throw e.at(span);
            }
            return NORMAL;
        }
    }

    static final class Print extends StmtNode {
        final ExprNode[] args; final ExprNode sep, end;
        /** `print(*xs)`: how to spread them (args unused then); else null. */
        final Spread spread;
        /** For a simulated engine: output is shared, so a print is a visible point (else null). */
        final Access prints;
        Print(Span s, ExprNode[] args, Spread spread, ExprNode sep, ExprNode end, Access prints) {
            super(s); this.args = args; this.spread = spread; this.sep = sep; this.end = end; this.prints = prints;
        }
        @Override int exec(Frame f) {
            // every argument is evaluated before any is turned into text, as in Python
            Object[] values = spread == null ? Calls.evalArgs(args, f) : spread.eval(f, "print()").values();
            write(f.ctx, values, f);
            return NORMAL;
        }

        /**
         * The print, its arguments evaluated; sep= and end= are evaluated on f in their turn
         * (f may be null where there are neither: the bytecode tier's frameless bodies).
         */
        void write(ThreadContext ctx, Object[] values, Frame f) {
            // a thread being stopped says nothing more
            if (prints != null ? ctx.checkpoint(prints) : ctx.checkpoint()) throw ctx.stoppedIn(span);
            String separator = text(sep, " ", "sep", f);
            StringBuilder line = new StringBuilder();
            try {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) line.append(separator);
                    line.append(Values.str(values[i], ctx.thread)); // a ValueError for an integer too long to show
                }
                line.append(text(end, "\n", "end", f));
                ctx.interpreter.print(ctx, line.toString());
            } catch (ThrError e) {
                throw e.at(span);
            } catch (StackOverflowError e) { // a list nested thousands deep, shown
                throw Calls.tooDeep().at(span);
            }
            if (prints != null) ctx.observe(prints, line.toString());
        }
    }

    /** Python's rule for sep= and end=: a string, or nil for the default. */
    private static String text(ExprNode arg, String fallback, String what, Frame f) {
        if (arg == null) return fallback;
        Object v = arg.eval(f);
        if (v == null) return fallback;
        if (v instanceof String s) return s;
        throw ThrError.type(what + " must be a string or nil, not " + Values.typeName(v)).at(arg.span);
    }

    static final class Sleep extends StmtNode {
        final ExprNode seconds;
        Sleep(Span s, ExprNode seconds) { super(s); this.seconds = seconds; }
        @Override int exec(Frame f) {
            sleep(f.ctx, seconds.eval(f));
            return NORMAL;
        }

        /** The sleep, its length evaluated. */
        void sleep(ThreadContext ctx, Object length) {
            long nanos = Blocking.nanos(length, "sleep", span);
            ctx.thread.at(span);
            if (nanos < 0) throw ThrError.value("sleep needs a length of 0 or more seconds").at(span);
            ThrThread self = ctx.thread;
            var scheduler = ctx.interpreter.scheduler;
            self.waiting(dev.thr.runtime.ThreadState.SLEEPING, null, "sleep", true, scheduler.nanoTime());
            try {
                if (self.stopped()) throw new InterruptedException();
                scheduler.sleep(nanos);
            } catch (InterruptedException e) {
                throw new Cancelled();
            } finally {
                self.resumed(scheduler.nanoTime());
            }
        }
    }

    static final class Join extends StmtNode {
        final ExprNode[] threads;
        /** One a thread, for a simulated engine's story (else null). */
        final Access[] joins;
        Join(Span s, ExprNode[] threads, Access[] joins) { super(s); this.threads = threads; this.joins = joins; }
        @Override int exec(Frame f) {
            for (int i = 0; i < threads.length; i++) {
                ExprNode e = threads[i];
                Object t = e.eval(f);
                f.ctx.thread.at(span);
                if (joins != null && f.ctx.checkpoint(joins[i])) throw f.ctx.stoppedIn(span);
                try {
                    Blocking.join(f.ctx, t, -1);
                } catch (ThrError err) {
                    throw err.at(e.span);
                }
                if (joins != null) f.ctx.observe(joins[i], t);
            }
            return NORMAL;
        }
    }

    static final class Raise extends StmtNode {
        final ExprNode value;
        Raise(Span s, ExprNode value) { super(s); this.value = value; }
        @Override int exec(Frame f) {
            if (value == null) {
                // a bare raise: the error a catch block (this one, or one that called this function) handles
                ThrError handled = f.ctx.handling;
                if (handled == null) throw ThrError.runtime("raise without a value raises again the error a catch block handles, and none is being handled").at(span);
                throw handled.at(span); // keeps the place it was first raised at, if it has one
            }
            Object v = value.eval(f);
            if (v instanceof ErrorValue e) throw new ThrError(e).at(span);
            if (v instanceof String message) throw new ThrError(new ErrorValue("RuntimeError", message)).at(span);
            throw ThrError.type("raise needs an error, like ValueError(\"...\"), not " + Values.typeName(v)).at(span);
        }
    }

    static final class Assert extends StmtNode {
        final ExprNode condition, message;
        Assert(Span s, ExprNode condition, ExprNode message) { super(s); this.condition = condition; this.message = message; }
        @Override int exec(Frame f) {
            if (Values.truthy(condition.eval(f))) return NORMAL;
            String text;
            try {
                text = message == null ? "assertion failed" : Values.str(message.eval(f));
            } catch (ThrError e) {
                throw e.at(span);
            }
            throw new ThrError("AssertionError", text).at(span);
        }
    }

    static final class Return extends StmtNode {
        final ExprNode value;
        Return(Span s, ExprNode value) { super(s); this.value = value; }
        @Override int exec(Frame f) {
            f.returned = value == null ? null : value.eval(f);
            return RETURN;
        }
    }

    static final class Jump extends StmtNode {
        final int code;
        Jump(Span s, int code) { super(s); this.code = code; }
        @Override int exec(Frame f) { return code; }
    }
}
