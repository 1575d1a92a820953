package dev.thr.eval;

import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.ThrMap;
import dev.thr.value.Values;

/** A thr function value: compiled code plus the frame it was defined in (its closure). */
public final class Function implements Callable, Values.Typed {
    final FunctionCode code;
    final Frame parent;
    final Object[] defaults;

    Function(FunctionCode code, Frame parent, Object[] defaults) {
        this.code = code;
        this.parent = parent;
        this.defaults = defaults;
    }

    @Override
    public Object call(ThreadContext ctx, Object[] args, String[] names) {
        Frame frame = enter(ctx, args, names);
        int r;
        try {
            r = code.exec(frame);
        } catch (RuntimeException | Error e) {
            throw unchecked(code.failed(ctx, e));
        }
        ctx.depth--;
        return r == StmtNode.RETURN ? frame.returned : null;
    }

    /**
     * The start of every call, whichever tier runs the body (a compiled body's own entry calls
     * it too): a new frame with the arguments bound, the checkpoint, the recursion limit, and
     * the call recorded for thread dumps. The caller decrements ctx.depth once the body ends,
     * normally or through {@link FunctionCode#failed}.
     */
    Frame enter(ThreadContext ctx, Object[] args, String[] names) {
        Frame frame = new Frame(code.slots, code.params.length, parent, ctx);
        bind(frame.slots, args, names);
        ctx.enter(code.name);
        return frame;
    }

    static RuntimeException unchecked(Throwable e) {
        if (e instanceof Error error) throw error;
        return (RuntimeException) e;
    }

    /** A depth limit, as Python has, instead of catching StackOverflowError (see ThreadContext.enter). */
    static final int MAX_DEPTH = 1000;

    private void bind(Object[] slots, Object[] args, String[] names) {
        if (code.rest >= 0 || code.named >= 0) {
            bindGathering(slots, args, names);
            return;
        }
        String[] params = code.params;
        int named = names == null ? 0 : names.length;
        int positional = args.length - named;
        if (positional > params.length) {
            throw ThrError.type(code.name + "() takes " + Signature.count(params.length) + " but " + positional + " were given");
        }
        System.arraycopy(args, 0, slots, 0, positional);
        if (named == 0 && positional == params.length) return; // the common call: all positional
        for (int p = positional; p < params.length; p++) slots[p] = Unset.VALUE;
        for (int i = 0; i < named; i++) {
            int p = indexOf(names[i]);
            if (p < 0) throw ThrError.type(code.name + "() has no parameter named '" + names[i] + "'");
            if (slots[p] != Unset.VALUE) throw ThrError.type(code.name + "() got two values for '" + names[i] + "'");
            slots[p] = args[positional + i];
        }
        for (int p = positional; p < params.length; p++) {
            if (slots[p] != Unset.VALUE) continue;
            if (defaults[p] == Unset.VALUE) {
                throw ThrError.type(code.name + "() is missing its argument '" + params[p] + "'");
            }
            slots[p] = defaults[p];
        }
    }

    /** Binding for a function with `*rest` or `**named`: the extra arguments are gathered, not refused. */
    private void bindGathering(Object[] slots, Object[] args, String[] names) {
        String[] params = code.params;
        int named = names == null ? 0 : names.length;
        int positional = args.length - named;
        // parameters that take positional arguments: those before *rest (or before **named)
        int byPosition = code.rest >= 0 ? code.rest : code.named;
        if (positional > byPosition && (code.rest < 0 || code.bareStar)) {
            throw ThrError.type(code.name + "() takes " + (code.bareStar ? positionalCount(byPosition) : Signature.count(byPosition))
                    + " but " + positional + " were given");
        }
        for (int p = 0; p < params.length; p++) slots[p] = Unset.VALUE;
        System.arraycopy(args, 0, slots, 0, Math.min(positional, byPosition));
        if (code.rest >= 0) {
            ThrList extra = new ThrList();
            for (int i = byPosition; i < positional; i++) extra.add(args[i]);
            slots[code.rest] = code.bareStar ? null : extra;
        }
        ThrMap others = code.named >= 0 ? new ThrMap() : null;
        if (others != null) slots[code.named] = others;
        for (int i = 0; i < named; i++) {
            int p = indexOf(names[i]);
            if (p == code.rest || p == code.named) p = -1; // gathered ones are not named themselves
            if (p < 0) {
                if (others == null) throw ThrError.type(code.name + "() has no parameter named '" + names[i] + "'");
                if (others.containsKey(names[i])) throw ThrError.type(code.name + "() got two values for '" + names[i] + "'");
                others.put(names[i], args[positional + i]);
                continue;
            }
            if (slots[p] != Unset.VALUE) throw ThrError.type(code.name + "() got two values for '" + names[i] + "'");
            slots[p] = args[positional + i];
        }
        for (int p = 0; p < params.length; p++) {
            if (slots[p] != Unset.VALUE) continue;
            if (defaults[p] == Unset.VALUE) {
                throw ThrError.type(code.name + "() is missing its argument '" + params[p] + "'");
            }
            slots[p] = defaults[p];
        }
    }

    private static String positionalCount(int n) {
        return n == 1 ? "1 positional argument" : n + " positional arguments";
    }

    private int indexOf(String name) {
        for (int i = 0; i < code.params.length; i++) if (code.params[i].equals(name)) return i;
        return -1;
    }

    @Override public String name() { return code.name; }

    @Override public String typeName() { return "function"; }

    @Override public String toString() { return "<fn " + code.name + ">"; }
}
