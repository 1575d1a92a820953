package dev.thr.builtins;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backticked text that is one call, `name(args)` or `receiver.name(args)`, with its arguments
 * as written. `spawn q.put(x)` reads as a call with the receiver "spawn q": harmless, since only
 * the name and the arguments are looked at.
 */
record DocCall(String receiver, String name, List<String> args) {
    /** A documented parameter: `name`, `name=default` (optional) or `*name` (the rest). */
    record Param(String name, boolean optional, boolean rest) {}

    private static final Pattern PARAM = Pattern.compile("\\*([A-Za-z_]\\w*)|([A-Za-z_]\\w*)(=.*)?");
    private static final Pattern KEYWORD = Pattern.compile("([A-Za-z_]\\w*)=(?!=).*");

    /** The call the whole text is, or null. */
    static DocCall parse(String text) {
        if (!text.endsWith(")")) return null;
        int open = opener(text);
        if (open < 0) return null;
        int start = open;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) start--;
        if (start == open || !Character.isLetter(text.charAt(start)) && text.charAt(start) != '_') return null;
        String receiver = null;
        if (start > 0) {
            if (start == 1 || text.charAt(start - 1) != '.') return null;
            receiver = text.substring(0, start - 1);
        }
        List<String> args = split(text.substring(open + 1, text.length() - 1));
        return args == null ? null : new DocCall(receiver, text.substring(start, open), args);
    }

    /** The parameters, when every argument is written as one (`item`, `timeout=nil`, `*items`); else null. */
    List<Param> params() {
        List<Param> out = new ArrayList<>();
        for (String a : args) {
            Matcher m = PARAM.matcher(a);
            if (!m.matches()) return null;
            out.add(m.group(1) != null ? new Param(m.group(1), false, true) : new Param(m.group(2), m.group(3) != null, false));
        }
        return out;
    }

    /** The names of the arguments given by name: `timeout` in `q.get(timeout=1)`. */
    List<String> keywords() {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            Matcher m = KEYWORD.matcher(a);
            if (m.matches()) out.add(m.group(1));
        }
        return out;
    }

    /** Where the '(' that the final ')' closes is, or -1 when the brackets do not pair up. */
    private static int opener(String text) {
        Deque<Integer> open = new ArrayDeque<>();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                if (ch == quote) quote = 0;
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if ("([{".indexOf(ch) >= 0) {
                open.push(i);
            } else if (")]}".indexOf(ch) >= 0) {
                if (open.isEmpty() || "([{".indexOf(text.charAt(open.peek())) != ")]}".indexOf(ch)) return -1;
                int at = open.pop();
                if (i == text.length() - 1) return open.isEmpty() && ch == ')' ? at : -1;
            }
        }
        return -1;
    }

    /** The arguments, split at the commas outside brackets and strings; null if unbalanced. */
    private static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        if (args.isBlank()) return out;
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < args.length(); i++) {
            char ch = args.charAt(i);
            if (quote != 0) {
                if (ch == quote) quote = 0;
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if ("([{".indexOf(ch) >= 0) {
                depth++;
            } else if (")]}".indexOf(ch) >= 0) {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(args.substring(from, i).strip());
                from = i + 1;
            }
        }
        out.add(args.substring(from).strip());
        return depth == 0 && quote == 0 ? out : null;
    }
}
