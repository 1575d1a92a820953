package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.runtime.Access;
import dev.thr.value.Cancelled;
import dev.thr.value.ThrError;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Reading and writing variables by the slots the resolver chose. */
final class VarNodes {
    private VarNodes() {}

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    static Object checked(Object v, String name, Span span) {
        return checked(v, name, "", span);
    }

    static Object checked(Object v, String name, String hint, Span span) {
        if (v == Unset.VALUE) throw new ThrError("NameError", "'" + name + "' is used before it is assigned" + hint).at(span);
        return v;
    }

    /**
     * `barrier = barrier(3)` in a function: the assignment makes `barrier` local to the whole
     * function, so the call reads a variable with no value yet instead of the builtin.
     */
    static String hidesBuiltin(String name) {
        return ": the function assigns or deletes '" + name + "', which makes it a local variable all through the function,"
                + " and that hides the builtin " + name + "; give the variable another name";
    }

    /** A local of the running function, not seen by any closure: a plain array access. hint ends its error ("" for none). */
    static final class LocalGet extends ExprNode {
        final int slot; final String name, hint;
        LocalGet(Span s, int slot, String name, String hint) { super(s); this.slot = slot; this.name = name; this.hint = hint; }
        @Override Object eval(Frame f) {
            Object v = f.slots[slot];
            return v != Unset.VALUE ? v : unassigned();
        }
        /** The read of this local found it unset (compiled code keeps locals in JVM locals and comes here too). */
        Object unassigned() {
            return checked(Unset.VALUE, name, hint, span);
        }
    }

    /** A local shared with closures, which may run on other threads: acquire/release access. */
    static final class SharedGet extends ExprNode {
        final int depth, slot; final String name, hint;
        SharedGet(Span s, int depth, int slot, String name, String hint) {
            super(s); this.depth = depth; this.slot = slot; this.name = name; this.hint = hint;
        }
        @Override Object eval(Frame f) {
            Object v = SLOT.getAcquire(f.up(depth).slots, slot);
            return v != Unset.VALUE ? v : checked(v, name, hint, span);
        }
    }

    static final class GlobalGet extends ExprNode {
        final int index; final String name; final boolean definedNowhere;
        GlobalGet(Span s, int index, String name, boolean definedNowhere) {
            super(s); this.index = index; this.name = name; this.definedNowhere = definedNowhere;
        }
        @Override Object eval(Frame f) {
            return get(f.ctx);
        }
        /** The read itself: it needs the thread's engine, not the frame. */
        Object get(ThreadContext ctx) {
            Object v = ctx.interpreter.globals.get(index);
            if (v != Unset.VALUE) return v;
            if (definedNowhere) {
                throw new ThrError("NameError", "name '" + name + "' is not defined" + dev.thr.resolve.PythonWords.hint(name)).at(span);
            }
            return checked(v, name, span);
        }
    }

    /**
     * A module variable named like a builtin (`queue = queue(5)`): until it is assigned, the
     * name still means the builtin, as Python looks names up in the module, then the builtins.
     */
    static final class GlobalOrBuiltinGet extends ExprNode {
        final int index; final Object builtin;
        GlobalOrBuiltinGet(Span s, int index, Object builtin) { super(s); this.index = index; this.builtin = builtin; }
        @Override Object eval(Frame f) {
            return get(f.ctx);
        }
        Object get(ThreadContext ctx) {
            Object v = ctx.interpreter.globals.get(index);
            return v != Unset.VALUE ? v : builtin;
        }
    }

    /**
     * A scheduling point before a read that another thread may race with (a module variable,
     * a captured one, an item, a field): compiled in only for a simulated engine, where it
     * lets a switch fall between a read and the write that depends on it (a lost update).
     */
    static final class Point extends ExprNode {
        final ExprNode inner; final Access access;
        Point(ExprNode inner, Access access) { super(inner.span); this.inner = inner; this.access = access; }
        @Override Object eval(Frame f) {
            if (f.ctx.checkpoint(access)) throw new Cancelled();
            Object v;
            try {
                v = inner.eval(f);
            } catch (ThrError e) {
                f.ctx.observe(access, e); // a story of the run says where it failed
                throw e;
            }
            f.ctx.observe(access, v);
            return v;
        }
    }

    /** The same before a write. */
    record PointStore(Store inner, Access access) implements Store {
        @Override public void store(Frame f, Object value) {
            if (f.ctx.checkpoint(access)) throw new Cancelled();
            inner.store(f, value);
            f.ctx.observe(access, value);
        }
    }

    /** A write target: assignment, for-loop variable, catch binding, function declaration. */
    interface Store {
        void store(Frame f, Object value);
    }

    record LocalSet(int slot) implements Store {
        @Override public void store(Frame f, Object value) { f.slots[slot] = value; }
    }

    record SharedSet(int depth, int slot) implements Store {
        @Override public void store(Frame f, Object value) { SLOT.setRelease(f.up(depth).slots, slot, value); }
    }

    record GlobalSet(int index) implements Store {
        @Override public void store(Frame f, Object value) { set(f.ctx, value); }
        void set(ThreadContext ctx, Object value) { ctx.interpreter.globals.set(index, value); }
    }
}
