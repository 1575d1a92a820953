package dev.thr.builtins;

import static dev.thr.eval.Signature.of;

import dev.thr.value.StopSignal;
import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Methods of strings, the common Python ones. */
final class StringMethods {
    private StringMethods() {}

    static void register(Registry r) {
        r.method(String.class, "upper", of("upper"), (ctx, s, a) -> s.toUpperCase(Locale.ROOT));
        r.method(String.class, "lower", of("lower"), (ctx, s, a) -> s.toLowerCase(Locale.ROOT));
        r.method(String.class, "strip", of("strip"), (ctx, s, a) -> s.strip());
        r.method(String.class, "lstrip", of("lstrip"), (ctx, s, a) -> s.stripLeading());
        r.method(String.class, "rstrip", of("rstrip"), (ctx, s, a) -> s.stripTrailing());
        r.method(String.class, "split", of("split", "sep="), (ctx, s, a) -> split(s, a[0], ctx.thread()));
        r.method(String.class, "join", of("join", "items"), (ctx, s, a) -> {
            StringBuilder out = new StringBuilder();
            var it = Args.iterate(ctx, a[0]);
            for (boolean first = true; it.hasNext(); first = false) {
                Object o = it.next();
                if (!(o instanceof String p)) throw ThrError.type("join needs strings, found " + Values.typeName(o));
                if (!first) out.append(s);
                out.append(p);
            }
            return out.toString();
        });
        r.method(String.class, "startswith", of("startswith", "prefix"), (ctx, s, a) -> s.startsWith(Args.string(a[0], "prefix")));
        r.method(String.class, "endswith", of("endswith", "suffix"), (ctx, s, a) -> s.endsWith(Args.string(a[0], "suffix")));
        r.method(String.class, "replace", of("replace", "old", "new"), (ctx, s, a) ->
                replace(s, Args.string(a[0], "old"), Args.string(a[1], "new"), ctx.thread()));
        r.method(String.class, "find", of("find", "sub"), (ctx, s, a) -> (long) s.indexOf(Args.string(a[0], "sub")));
        r.method(String.class, "count", of("count", "sub"), (ctx, s, a) -> {
            String sub = Args.string(a[0], "sub");
            if (sub.isEmpty()) return (long) s.length() + 1;
            long n = 0;
            for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
                if ((++n & 4095) == 0) ctx.thread().check();
            }
            return n;
        });
        r.method(String.class, "isdigit", of("isdigit"), (ctx, s, a) -> !s.isEmpty() && s.chars().allMatch(Character::isDigit));
        r.method(String.class, "ljust", of("ljust", "width"), (ctx, s, a) -> pad(s, Args.integer(a[0], "width"), false));
        r.method(String.class, "rjust", of("rjust", "width"), (ctx, s, a) -> pad(s, Args.integer(a[0], "width"), true));
    }

    private static String pad(String s, long width, boolean left) {
        if (s.length() >= width) return s;
        if (width > Integer.MAX_VALUE - 8) throw new ThrError("MemoryError", "a string of " + width + " characters is too long");
        String fill = " ".repeat((int) (width - s.length()));
        return left ? fill + s : s + fill;
    }

    /** Pieces of a string of many millions of characters: `stop` is asked every few thousand. */
    private static ThrList split(String s, Object sep, StopSignal stop) {
        var out = new ArrayList<Object>();
        if (!Args.given(sep) || sep == null) {
            int i = 0, n = s.length();
            while (true) {
                while (i < n && Character.isWhitespace(s.charAt(i))) i++;
                if (i == n) break;
                int from = i;
                while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
                if ((out.size() & 4095) == 4095) stop.check();
                out.add(s.substring(from, i));
            }
            return ThrList.adopt(out);
        }
        String d = Args.string(sep, "sep");
        if (d.isEmpty()) throw ThrError.value("empty separator");
        int from = 0;
        for (int i = s.indexOf(d); i >= 0; i = s.indexOf(d, from)) {
            if ((out.size() & 4095) == 4095) stop.check();
            out.add(s.substring(from, i));
            from = i + d.length();
        }
        out.add(s.substring(from));
        return ThrList.adopt(out);
    }

    /** String.replace, in pieces: replacing in a string of hundreds of millions of characters takes seconds. */
    private static String replace(String s, String old, String with, StopSignal stop) {
        if (s.length() <= 1 << 16) return s.replace(old, with);
        StringBuilder out = new StringBuilder(s.length());
        if (old.isEmpty()) { // `with` before every character and at the end, as String.replace does
            for (int i = 0; i < s.length(); i++) {
                if ((i & 4095) == 0) stop.check();
                out.append(with).append(s.charAt(i));
            }
            return out.append(with).toString();
        }
        int from = 0, n = 0;
        for (int i = s.indexOf(old); i >= 0; i = s.indexOf(old, from)) {
            if ((++n & 4095) == 0) stop.check();
            out.append(s, from, i).append(with);
            from = i + old.length();
        }
        stop.check();
        return out.append(s, from, s.length()).toString();
    }
}
