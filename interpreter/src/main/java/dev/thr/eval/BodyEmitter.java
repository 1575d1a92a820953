package dev.thr.eval;

import dev.thr.diag.Span;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import static org.objectweb.asm.Opcodes.*;

/**
 * Emits one body's nodes as the instructions of a static method (see Bytecode), in one of two
 * forms. On a frame, run(Frame): local 0 is the frame, the body's variables are its slots,
 * and a statement leaves the method with its result code (RETURN, or a BREAK or CONTINUE no
 * compiled loop around it takes). Without a frame, a function's body(ThreadContext, params):
 * local 0 is the thread's context, variable slot i is JVM local 1 + i, and `return` returns
 * the value; so a call allocates no frame and no argument array. That form takes only bodies
 * whose every node it emits itself (the tree's nodes run on a frame): at the first node it
 * would leave to the tree it throws {@link NeedsFrame}, and the body is emitted on a frame.
 * Either way every expression leaves its value on the operand stack (ExprEmitter), and a
 * statement leaves the stack as it found it.
 */
final class BodyEmitter extends ExprEmitter {
    /** The innermost compiled loop around the statement being emitted; null outside loops. */
    private Loop loop;

    private record Loop(Label exit, Label next, Loop outer) {}

    /** @param locals how many locals the method's parameters take (the frame, and a for loop's iterator when resuming) */
    BodyEmitter(MethodVisitor mv, String owner, Bytecode.Constants constants, int locals) {
        super(mv, owner, constants, locals, null);
    }

    /** For a function's body without a frame: the context in local 0, then `slots` variables (the parameters first). */
    private BodyEmitter(MethodVisitor mv, String owner, Bytecode.Constants constants, FunctionCode code) {
        super(mv, owner, constants, 1 + code.slots, code);
    }

    /**
     * Emits body(ThreadContext, params) of code: variables that are not parameters start
     * unset, and falling off the end returns nil. Throws NeedsFrame for a body that needs one.
     */
    static void frameless(MethodVisitor mv, String owner, Bytecode.Constants constants, FunctionCode code) {
        BodyEmitter e = new BodyEmitter(mv, owner, constants, code);
        for (int slot = code.params.length; slot < code.slots; slot++) {
            e.unset();
            mv.visitVarInsn(ASTORE, 1 + slot);
        }
        e.statement(code.body);
        mv.visitInsn(ACONST_NULL);
        mv.visitInsn(ARETURN);
    }

    /** A for loop going on with the iterator in local 1, where the tree left it. */
    void resume(Control.For f) {
        loop(f, 1);
    }

    // ---- statements

    /**
     * A statement's temporaries die with it: the next statement reuses their slots, so a long
     * body needs no more JVM locals than its deepest nesting (a JVM frame's size is fixed for
     * the whole method, and a thr call is a JVM frame: big frames would reach the end of the
     * thread's stack before the recursion limit does).
     */
    void statement(StmtNode s) {
        int locals = nextLocal;
        emit(s);
        nextLocal = locals;
    }

    private void emit(StmtNode s) {
        if (s instanceof Stmts.Block b) {
            for (StmtNode x : b.body) statement(x);
        } else if (s instanceof Stmts.Eval e) {
            expr(e.expr);
            mv.visitInsn(POP);
        } else if (s instanceof Stmts.Result r && !frameless) {
            frame();
            expr(r.expr);
            mv.visitFieldInsn(PUTFIELD, FRAME, "returned", OBJECT_DESC);
        } else if (s instanceof Stmts.Return r && frameless) {
            if (r.value == null) mv.visitInsn(ACONST_NULL);
            else expr(r.value);
            mv.visitInsn(ARETURN);
        } else if (s instanceof Stmts.Return r) {
            frame();
            if (r.value == null) mv.visitInsn(ACONST_NULL);
            else expr(r.value);
            mv.visitFieldInsn(PUTFIELD, FRAME, "returned", OBJECT_DESC);
            leave(StmtNode.RETURN);
        } else if (s instanceof Stmts.Jump j && loop != null) mv.visitJumpInsn(GOTO, j.code == StmtNode.BREAK ? loop.exit : loop.next);
        else if (s instanceof Stmts.Jump j && !frameless) leave(j.code);
        else if (s instanceof Stmts.Assign a) {
            expr(a.value);
            assign(a.target);
        } else if (s instanceof Stmts.AugVariable a && plain(a.store)) {
            // op.combine places its own errors at the operator, whose span is the statement's
            expr(a.read);
            int current = local();
            mv.visitVarInsn(ASTORE, current);
            expr(a.value);
            int value = local();
            mv.visitVarInsn(ASTORE, value);
            Class<?> op = load(a.op, Ops.Binary.class);
            ctx();
            mv.visitVarInsn(ALOAD, current);
            mv.visitVarInsn(ALOAD, value);
            invoke(op, "combine", TWO_VALUES);
            store(a.store);
        } else if (s instanceof Stmts.Print p && p.spread == null && (!frameless || p.sep == null && p.end == null)) {
            // sep= and end= are evaluated by the node, on the frame: a frameless body has neither
            Class<?> node = load(p, Stmts.Print.class);
            ctx();
            args(p.args);
            if (frameless) mv.visitInsn(ACONST_NULL);
            else frame();
            invoke(node, "write", "(L" + CTX + ";[Ljava/lang/Object;L" + FRAME + ";)V");
        } else if (s instanceof Stmts.Sleep z) {
            onValue(z, Stmts.Sleep.class, z.seconds, "sleep", "(L" + CTX + ";Ljava/lang/Object;)V");
        } else if (s instanceof Control.If i) {
            Label end = new Label();
            for (int k = 0; k < i.conditions.length; k++) {
                Label next = new Label();
                expr(i.conditions[k]);
                truthy();
                mv.visitJumpInsn(IFEQ, next);
                statement(i.bodies[k]);
                mv.visitJumpInsn(GOTO, end);
                mv.visitLabel(next);
            }
            if (i.orElse != null) statement(i.orElse);
            mv.visitLabel(end);
        } else if (s instanceof Control.While w) {
            Label head = new Label(), next = new Label(), exit = new Label();
            mv.visitLabel(head);
            expr(w.condition);
            truthy();
            mv.visitJumpInsn(IFEQ, exit);
            body(w.body, exit, next);
            mv.visitLabel(next);
            checkpoint(w.span);
            mv.visitJumpInsn(GOTO, head);
            mv.visitLabel(exit);
        } else if (s instanceof Control.For f) {
            Class<?> node = load(f, Control.For.class);
            expr(f.iterable);
            invoke(node, "iterator", "(Ljava/lang/Object;)Ljava/util/Iterator;");
            int it = local();
            mv.visitVarInsn(ASTORE, it);
            loop(f, it);
        } else {
            // a statement the tier leaves to the tree: run it, then act on its result code
            if (frameless) throw new NeedsFrame();
            Class<?> node = load(s, StmtNode.class);
            frame();
            invoke(node, "exec", Bytecode.RUN);
            int r = local();
            mv.visitVarInsn(ISTORE, r);
            Label normal = new Label();
            mv.visitVarInsn(ILOAD, r);
            mv.visitJumpInsn(IFEQ, normal);
            if (loop != null) {
                mv.visitVarInsn(ILOAD, r);
                push(StmtNode.BREAK);
                mv.visitJumpInsn(IF_ICMPEQ, loop.exit);
                mv.visitVarInsn(ILOAD, r);
                push(StmtNode.CONTINUE);
                mv.visitJumpInsn(IF_ICMPEQ, loop.next);
            }
            mv.visitVarInsn(ILOAD, r);
            mv.visitInsn(IRETURN);
            mv.visitLabel(normal);
        }
    }

    /** A for loop's turns, with its iterator in local it. */
    private void loop(Control.For f, int it) {
        Label head = new Label(), next = new Label(), exit = new Label();
        mv.visitLabel(head);
        mv.visitVarInsn(ALOAD, it);
        mv.visitMethodInsn(INVOKEINTERFACE, "java/util/Iterator", "hasNext", "()Z", true);
        mv.visitJumpInsn(IFEQ, exit);
        mv.visitVarInsn(ALOAD, it);
        mv.visitMethodInsn(INVOKEINTERFACE, "java/util/Iterator", "next", "()Ljava/lang/Object;", true);
        assign(f.target);
        body(f.body, exit, next);
        mv.visitLabel(next);
        checkpoint(f.span);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(exit);
    }

    /** A loop's body, where break goes to exit and continue to next. */
    private void body(StmtNode body, Label exit, Label next) {
        loop = new Loop(exit, next, loop);
        statement(body);
        loop = loop.outer;
    }

    /** Leaves run with a result code. */
    private void leave(int code) {
        push(code);
        mv.visitInsn(IRETURN);
    }

    /** A loop's turn: where a thread being stopped notices (as Control.While and For). */
    private void checkpoint(Span span) {
        Label go = new Label();
        ctx();
        mv.visitMethodInsn(INVOKEVIRTUAL, CTX, "checkpoint", "()Z", false);
        mv.visitJumpInsn(IFEQ, go);
        ctx();
        load(span, Span.class);
        mv.visitMethodInsn(INVOKEVIRTUAL, CTX, "stoppedIn", "(Ldev/thr/diag/Span;)Ldev/thr/value/Cancelled;", false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(go);
    }

    /** Stores the value on the stack into target. */
    private void assign(Targets.Target target) {
        if (target instanceof Targets.Variable v) {
            store(v.store());
            return;
        }
        if (target instanceof Targets.Unpack u) {
            // all the items first (the count checked), then each part in order, as Unpack.assign
            Class<?> node = load(u, Targets.Unpack.class);
            mv.visitInsn(SWAP);
            invoke(node, "items", "(Ljava/lang/Object;)[Ljava/lang/Object;");
            int items = local();
            mv.visitVarInsn(ASTORE, items);
            for (int i = 0; i < u.parts().length; i++) {
                mv.visitVarInsn(ALOAD, items);
                push(i);
                mv.visitInsn(AALOAD);
                assign(u.parts()[i]);
            }
            return;
        }
        if (frameless) throw new NeedsFrame();
        int value = local();
        mv.visitVarInsn(ASTORE, value);
        Class<?> t = load(target, Targets.Target.class);
        frame();
        mv.visitVarInsn(ALOAD, value);
        invoke(t, "assign", "(L" + FRAME + ";Ljava/lang/Object;)V");
    }

    /** Stores without a scheduling point: the ones AugVariable may compile (store() says which need a frame). */
    private static boolean plain(VarNodes.Store store) {
        return store instanceof VarNodes.LocalSet || store instanceof VarNodes.GlobalSet || store instanceof VarNodes.SharedSet;
    }

    /** Stores the value on the stack through store: a local's slot directly, anything else by its own store. */
    private void store(VarNodes.Store store) {
        if (store instanceof VarNodes.LocalSet l && frameless) {
            mv.visitVarInsn(ASTORE, 1 + l.slot());
            return;
        }
        int value = local();
        mv.visitVarInsn(ASTORE, value);
        if (store instanceof VarNodes.GlobalSet g) {
            Class<?> node = load(g, VarNodes.GlobalSet.class);
            ctx();
            mv.visitVarInsn(ALOAD, value);
            invoke(node, "set", "(L" + CTX + ";Ljava/lang/Object;)V");
            return;
        }
        if (store instanceof VarNodes.LocalSet l) {
            slots();
            push(l.slot());
            mv.visitVarInsn(ALOAD, value);
            mv.visitInsn(AASTORE);
            return;
        }
        if (frameless) throw new NeedsFrame();
        Class<?> s = load(store, VarNodes.Store.class);
        frame();
        mv.visitVarInsn(ALOAD, value);
        invoke(s, "store", "(L" + FRAME + ";Ljava/lang/Object;)V");
    }
}
