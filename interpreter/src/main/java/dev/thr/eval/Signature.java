package dev.thr.eval;

import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import java.util.Arrays;

/**
 * A builtin's parameter list, for binding arguments the way thr functions do: by position or by
 * name, with defaults, and a clear TypeError for a wrong count or an unknown name.
 * Written as `Signature.of("put", "item", "block=", "timeout=")`: a trailing '=' marks an
 * optional one, a leading '*' gathers the remaining positional arguments into a list.
 */
public record Signature(String name, String[] params, int required, int rest) {
    /** Parameters after a `*rest` one can only be given by name, as in `max(*items, key=)`. */
    public static Signature of(String name, String... params) {
        int required = 0;
        int rest = -1;
        String[] clean = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            boolean optional = params[i].endsWith("=") || params[i].startsWith("*");
            if (params[i].startsWith("*")) rest = i;
            clean[i] = params[i].replace("=", "").replace("*", "");
            if (!optional) required = i + 1;
        }
        return new Signature(name, clean, required, rest);
    }

    /** The arguments in parameter order; a missing optional one is {@link #ABSENT}. */
    public Object[] bind(Object[] args, String[] names) {
        int named = names == null ? 0 : names.length;
        int positional = args.length - named;
        int fixed = rest >= 0 ? rest : params.length;
        if (positional > fixed && rest < 0) {
            throw ThrError.type(name + "() takes " + (required == params.length ? "" : "at most ")
                    + count(params.length) + " but " + positional + " were given");
        }
        Object[] out = new Object[params.length];
        Arrays.fill(out, ABSENT);
        System.arraycopy(args, 0, out, 0, Math.min(positional, fixed));
        if (rest >= 0) {
            ThrList extra = new ThrList();
            for (int i = fixed; i < positional; i++) extra.add(args[i]);
            out[fixed] = extra;
        }
        for (int i = 0; i < named; i++) {
            int p = Arrays.asList(params).indexOf(names[i]);
            if (p < 0 || p == rest) throw ThrError.type(name + "() has no parameter named '" + names[i] + "'");
            if (out[p] != ABSENT) throw ThrError.type(name + "() got two values for '" + names[i] + "'");
            out[p] = args[positional + i];
        }
        for (int p = 0; p < required; p++) {
            if (out[p] == ABSENT) throw ThrError.type(name + "() is missing its argument '" + params[p] + "'");
        }
        return out;
    }

    static String count(int n) {
        return n == 1 ? "1 argument" : n + " arguments";
    }

    /** Marks an optional argument that was not given (nil may be given on purpose). */
    public static final Object ABSENT = new Object() {
        @Override public String toString() { return "<absent>"; }
    };
}
