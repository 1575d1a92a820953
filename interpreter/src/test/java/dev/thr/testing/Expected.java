package dev.thr.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares actual output with an expected-output file. The expected text is literal, except:
 * <ul>
 * <li>`{{REGEX}}` inside a line matches that regular expression (a thread id, an elapsed time);</li>
 * <li>lines between `--- any order` and `---` may come in any order among themselves, for lines
 *     whose order the program's own synchronisation leaves open;</li>
 * <li>`--- interleaved`, then several runs of lines separated by `--- and`, then `---`: the
 *     output holds all those lines, each run in its own order, the runs mixed in any way (the
 *     lines of threads that print independently: each thread's lines stay in order).</li>
 * <li>`--- background: LINE`: from here to the end, lines like LINE may come anywhere, any
 *     number of times, and are passed over (what a daemon prints on a timer of its own: how
 *     many of them fall between two lines of the main thread depends on the machine's load).</li>
 * </ul>
 * Every expected line must be there: a pattern checks a line's shape, it never skips it.
 */
public final class Expected {
    private static final Pattern HOLE = Pattern.compile("\\{\\{(.*?)}}");
    private static final String ANY_ORDER = "--- any order";
    private static final String END = "---";
    private static final String INTERLEAVED = "--- interleaved";
    private static final String AND = "--- and";
    private static final String BACKGROUND = "--- background: ";

    private Expected() {}

    /** Null when actual matches, else a description of the first difference. */
    public static String mismatch(String expected, String actual) {
        List<String> want = lines(expected);
        List<String> got = new ArrayList<>(lines(actual));
        int g = 0;
        for (int w = 0; w < want.size(); w++) {
            if (want.get(w).startsWith(BACKGROUND)) {
                String line = want.get(w).substring(BACKGROUND.length());
                for (int i = got.size() - 1; i >= g; i--) if (matches(line, got.get(i))) got.remove(i);
                continue;
            }
            if (want.get(w).equals(ANY_ORDER)) {
                int end = indexOf(want, END, w + 1);
                if (end < 0) return "expected-output file: '--- any order' without a closing '---'";
                List<String> group = new ArrayList<>(want.subList(w + 1, end));
                if (g + group.size() > got.size()) return "output ended early; expected (any order): " + group;
                List<String> chunk = new ArrayList<>(got.subList(g, g + group.size()));
                for (String line : chunk) {
                    int hit = -1;
                    for (int k = 0; k < group.size(); k++) if (matches(group.get(k), line)) { hit = k; break; }
                    if (hit < 0) return "line " + (g + 1) + ": unexpected " + quote(line) + "; expected one of " + group;
                    group.remove(hit);
                }
                g += chunk.size();
                w = end;
                continue;
            }
            if (want.get(w).equals(INTERLEAVED)) {
                int end = indexOf(want, END, w + 1);
                if (end < 0) return "expected-output file: '--- interleaved' without a closing '---'";
                List<List<String>> runs = new ArrayList<>();
                runs.add(new ArrayList<>());
                for (String line : want.subList(w + 1, end)) {
                    if (line.equals(AND)) runs.add(new ArrayList<>());
                    else runs.get(runs.size() - 1).add(line);
                }
                int total = runs.stream().mapToInt(List::size).sum();
                if (g + total > got.size()) return "output ended early; expected " + total + " interleaved lines from line " + (g + 1);
                List<String> chunk = got.subList(g, g + total);
                if (!interleaves(runs, chunk, new int[runs.size()], 0, new java.util.HashSet<>())) {
                    return "lines " + (g + 1) + "-" + (g + total) + " are not an interleaving of " + runs + ": " + chunk;
                }
                g += total;
                w = end;
                continue;
            }
            if (g >= got.size()) return "output ended at line " + (g + 1) + "; expected " + quote(want.get(w));
            if (!matches(want.get(w), got.get(g))) {
                return "line " + (g + 1) + ": expected " + quote(want.get(w)) + " but got " + quote(got.get(g));
            }
            g++;
        }
        if (g < got.size()) return "unexpected extra output at line " + (g + 1) + ": " + quote(got.get(g));
        return null;
    }

    /** Whether chunk[at..] can be made by taking the runs' remaining lines in order (memoised search). */
    private static boolean interleaves(List<List<String>> runs, List<String> chunk, int[] next, int at, java.util.Set<String> failed) {
        if (at == chunk.size()) return true;
        String key = java.util.Arrays.toString(next);
        if (failed.contains(key)) return false;
        for (int r = 0; r < runs.size(); r++) {
            if (next[r] < runs.get(r).size() && matches(runs.get(r).get(next[r]), chunk.get(at))) {
                next[r]++;
                boolean ok = interleaves(runs, chunk, next, at + 1, failed);
                next[r]--;
                if (ok) return true;
            }
        }
        failed.add(key);
        return false;
    }

    private static int indexOf(List<String> list, String item, int from) {
        for (int i = from; i < list.size(); i++) if (list.get(i).equals(item)) return i;
        return -1;
    }

    static boolean matches(String pattern, String line) {
        if (!pattern.contains("{{")) return pattern.equals(line);
        StringBuilder regex = new StringBuilder();
        Matcher m = HOLE.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("(?:").append(m.group(1)).append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        return Pattern.compile(regex.toString()).matcher(line).matches();
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
