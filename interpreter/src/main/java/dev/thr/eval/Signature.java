package dev.thr.eval;

import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import java.util.Arrays;

/**
 * A builtin's parameter list, for binding arguments the way thr functions do: by position or by
 * name, with defaults, and a clear TypeError for a wrong count or an unknown name.
 * Written as `Signature.of("put", "item", "block=", "timeout=")`: a trailing '=' marks an
 * optional one, a leading '*' on the last one gathers the remaining positional arguments.
 */
public record Signature(String name, String[] params, int required, boolean rest) {
    public static Signature of(String name, String... params) {
        int required = 0;
        boolean rest = params.length > 0 && params[params.length - 1].startsWith("*");
        String[] clean = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            boolean optional = params[i].endsWith("=") || params[i].startsWith("*");
            clean[i] = params[i].replace("=", "").replace("*", "");
            if (!optional) required = i + 1;
        }
        return new Signature(name, clean, required, rest);
    }

    /** The arguments in parameter order; a missing optional one is {@link #ABSENT}. */
    public Object[] bind(Object[] args, String[] names) {
        int named = names == null ? 0 : names.length;
        int positional = args.length - named;
        int fixed = rest ? params.length - 1 : params.length;
        if (positional > fixed && !rest) {
            throw ThrError.type(name + "() takes " + (required == params.length ? "" : "at most ")
                    + count(params.length) + " but " + positional + " were given");
        }
        Object[] out = new Object[params.length];
        Arrays.fill(out, ABSENT);
        System.arraycopy(args, 0, out, 0, Math.min(positional, fixed));
        if (rest) {
            ThrList extra = new ThrList();
            for (int i = fixed; i < positional; i++) extra.add(args[i]);
            out[fixed] = extra;
        }
        for (int i = 0; i < named; i++) {
            int p = Arrays.asList(params).indexOf(names[i]);
            if (p < 0 || rest && p == fixed) throw ThrError.type(name + "() has no parameter named '" + names[i] + "'");
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
