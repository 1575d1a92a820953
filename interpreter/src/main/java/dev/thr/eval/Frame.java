package dev.thr.eval;

/**
 * One activation of a function: its slots, the frame it was defined in (for closures) and the
 * thread running it. Frames are passed as parameters, never stored in the evaluator, because
 * many threads run the same nodes at the same time.
 */
public final class Frame {
    final Object[] slots;
    final Frame parent;
    final ThreadContext ctx;
    /** The value of a `return`, handed from the Return node to the call that catches RETURN. */
    Object returned;

    /** Slots from `assignedBelow` on start unset; the ones below it (parameters) are filled by the caller. */
    Frame(int size, int assignedBelow, Frame parent, ThreadContext ctx) {
        this.slots = new Object[size];
        this.parent = parent;
        this.ctx = ctx;
        for (int i = assignedBelow; i < size; i++) slots[i] = Unset.VALUE;
    }

    /** A frame whose slots are made already (by a compiled function's entry: parameters set, the rest unset). */
    Frame(Object[] slots, Frame parent, ThreadContext ctx) {
        this.slots = slots;
        this.parent = parent;
        this.ctx = ctx;
    }

    Frame up(int depth) {
        Frame f = this;
        for (int i = 0; i < depth; i++) f = f.parent;
        return f;
    }

    public ThreadContext ctx() { return ctx; }
}
