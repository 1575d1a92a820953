package dev.thr.eval;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Type;

import static org.objectweb.asm.Opcodes.*;

/**
 * The bytecode tier: turns the closure tree of one function body (or of a module) into a
 * class of its own, so that HotSpot sees one method per thr function, with its own type
 * profiles, instead of the tree's shared nodes whose every call to a child is megamorphic.
 *
 * <p>The tier changes how children are reached, never what a node does. Control flow (blocks,
 * if, while, for, return, break, continue) and the plumbing between nodes are emitted as
 * bytecode; what a node does with its children's values is the node's own method (combine,
 * iterator, apply), called on the node itself, a constant of the class. A node the tier does
 * not know is called as it is (its eval or exec), and runs its subtree on the tree: so every
 * error, position, checkpoint and scheduling point is the tree's, by construction.
 *
 * <p>A body that cannot be compiled well (too large for one JVM method, or for HotSpot to
 * compile) stays on the tree. Anything else that goes wrong while compiling is a fault of the
 * tier and is thrown, not hidden behind the tree.
 */
final class Bytecode {
    private Bytecode() {}

    /** What is compiled: a function's body, a block of statements (the module's, a while loop), a for loop. */
    enum Unit { FUNCTION, BLOCK, FOR }

    /**
     * A compiled unit: the node that runs it; for a function, its whole-call entry for
     * CallSites, and when its body runs without a frame (see BodyEmitter), its direct entry,
     * (ThreadContext, one Object a parameter) -> result, else null; for a for loop,
     * resume(Frame, Iterator) -> int, which goes on with a loop the tree started (see
     * Control.For).
     */
    record Compiled(StmtNode body, MethodHandle entry, MethodHandle direct, MethodHandle resume) {
        int resume(Frame f, java.util.Iterator<Object> it) {
            try {
                return (int) resume.invokeExact(f, it);
            } catch (Throwable e) {
                throw Function.unchecked(e);
            }
        }
    }

    static final String FRAME = Type.getInternalName(Frame.class);
    static final String CTX = Type.getInternalName(ThreadContext.class);
    static final String RUN = "(L" + FRAME + ";)I";
    static final String CALL = "(L" + Type.getInternalName(Function.class) + ";L" + CTX + ";[Ljava/lang/Object;[Ljava/lang/String;)Ljava/lang/Object;";

    /** (ThreadContext, n Objects) -> Object: a frameless body's, and its direct entry's, descriptor. */
    static String positional(int n) {
        return "(L" + CTX + ";" + "Ljava/lang/Object;".repeat(n) + ")Ljava/lang/Object;";
    }

    /** Compiles a function's body; null when it stays on the tree. */
    static Compiled function(FunctionCode code) {
        return compile(code.name, code.body, Unit.FUNCTION, code);
    }

    /**
     * Compiles a block or a loop; null when it stays on the tree.
     *
     * @param name what the class is called after, for profilers
     */
    static Compiled compile(String name, StmtNode body, Unit unit) {
        return compile(name, body, unit, null);
    }

    private static Compiled compile(String name, StmtNode body, Unit unit, FunctionCode code) {
        try {
            String internalName = className(name);
            Emitter emitter = new Emitter();
            byte[] bytes;
            // a function with fixed parameters runs without a frame when its body can
            boolean frameless = unit == Unit.FUNCTION && code.rest < 0 && code.named < 0 && code.params.length <= CallSites.MAX_ARITY;
            try {
                bytes = emitter.assemble(internalName, body, unit, code, frameless);
            } catch (BodyEmitter.NeedsFrame e) {
                frameless = false;
                emitter = new Emitter();
                bytes = emitter.assemble(internalName, body, unit, code, false);
            }
            MethodHandles.Lookup defined = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, emitter.constants(), true);
            Class<?> c = defined.lookupClass();
            // its constants are read now, here, not at its first run, which may be deep in a stack
            defined.ensureInitialized(c);
            StmtNode node = (StmtNode) defined.findConstructor(c, MethodType.methodType(void.class, dev.thr.diag.Span.class))
                    .invoke(body.span);
            MethodHandle entry = unit == Unit.FUNCTION
                    ? defined.findStatic(c, "call", MethodType.fromMethodDescriptorString(CALL, Bytecode.class.getClassLoader()))
                    : null;
            MethodHandle direct = frameless
                    ? defined.findStatic(c, "direct", MethodType.fromMethodDescriptorString(positional(code.params.length), Bytecode.class.getClassLoader()))
                    : null;
            MethodHandle resume = unit == Unit.FOR
                    ? defined.findStatic(c, "resume", MethodType.methodType(int.class, Frame.class, java.util.Iterator.class))
                    : null;
            return new Compiled(node, entry, direct, resume);
        } catch (TooLarge | StackOverflowError e) {
            // a body too big for HotSpot to compile it (then the tree is faster), or nested
            // deeper than this stack
            return null;
        } catch (Throwable e) {
            // too big for one JVM method. (Tested here, not caught by its type: the verifier
            // would load ASM's class at every start to check the handler, and the AOT cache
            // cannot keep it: ASM's classes are of an old class-file version.)
            if (e instanceof MethodTooLargeException) return null;
            // anything else is a fault of the tier: loud, not a silent fallback that hides it
            throw new IllegalStateException("the bytecode tier failed on " + name + ": " + e, e);
        }
    }

    /** HotSpot's limit (HugeMethodLimit): a method with more bytecode than this is never JIT-compiled. */
    static final int HUGE_METHOD = 8000;

    /** A method that came out larger than HUGE_METHOD. */
    static final class TooLarge extends RuntimeException {
        TooLarge() { super(null, null, false, false); }
    }

    private static String className(String name) {
        StringBuilder out = new StringBuilder(Type.getInternalName(Bytecode.class)).append("$");
        for (int i = 0; i < name.length() && out.length() < 80; i++) {
            char c = name.charAt(i);
            out.append(Character.isJavaIdentifierPart(c) ? c : '_');
        }
        return out.toString();
    }

    /**
     * Writes one class: a StmtNode whose exec runs the body, static run(Frame), and call(...)
     * or resume(...) as the unit has. A frameless function's body is body(ThreadContext,
     * params), which run(Frame) and direct(ThreadContext, params) call.
     */
    private static final class Emitter {
        private final Constants constants = new Constants();

        List<Object> constants() { return constants.values(); }

        byte[] assemble(String internalName, StmtNode body, Unit unit, FunctionCode code, boolean frameless) {
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
            String superName = Type.getInternalName(StmtNode.class);
            cw.visit(V21, ACC_FINAL | ACC_SUPER, internalName, null, superName, null);

            MethodVisitor init = cw.visitMethod(0, "<init>", "(Ldev/thr/diag/Span;)V", null, null);
            init.visitCode();
            init.visitVarInsn(ALOAD, 0);
            init.visitVarInsn(ALOAD, 1);
            init.visitMethodInsn(INVOKESPECIAL, superName, "<init>", "(Ldev/thr/diag/Span;)V", false);
            init.visitInsn(RETURN);
            init.visitMaxs(0, 0);
            init.visitEnd();

            MethodVisitor exec = cw.visitMethod(0, "exec", RUN, null, null);
            exec.visitCode();
            exec.visitVarInsn(ALOAD, 1);
            exec.visitMethodInsn(INVOKESTATIC, internalName, "run", RUN, false);
            exec.visitInsn(IRETURN);
            exec.visitMaxs(0, 0);
            exec.visitEnd();

            if (frameless) {
                MethodVisitor mv = cw.visitMethod(ACC_STATIC, "body", positional(code.params.length), null, null);
                mv.visitCode();
                BodyEmitter.frameless(mv, internalName, constants, code);
                ended(mv);
                framelessRun(cw, internalName, code);
                direct(cw, internalName, code);
                framelessEntry(cw, internalName, code);
            } else {
                MethodVisitor run = cw.visitMethod(ACC_STATIC, "run", RUN, null, null);
                run.visitCode();
                new BodyEmitter(run, internalName, constants, 1).statement(body);
                run.visitInsn(ICONST_0);
                run.visitInsn(IRETURN);
                ended(run);
            }

            if (unit == Unit.FUNCTION && !frameless) entry(cw, internalName, code);
            if (unit == Unit.FOR) {
                MethodVisitor resume = cw.visitMethod(ACC_STATIC, "resume", "(L" + FRAME + ";Ljava/util/Iterator;)I", null, null);
                resume.visitCode();
                new BodyEmitter(resume, internalName, constants, 2).resume((Control.For) body);
                resume.visitInsn(ICONST_0);
                resume.visitInsn(IRETURN);
                ended(resume);
            }
            constants.declare(cw, internalName);
            cw.visitEnd();
            return cw.toByteArray();
        }

        /** In call(fn, ctx, args, names): goes to slow unless names is null and args holds `params` values. */
        private static void unlessPlain(MethodVisitor mv, int params, Label slow) {
            mv.visitVarInsn(ALOAD, 3);
            mv.visitJumpInsn(IFNONNULL, slow);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitInsn(ARRAYLENGTH);
            mv.visitLdcInsn(params);
            mv.visitJumpInsn(IF_ICMPNE, slow);
        }

        /** A call has ended normally: ctx.depth-- (the context in local ctx), as Function.call does. */
        private static void left(MethodVisitor mv, int ctx) {
            mv.visitVarInsn(ALOAD, ctx);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, CTX, "depth", "I");
            mv.visitInsn(ICONST_1);
            mv.visitInsn(ISUB);
            mv.visitFieldInsn(PUTFIELD, CTX, "depth", "I");
        }

        /** Ends a method of the body, refusing one too large for HotSpot to compile. */
        private static void ended(MethodVisitor mv) {
            Label end = new Label();
            mv.visitLabel(end);
            if (end.getOffset() > HUGE_METHOD) throw new TooLarge();
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        /**
         * run(Frame) of a frameless body, for the tree's calls (Function.call, which has
         * entered the call and bound the frame): the body on the frame's parameters, its
         * result the frame's returned value.
         */
        private void framelessRun(ClassWriter cw, String internalName, FunctionCode code) {
            MethodVisitor mv = cw.visitMethod(ACC_STATIC, "run", RUN, null, null);
            mv.visitCode();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, FRAME, "ctx", "L" + CTX + ";");
            for (int i = 0; i < code.params.length; i++) {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, FRAME, "slots", "[Ljava/lang/Object;");
                mv.visitLdcInsn(i);
                mv.visitInsn(AALOAD);
            }
            mv.visitMethodInsn(INVOKESTATIC, internalName, "body", positional(code.params.length), false);
            mv.visitFieldInsn(PUTFIELD, FRAME, "returned", "Ljava/lang/Object;");
            mv.visitInsn(ICONST_3); // StmtNode.RETURN
            mv.visitInsn(IRETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        /**
         * static Object direct(ThreadContext ctx, params): a whole call of a frameless body
         * with its arguments as they are, what a call site with as many positional arguments
         * links to (see CallSites.Fixed): entered as Function.enter does (the checkpoint, the
         * recursion limit, the record for thread dumps), the body, the depth back.
         */
        private void direct(ClassWriter cw, String internalName, FunctionCode code) {
            int params = code.params.length;
            MethodVisitor mv = cw.visitMethod(ACC_STATIC, "direct", positional(params), null, null);
            mv.visitCode();
            Label start = new Label(), end = new Label(), handler = new Label();
            mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
            mv.visitVarInsn(ALOAD, 0);
            mv.visitLdcInsn(code.name);
            mv.visitMethodInsn(INVOKEVIRTUAL, CTX, "enter", "(Ljava/lang/String;)V", false);
            mv.visitLabel(start);
            for (int i = 0; i <= params; i++) mv.visitVarInsn(ALOAD, i);
            mv.visitMethodInsn(INVOKESTATIC, internalName, "body", positional(params), false);
            mv.visitLabel(end);
            left(mv, 0);
            mv.visitInsn(ARETURN);
            // catch (Throwable e) { throw code.failed(ctx, e); }
            mv.visitLabel(handler);
            mv.visitVarInsn(ASTORE, params + 1);
            String fc = Type.getInternalName(FunctionCode.class);
            mv.visitFieldInsn(GETSTATIC, internalName, constants.field(code, "L" + fc + ";"), "L" + fc + ";");
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, params + 1);
            mv.visitMethodInsn(INVOKEVIRTUAL, fc, "failed", "(L" + CTX + ";Ljava/lang/Throwable;)Ljava/lang/Throwable;", false);
            mv.visitInsn(ATHROW);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        /**
         * call(Function fn, ThreadContext ctx, Object[] args, String[] names) of a frameless
         * body, for a call site that passes an array (see entry): as many arguments as
         * parameters and no names go to direct; any other call binds as Function.call does.
         */
        private void framelessEntry(ClassWriter cw, String internalName, FunctionCode code) {
            int params = code.params.length;
            MethodVisitor mv = cw.visitMethod(ACC_STATIC, "call", CALL, null, null);
            mv.visitCode();
            Label slow = new Label();
            unlessPlain(mv, params, slow);
            mv.visitVarInsn(ALOAD, 1);
            for (int i = 0; i < params; i++) {
                mv.visitVarInsn(ALOAD, 2);
                mv.visitLdcInsn(i);
                mv.visitInsn(AALOAD);
            }
            mv.visitMethodInsn(INVOKESTATIC, internalName, "direct", positional(params), false);
            mv.visitInsn(ARETURN);
            mv.visitLabel(slow);
            for (int i = 0; i < 4; i++) mv.visitVarInsn(ALOAD, i);
            String fn = Type.getInternalName(Function.class);
            mv.visitMethodInsn(INVOKEVIRTUAL, fn, "call", "(L" + CTX + ";[Ljava/lang/Object;[Ljava/lang/String;)Ljava/lang/Object;", false);
            mv.visitInsn(ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        /**
         * static Object call(Function fn, ThreadContext ctx, Object[] args, String[] names):
         * Function.call with the body's run called directly, so that a linked call site reaches
         * the body without a virtual call. Only compiled call sites come here, and each passes
         * an array of its own, made for this call: so when the arguments are just the
         * parameters, they become the frame's slots, with no binding to do.
         */
        private void entry(ClassWriter cw, String internalName, FunctionCode code) {
            String fn = Type.getInternalName(Function.class);
            int params = code.params.length;
            MethodVisitor mv = cw.visitMethod(ACC_STATIC, "call", CALL, null, null);
            mv.visitCode();
            Label start = new Label(), end = new Label(), handler = new Label(), bound = new Label(), slow = new Label();
            mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
            if (code.rest < 0 && code.named < 0) {
                // names == null && args.length == params: the arguments, unset locals after them, are the slots
                unlessPlain(mv, params, slow);
                mv.visitTypeInsn(NEW, FRAME);
                mv.visitInsn(DUP);
                mv.visitVarInsn(ALOAD, 2);
                if (code.slots > params) {
                    mv.visitLdcInsn(code.slots);
                    mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "copyOf", "([Ljava/lang/Object;I)[Ljava/lang/Object;", false);
                    mv.visitInsn(DUP);
                    mv.visitLdcInsn(params);
                    mv.visitLdcInsn(code.slots);
                    mv.visitFieldInsn(GETSTATIC, Type.getInternalName(Unset.class), "VALUE", Type.getDescriptor(Unset.class));
                    mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([Ljava/lang/Object;IILjava/lang/Object;)V", false);
                }
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, fn, "parent", "L" + FRAME + ";");
                mv.visitVarInsn(ALOAD, 1);
                mv.visitMethodInsn(INVOKESPECIAL, FRAME, "<init>", "([Ljava/lang/Object;L" + FRAME + ";L" + CTX + ";)V", false);
                mv.visitVarInsn(ASTORE, 4);
                mv.visitVarInsn(ALOAD, 1);
                mv.visitLdcInsn(code.name);
                mv.visitMethodInsn(INVOKEVIRTUAL, CTX, "enter", "(Ljava/lang/String;)V", false);
                mv.visitJumpInsn(GOTO, bound);
            }
            // any other call: Function.enter binds as Function.call does
            mv.visitLabel(slow);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitVarInsn(ALOAD, 3);
            mv.visitMethodInsn(INVOKEVIRTUAL, fn, "enter", "(L" + CTX + ";[Ljava/lang/Object;[Ljava/lang/String;)L" + FRAME + ";", false);
            mv.visitVarInsn(ASTORE, 4);
            mv.visitLabel(bound);
            mv.visitLabel(start);
            mv.visitVarInsn(ALOAD, 4);
            mv.visitMethodInsn(INVOKESTATIC, internalName, "run", RUN, false);
            mv.visitVarInsn(ISTORE, 5);
            mv.visitLabel(end);
            left(mv, 1);
            // return r == RETURN ? frame.returned : null
            Label none = new Label();
            mv.visitVarInsn(ILOAD, 5);
            mv.visitInsn(ICONST_3);
            mv.visitJumpInsn(IF_ICMPNE, none);
            mv.visitVarInsn(ALOAD, 4);
            mv.visitFieldInsn(GETFIELD, FRAME, "returned", "Ljava/lang/Object;");
            mv.visitInsn(ARETURN);
            mv.visitLabel(none);
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ARETURN);
            // catch (Throwable e) { throw fn.code.failed(ctx, e); }
            mv.visitLabel(handler);
            mv.visitVarInsn(ASTORE, 6);
            String fc = Type.getInternalName(FunctionCode.class);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, fn, "code", "L" + fc + ";");
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, 6);
            mv.visitMethodInsn(INVOKEVIRTUAL, fc, "failed", "(L" + CTX + ";Ljava/lang/Throwable;)Ljava/lang/Throwable;", false);
            mv.visitInsn(ATHROW);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
    }

    /**
     * The class's constants (nodes, spans, values, call sites): each a static final field,
     * which the JIT treats as a constant, set by the class's initializer from its class data.
     * (Not a dynamic constant per use: those are resolved at their first run, which may be
     * deep in a thread's stack, and a resolution that fails there fails for good.)
     */
    static final class Constants {
        private final List<Object> values = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final java.util.Map<Object, Integer> index = new java.util.HashMap<>();

        /** The field that holds value, typed as type (a descriptor). */
        String field(Object value, String type) {
            return "k" + index.computeIfAbsent(new Key(value, type), k -> {
                values.add(value);
                types.add(type);
                return values.size() - 1;
            });
        }

        /** The same value under two types is two fields; keys compare values by identity. */
        private record Key(Object value, String type) {
            @Override public boolean equals(Object o) { return o instanceof Key k && k.value == value && k.type.equals(type); }
            @Override public int hashCode() { return System.identityHashCode(value) * 31 + type.hashCode(); }
        }

        List<Object> values() { return values; }

        /** Declares the fields and the initializer that sets them from the class data. */
        void declare(ClassWriter cw, String owner) {
            for (int i = 0; i < values.size(); i++) {
                cw.visitField(ACC_STATIC | ACC_FINAL | ACC_PRIVATE, "k" + i, types.get(i), null, null).visitEnd();
            }
            MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
            mv.visitCode();
            mv.visitLdcInsn(new org.objectweb.asm.ConstantDynamic("_", "Ljava/util/List;", new org.objectweb.asm.Handle(H_INVOKESTATIC,
                    "java/lang/invoke/MethodHandles", "classData",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false)));
            mv.visitVarInsn(ASTORE, 0);
            for (int i = 0; i < values.size(); i++) {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitLdcInsn(i);
                mv.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "get", "(I)Ljava/lang/Object;", true);
                mv.visitTypeInsn(CHECKCAST, Type.getType(types.get(i)).getInternalName());
                mv.visitFieldInsn(PUTSTATIC, owner, "k" + i, types.get(i));
            }
            mv.visitInsn(RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
    }
}
