package dev.thr.eval;

import dev.thr.diag.Span;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Modifier;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

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
 * Either way every expression leaves its value on the operand stack, and a statement leaves
 * the stack as it found it.
 */
final class BodyEmitter {
    private static final String FRAME = Bytecode.FRAME, CTX = Bytecode.CTX;
    private static final String OBJECT_DESC = "Ljava/lang/Object;";
    /** (ThreadContext, Object, Object) -> Object: a binary operator's combine or apply, In's combine. */
    private static final String TWO_VALUES = "(L" + CTX + ";Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String VALUES = "dev/thr/value/Values", LIST = "dev/thr/value/ThrList";
    private final MethodVisitor mv;
    /** The class being written, which holds the constants. */
    private final String owner;
    private final Bytecode.Constants constants;
    private int nextLocal;
    /** The innermost compiled loop around the statement being emitted; null outside loops. */
    private Loop loop;

    /** Whether the body runs without a frame (local 0 the context, slots in JVM locals from 1). */
    private final boolean frameless;
    /** The function whose frameless body this is (its calls of itself are direct); else null. */
    private final FunctionCode self;

    private record Loop(Label exit, Label next, Loop outer) {}

    /** The body has a node that runs on a frame: it cannot be emitted without one. */
    static final class NeedsFrame extends RuntimeException {
        NeedsFrame() { super(null, null, false, false); }
    }

    /** @param locals how many locals the method's parameters take (the frame, and a for loop's iterator when resuming) */
    BodyEmitter(MethodVisitor mv, String owner, Bytecode.Constants constants, int locals) {
        this.mv = mv;
        this.owner = owner;
        this.constants = constants;
        this.nextLocal = locals;
        this.frameless = false;
        this.self = null;
    }

    /** For a function's body without a frame: the context in local 0, then `slots` variables (the parameters first). */
    private BodyEmitter(MethodVisitor mv, String owner, Bytecode.Constants constants, FunctionCode code) {
        this.mv = mv;
        this.owner = owner;
        this.constants = constants;
        this.nextLocal = 1 + code.slots;
        this.frameless = true;
        this.self = code;
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
            Class<?> node = load(z, Stmts.Sleep.class);
            ctx();
            expr(z.seconds);
            invoke(node, "sleep", "(L" + CTX + ";Ljava/lang/Object;)V");
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

    // ---- expressions

    /**
     * Operands waiting on the JVM's stack while an expression nested this deep is evaluated;
     * deeper ones (`1 + 1 + ... + 1` a thousand times) are left to the tree, so that the
     * method's stack stays small whatever the expression (see statement).
     */
    private static final int MAX_DEPTH = 40;
    private int depth;

    private void expr(ExprNode e) {
        if (depth >= MAX_DEPTH) {
            tree(e);
            return;
        }
        depth++;
        try {
            compiled(e);
        } finally {
            depth--;
        }
    }

    private void compiled(ExprNode e) {
        if (e instanceof Exprs.Const c && c.value == null) mv.visitInsn(ACONST_NULL);
        else if (e instanceof Exprs.Const c) load(c.value, Object.class);
        else if (e instanceof VarNodes.LocalGet g) {
            // the variable, or (unset) the node's NameError
            Label set = new Label();
            if (frameless) mv.visitVarInsn(ALOAD, 1 + g.slot);
            else {
                slots();
                push(g.slot);
                mv.visitInsn(AALOAD);
            }
            mv.visitInsn(DUP);
            unset();
            mv.visitJumpInsn(IF_ACMPNE, set);
            mv.visitInsn(POP);
            Class<?> node = load(g, VarNodes.LocalGet.class);
            invoke(node, "unassigned", "()Ljava/lang/Object;");
            mv.visitLabel(set);
        } else if (e instanceof VarNodes.GlobalGet g) {
            Class<?> node = load(g, VarNodes.GlobalGet.class);
            ctx();
            invoke(node, "get", "(L" + CTX + ";)Ljava/lang/Object;");
        } else if (e instanceof VarNodes.GlobalOrBuiltinGet g) {
            Class<?> node = load(g, VarNodes.GlobalOrBuiltinGet.class);
            ctx();
            invoke(node, "get", "(L" + CTX + ";)Ljava/lang/Object;");
        } else if (e instanceof Ops.Binary b && b.left != null) {
            Class<?> node = load(b, Ops.Binary.class);
            ctx();
            expr(b.left);
            expr(b.right);
            invoke(node, "combine", TWO_VALUES);
        } else if (e instanceof Ops.Chain c) {
            // `a < b < c`: stops at the first false result, which is the value
            Label done = new Label();
            expr(c.operands[0]);
            int left = local(), right = local();
            mv.visitVarInsn(ASTORE, left);
            for (int i = 0; i < c.ops.length; i++) {
                expr(c.operands[i + 1]);
                mv.visitVarInsn(ASTORE, right);
                Class<?> op = load(c.ops[i], Ops.Binary.class);
                ctx();
                mv.visitVarInsn(ALOAD, left);
                mv.visitVarInsn(ALOAD, right);
                invoke(op, "apply", TWO_VALUES);
                mv.visitInsn(DUP);
                truthy();
                mv.visitJumpInsn(IFEQ, done);
                mv.visitInsn(POP);
                mv.visitVarInsn(ALOAD, right);
                mv.visitVarInsn(ASTORE, left);
            }
            mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", "TRUE", "Ljava/lang/Boolean;");
            mv.visitLabel(done);
        } else if (e instanceof Ops.Unary u) {
            Class<?> node = load(u, Ops.Unary.class);
            expr(u.operand);
            invoke(node, "combine", "(Ljava/lang/Object;)Ljava/lang/Object;");
        } else if (e instanceof Ops.Logical l) {
            // and/or give back an operand: the left one when it decides
            Label done = new Label();
            expr(l.left);
            mv.visitInsn(DUP);
            truthy();
            mv.visitJumpInsn(l.isAnd ? IFEQ : IFNE, done);
            mv.visitInsn(POP);
            expr(l.right);
            mv.visitLabel(done);
        } else if (e instanceof Ops.In i) {
            Class<?> node = load(i, Ops.In.class);
            ctx();
            expr(i.item);
            expr(i.container);
            invoke(node, "combine", TWO_VALUES);
        } else if (e instanceof Exprs.Conditional c) {
            Label orElse = new Label(), done = new Label();
            expr(c.cond);
            truthy();
            mv.visitJumpInsn(IFEQ, orElse);
            expr(c.then);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(orElse);
            expr(c.orElse);
            mv.visitLabel(done);
        } else if (e instanceof Exprs.Index x) {
            Class<?> node = load(x, Exprs.Index.class);
            expr(x.target);
            expr(x.index);
            invoke(node, "combine", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;");
        } else if (e instanceof Exprs.Member m) {
            Class<?> node = load(m, Exprs.Member.class);
            ctx();
            expr(m.target);
            invoke(node, "combine", "(L" + CTX + ";Ljava/lang/Object;)Ljava/lang/Object;");
        } else if (e instanceof Exprs.Naming n) {
            Class<?> node = load(n, Exprs.Naming.class);
            ctx();
            expr(n.value);
            invoke(node, "name", "(L" + CTX + ";Ljava/lang/Object;)Ljava/lang/Object;");
        } else if (e instanceof Exprs.Interpolation in) {
            // the pieces in order, each hole formatted as soon as it is evaluated (Interpolation.eval)
            mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
            int out = local();
            mv.visitVarInsn(ASTORE, out);
            for (int i = 0; i < in.parts.length; i++) {
                if (in.parts[i] instanceof String text) {
                    mv.visitVarInsn(ALOAD, out);
                    mv.visitLdcInsn(text);
                    mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
                    mv.visitInsn(POP);
                    continue;
                }
                Class<?> node = load(in, Exprs.Interpolation.class);
                ctx();
                mv.visitVarInsn(ALOAD, out);
                push(i);
                expr(((Exprs.Interpolation.Hole) in.parts[i]).expr());
                invoke(node, "append", "(L" + CTX + ";Ljava/lang/StringBuilder;ILjava/lang/Object;)V");
            }
            mv.visitVarInsn(ALOAD, out);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
        } else if (e instanceof Exprs.ListLit l) {
            // a new list, each element added as it is evaluated (ListLit.eval)
            mv.visitTypeInsn(NEW, LIST);
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKESPECIAL, LIST, "<init>", "()V", false);
            for (ExprNode element : l.elements) {
                mv.visitInsn(DUP);
                expr(element);
                mv.visitMethodInsn(INVOKEVIRTUAL, LIST, "add", "(Ljava/lang/Object;)V", false);
            }
        } else if (e instanceof Calls.Call c && c.spread == null) call(c);
        else if (e instanceof Calls.MethodCall m && m.spread == null) {
            Class<?> node = load(m, Calls.MethodCall.class);
            ctx();
            expr(m.target);
            args(m.args);
            names(m.names);
            invoke(node, "combine", "(L" + CTX + ";Ljava/lang/Object;[Ljava/lang/Object;[Ljava/lang/String;)Ljava/lang/Object;");
        } else tree(e);
    }

    /** An expression the tier leaves to the tree: the node's own eval. */
    private void tree(ExprNode e) {
        if (frameless) throw new NeedsFrame();
        Class<?> node = load(e, ExprNode.class);
        frame();
        invoke(node, "eval", "(L" + FRAME + ";)Ljava/lang/Object;");
    }

    /**
     * `f(args)` as Calls.Call does it: callee, then arguments, then the thread's place, then
     * the call, through a call site of its own that CallSites links to a compiled callee. The
     * site is made now and is a constant of the class: nothing about it is linked at its first
     * run (an invokedynamic's bootstrap would be, wherever in a stack that is). A call with a
     * few positional arguments passes them as they are (CallSites.Fixed); any other, in an
     * array with its names (CallSites.Site).
     */
    private void call(Calls.Call c) {
        boolean fixed = c.names == null && c.args.length <= CallSites.MAX_ARITY;
        if (fixed && self != null && c.args.length == self.params.length) {
            recursive(c);
            return;
        }
        MethodHandle site = fixed ? new CallSites.Fixed(c.args.length).dynamicInvoker() : new CallSites.Site().dynamicInvoker();
        load(site, MethodHandle.class);
        ctx();
        expr(c.callee);
        if (fixed) {
            for (ExprNode arg : c.args) expr(arg);
        } else {
            args(c.args);
            names(c.names);
        }
        load(c.span, Span.class);
        at(c.span);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", site.type().toMethodDescriptorString(), false);
    }

    /** The thread's place is the call at span (shown by thread listings, should the call block). */
    private void at(Span span) {
        ctx();
        mv.visitFieldInsn(GETFIELD, CTX, "thread", "Ldev/thr/runtime/ThrThread;");
        load(span, Span.class);
        mv.visitMethodInsn(INVOKEVIRTUAL, "dev/thr/runtime/ThrThread", "at", "(Ljava/lang/Object;)V", false);
    }

    /**
     * A call in a frameless body that may be of the function itself (`fib(n - 1)` in fib): when
     * the callee is a function of this code, its direct entry is called as a plain static
     * call, with the error placed at the call as a call site places it; any other callee goes
     * through a site of its own, as call() does. (A site's method handles are as fast once
     * the JIT has compiled them, but run through several frames a call until then: recursive
     * code spends its first tens of milliseconds there.)
     */
    private void recursive(Calls.Call c) {
        expr(c.callee);
        int callee = local();
        mv.visitVarInsn(ASTORE, callee);
        int[] args = new int[c.args.length];
        for (int i = 0; i < args.length; i++) {
            expr(c.args[i]);
            args[i] = local();
            mv.visitVarInsn(ASTORE, args[i]);
        }
        at(c.span);
        Label other = new Label(), done = new Label(), start = new Label(), end = new Label(), handler = new Label();
        String function = Type.getInternalName(Function.class), codeType = Type.getDescriptor(FunctionCode.class);
        mv.visitVarInsn(ALOAD, callee);
        mv.visitTypeInsn(INSTANCEOF, function);
        mv.visitJumpInsn(IFEQ, other);
        mv.visitVarInsn(ALOAD, callee);
        mv.visitTypeInsn(CHECKCAST, function);
        mv.visitFieldInsn(GETFIELD, function, "code", codeType);
        mv.visitFieldInsn(GETSTATIC, owner, constants.field(self, codeType), codeType);
        mv.visitJumpInsn(IF_ACMPNE, other);
        mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
        mv.visitLabel(start);
        ctx();
        for (int a : args) mv.visitVarInsn(ALOAD, a);
        mv.visitMethodInsn(INVOKESTATIC, owner, "direct", Bytecode.positional(args.length), false);
        mv.visitLabel(end);
        mv.visitJumpInsn(GOTO, done);
        // catch (Throwable e) { throw CallSites.located(e, ctx, span) }: the stack is empty here, and nothing comes back
        mv.visitLabel(handler);
        ctx();
        load(c.span, Span.class);
        mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(CallSites.class), "located",
                "(Ljava/lang/Throwable;L" + CTX + ";Ldev/thr/diag/Span;)Ljava/lang/Object;", false);
        mv.visitTypeInsn(CHECKCAST, "java/lang/Throwable");
        mv.visitInsn(ATHROW);
        mv.visitLabel(other);
        MethodHandle site = new CallSites.Fixed(args.length).dynamicInvoker();
        load(site, MethodHandle.class);
        ctx();
        mv.visitVarInsn(ALOAD, callee);
        for (int a : args) mv.visitVarInsn(ALOAD, a);
        load(c.span, Span.class);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", site.type().toMethodDescriptorString(), false);
        mv.visitLabel(done);
    }

    /** The arguments' values, left to right, in a new Object[] (Calls.evalArgs). */
    private void args(ExprNode[] args) {
        push(args.length);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < args.length; i++) {
            mv.visitInsn(DUP);
            push(i);
            expr(args[i]);
            mv.visitInsn(AASTORE);
        }
    }

    private void names(String[] names) {
        if (names == null) mv.visitInsn(ACONST_NULL);
        else load(names, String[].class);
    }

    // ---- small pieces

    private void frame() {
        if (frameless) throw new IllegalStateException("no frame in a frameless body");
        mv.visitVarInsn(ALOAD, 0);
    }

    /** Pushes the thread's context: local 0 without a frame, else the frame's. */
    private void ctx() {
        mv.visitVarInsn(ALOAD, 0);
        if (!frameless) mv.visitFieldInsn(GETFIELD, FRAME, "ctx", "L" + CTX + ";");
    }

    private void unset() {
        mv.visitFieldInsn(GETSTATIC, Type.getInternalName(Unset.class), "VALUE", Type.getDescriptor(Unset.class));
    }

    private void slots() {
        frame();
        mv.visitFieldInsn(GETFIELD, FRAME, "slots", "[Ljava/lang/Object;");
    }

    private void truthy() {
        mv.visitMethodInsn(INVOKESTATIC, VALUES, "truthy", "(Ljava/lang/Object;)Z", false);
    }

    private int local() {
        return nextLocal++;
    }

    private void push(int n) {
        if (n >= -1 && n <= 5) mv.visitInsn(ICONST_0 + n);
        else if (n >= Byte.MIN_VALUE && n <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, n);
        else if (n >= Short.MIN_VALUE && n <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, n);
        else mv.visitLdcInsn(n);
    }

    /**
     * Pushes a constant of the class (a static final field, a true constant to the JIT), typed
     * as its own class where the class can name it, else as declared. Returns the type used.
     */
    private Class<?> load(Object value, Class<?> declared) {
        Class<?> type = nameable(value.getClass()) && declared.isInstance(value) ? value.getClass() : declared;
        String descriptor = Type.getDescriptor(type);
        mv.visitFieldInsn(GETSTATIC, owner, constants.field(value, descriptor), descriptor);
        return type;
    }

    /** Whether compiled code in this package can name c (not a lambda's or another hidden class). */
    private static boolean nameable(Class<?> c) {
        return !c.isHidden() && !c.isArray() && (Modifier.isPublic(c.getModifiers()) || c.getPackageName().equals(BodyEmitter.class.getPackageName()));
    }

    /** Calls method on a receiver loaded as type (see load). */
    private void invoke(Class<?> type, String method, String descriptor) {
        mv.visitMethodInsn(type.isInterface() ? INVOKEINTERFACE : INVOKEVIRTUAL, Type.getInternalName(type), method, descriptor, type.isInterface());
    }
}
