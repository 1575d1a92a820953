package dev.thr.eval;

import dev.thr.value.ThrError;

/** A compiled program, immutable: it may run many times, from several threads at once. */
public final class CompiledProgram {
    private final StmtNode body;

    CompiledProgram(StmtNode body) {
        this.body = body;
    }

    /** Runs the module code on the calling thread as the given thr thread; errors propagate as ThrError. */
    public void run(ThreadContext ctx) {
        Frame frame = new Frame(0, null, ctx);
        try {
            body.exec(frame);
        } catch (ThrError e) {
            throw e.leaving("<main>");
        } catch (StackOverflowError e) {
            throw new ThrError("RecursionError", "the stack ran out: is there a recursion without an end?");
        }
    }
}
