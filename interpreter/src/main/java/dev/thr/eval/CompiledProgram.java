package dev.thr.eval;

import dev.thr.value.ThrError;

/** A compiled program, immutable: it may run many times, from several threads at once. */
public final class CompiledProgram {
    private final StmtNode body;
    private final int slots;

    CompiledProgram(StmtNode body, int slots) {
        this.body = body;
        this.slots = slots;
    }

    /**
     * Runs the module code on the calling thread as the given thr thread and gives back the
     * value of its last expression when compiled to keep it (else nil); errors propagate as ThrError.
     */
    public Object run(ThreadContext ctx) {
        Frame frame = new Frame(slots, 0, null, ctx);
        try {
            body.exec(frame);
            return frame.returned;
        } catch (dev.thr.value.Cancelled e) {
            ctx.unwinding();
            throw e;
        } catch (ThrError e) {
            ThrError out = e.leaving("<main>");
            dev.thr.diag.Span origin = out.error().origin();
            if (origin != null) ctx.interpreter.scheduler.observe(new dev.thr.runtime.Access("fails", "", origin), out);
            throw out;
        } catch (StackOverflowError e) {
            // Caught here, at the bottom of the stack, where there is room again to report it,
            // at the place the thread last was
            ThrError out = stackOverflow();
            if (ctx.thread.site() instanceof dev.thr.diag.Span at) out.at(at);
            throw out.leaving("<main>");
        } catch (OutOfMemoryError e) {
            throw OutOfMemory.placed(ctx).leaving("<main>");
        }
    }

    /**
     * The recursion limit normally stops a runaway recursion first; this is for the rare
     * program whose calls are few but whose Java frames are many (deeply nested expressions).
     */
    static ThrError stackOverflow() {
        return new ThrError("RecursionError", "the Java stack ran out (a larger one: THR_JAVA_OPTS=-Xss16m)");
    }
}
