package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.runtime.Access;
import dev.thr.runtime.ThrThread;
import dev.thr.value.Cancelled;
import dev.thr.value.ThrError;
import dev.thr.value.Values;

/** Function calls, method calls and `spawn`. */
final class Calls {
    private Calls() {}

    static Object[] evalArgs(ExprNode[] args, Frame f) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) out[i] = args[i].eval(f);
        return out;
    }

    static Object invoke(ThreadContext ctx, Object callee, Object[] args, String[] names, Span span) {
        if (!(callee instanceof Callable c)) throw ThrError.type(Values.typeName(callee) + " is not callable").at(span);
        try {
            return c.call(ctx, args, names);
        } catch (ThrError e) {
            throw e.at(span);
        } catch (OutOfMemoryError e) {
            throw OutOfMemory.error(ctx).at(span);
        } catch (StackOverflowError e) {
            throw tooDeep().at(span);
        }
    }

    /**
     * The Java stack ran out inside a builtin (sorted, index, repr of a list that holds itself
     * or is nested thousands deep): a RecursionError at the call. A thr function's own calls stop
     * at the recursion limit long before; should one overflow anyway, the nearest call with
     * room left reports it.
     */
    static ThrError tooDeep() {
        return new ThrError("RecursionError", "maximum recursion depth exceeded (a list or map that holds itself, or is nested thousands deep?)");
    }

    static final class Call extends ExprNode {
        final ExprNode callee; final ExprNode[] args; final String[] names;
        /** When the call has `*xs` or `**m`: how to spread them (args and names unused then); else null. */
        final Spread spread;
        Call(Span s, ExprNode callee, ExprNode[] args, String[] names, Spread spread) {
            super(s); this.callee = callee; this.args = args; this.names = names; this.spread = spread;
        }
        @Override Object eval(Frame f) {
            Object c = callee.eval(f);
            if (spread != null) {
                Spread.Packed p = spread.eval(f, callName(c));
                f.ctx.thread.at(span);
                return invoke(f.ctx, c, p.values(), p.names(), span);
            }
            Object[] a = evalArgs(args, f);
            f.ctx.thread.at(span); // where it is, should the call block (shown by the REPL's :threads)
            return invoke(f.ctx, c, a, names, span);
        }
    }

    static String callName(Object callee) {
        return callee instanceof Callable c ? c.name() + "()" : "the call";
    }

    /** `x.m(args)`: dispatched by the library without making a bound method. */
    static final class MethodCall extends ExprNode {
        final ExprNode target; final String name; final ExprNode[] args; final String[] names;
        final Spread spread;
        /**
         * The library's method for the first class of target this site called it on, so that
         * the next call on a value of that class skips the two lookups (a site nearly always
         * sees one class: `q.put` on queues; a queue put and get take a third less time). Set
         * once, as one immutable object, so a thread sees all of it or none.
         */
        private Cached cached;
        private record Cached(Class<?> type, Library.Method method) {}
        MethodCall(Span s, ExprNode target, String name, ExprNode[] args, String[] names, Spread spread) {
            super(s); this.target = target; this.name = name; this.args = args; this.names = names; this.spread = spread;
        }
        @Override Object eval(Frame f) {
            Object t = target.eval(f);
            if (spread == null) return combine(f.ctx, t, evalArgs(args, f), names);
            Spread.Packed p = spread.eval(f, name + "()");
            return combine(f.ctx, t, p.values(), p.names());
        }
        /** The call itself, target and arguments evaluated (what the bytecode tier calls). */
        Object combine(ThreadContext ctx, Object t, Object[] a, String[] n) {
            ctx.thread.at(span);
            try {
                Cached c = cached;
                if (c != null && t != null && t.getClass() == c.type) return c.method.call(ctx, t, a, n);
                return lookUp(ctx, t, a, n);
            } catch (ThrError e) {
                throw e.at(span);
            } catch (OutOfMemoryError e) {
                throw OutOfMemory.error(ctx).at(span);
            } catch (StackOverflowError e) {
                throw tooDeep().at(span);
            }
        }

        private Object lookUp(ThreadContext ctx, Object t, Object[] a, String[] n) {
            Library library = ctx.interpreter.library;
            Library.Method m = t == null ? null : library.method(t.getClass(), name);
            if (m == null) return library.callMethod(ctx, t, name, a, n);
            if (cached == null) cached = new Cached(t.getClass(), m);
            return m.call(ctx, t, a, n);
        }
    }

    /** `spawn f(args)`: callee and arguments are evaluated by the spawning thread, the call runs in a new one. */
    static final class Spawn extends ExprNode {
        final ExprNode callee; final ExprNode[] args; final String[] names;
        final Spread spread;
        /** For a simulated engine's story (else null). */
        final Access spawns;
        Spawn(Span s, ExprNode callee, ExprNode[] args, String[] names, Spread spread, Access spawns) {
            super(s); this.callee = callee; this.args = args; this.names = names; this.spread = spread; this.spawns = spawns;
        }
        @Override Object eval(Frame f) {
            Object c = callee.eval(f);
            Object[] a;
            String[] names = this.names;
            if (spread == null) a = evalArgs(args, f);
            else {
                Spread.Packed p = spread.eval(f, callName(c));
                a = p.values();
                names = p.names();
            }
            if (!(c instanceof Callable target)) throw ThrError.type("spawn needs a function, not " + Values.typeName(c)).at(span);
            if (spawns != null && f.ctx.checkpoint(spawns)) throw new Cancelled();
            f.ctx.thread.at(span); // the new thread's first place (see Interpreter.start)
            Interpreter in = f.ctx.interpreter;
            ThrThread t = in.newThread(f.ctx, target, a, names, null, f.ctx.thread.daemon()); // inherits, as in Python
            if (spawns != null) f.ctx.observe(spawns, t);
            try {
                in.start(f.ctx, t);
            } catch (ThrError e) {
                throw e.at(span);
            }
            return t;
        }
    }
}
