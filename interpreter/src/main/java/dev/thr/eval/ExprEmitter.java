package dev.thr.eval;

import dev.thr.diag.Span;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Modifier;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import static org.objectweb.asm.Opcodes.*;

/**
 * Emits expressions for BodyEmitter, which adds statements (see it for the two forms a body
 * takes, on a frame and frameless): every expression leaves its value on the operand stack.
 */
class ExprEmitter {
    static final String FRAME = Bytecode.FRAME, CTX = Bytecode.CTX;
    static final String OBJECT_DESC = "Ljava/lang/Object;";
    /** (ThreadContext, Object, Object) -> Object: a binary operator's combine or apply, In's combine. */
    static final String TWO_VALUES = "(L" + CTX + ";Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String VALUES = "dev/thr/value/Values", LIST = "dev/thr/value/ThrList";
    final MethodVisitor mv;
    /** The class being written, which holds the constants. */
    final String owner;
    final Bytecode.Constants constants;
    /** The next free JVM local: temporaries are taken from here (see BodyEmitter.statement). */
    int nextLocal;
    /** Whether the body runs without a frame (local 0 the context, slots in JVM locals from 1). */
    final boolean frameless;
    /** The function whose frameless body this is (its calls of itself are direct); else null. */
    final FunctionCode self;

    /** The body has a node that runs on a frame: it cannot be emitted without one. */
    static final class NeedsFrame extends RuntimeException {
        NeedsFrame() { super(null, null, false, false); }
    }

    ExprEmitter(MethodVisitor mv, String owner, Bytecode.Constants constants, int nextLocal, FunctionCode self) {
        this.mv = mv;
        this.owner = owner;
        this.constants = constants;
        this.nextLocal = nextLocal;
        this.frameless = self != null;
        this.self = self;
    }

    /**
     * Operands waiting on the JVM's stack while an expression nested this deep is evaluated;
     * deeper ones (`1 + 1 + ... + 1` a thousand times) are left to the tree, so that the
     * method's stack stays small whatever the expression (see BodyEmitter.statement).
     */
    private static final int MAX_DEPTH = 40;
    private int depth;

    void expr(ExprNode e) {
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
            onValue(m, Exprs.Member.class, m.target, "combine", "(L" + CTX + ";Ljava/lang/Object;)Ljava/lang/Object;");
        } else if (e instanceof Exprs.Naming n) {
            onValue(n, Exprs.Naming.class, n.value, "name", "(L" + CTX + ";Ljava/lang/Object;)Ljava/lang/Object;");
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

    /** node.method(ctx, the value of operand): what a node does once its one operand is evaluated. */
    void onValue(Object node, Class<?> declared, ExprNode operand, String method, String descriptor) {
        Class<?> type = load(node, declared);
        ctx();
        expr(operand);
        invoke(type, method, descriptor);
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
    void args(ExprNode[] args) {
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

    void frame() {
        if (frameless) throw new IllegalStateException("no frame in a frameless body");
        mv.visitVarInsn(ALOAD, 0);
    }

    /** Pushes the thread's context: local 0 without a frame, else the frame's. */
    void ctx() {
        mv.visitVarInsn(ALOAD, 0);
        if (!frameless) mv.visitFieldInsn(GETFIELD, FRAME, "ctx", "L" + CTX + ";");
    }

    void unset() {
        mv.visitFieldInsn(GETSTATIC, Type.getInternalName(Unset.class), "VALUE", Type.getDescriptor(Unset.class));
    }

    void slots() {
        frame();
        mv.visitFieldInsn(GETFIELD, FRAME, "slots", "[Ljava/lang/Object;");
    }

    void truthy() {
        mv.visitMethodInsn(INVOKESTATIC, VALUES, "truthy", "(Ljava/lang/Object;)Z", false);
    }

    int local() {
        return nextLocal++;
    }

    void push(int n) {
        if (n >= -1 && n <= 5) mv.visitInsn(ICONST_0 + n);
        else if (n >= Byte.MIN_VALUE && n <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, n);
        else if (n >= Short.MIN_VALUE && n <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, n);
        else mv.visitLdcInsn(n);
    }

    /**
     * Pushes a constant of the class (a static final field, a true constant to the JIT), typed
     * as its own class where the class can name it, else as declared. Returns the type used.
     */
    Class<?> load(Object value, Class<?> declared) {
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
    void invoke(Class<?> type, String method, String descriptor) {
        mv.visitMethodInsn(type.isInterface() ? INVOKEINTERFACE : INVOKEVIRTUAL, Type.getInternalName(type), method, descriptor, type.isInterface());
    }
}
