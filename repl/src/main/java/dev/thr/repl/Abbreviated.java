package dev.thr.repl;

import java.util.List;

/**
 * Long text shortened for the screen: an echoed value or a thread table of thousands of rows
 * would push everything else away and take seconds to print. Its start and end are kept, with
 * how much was left out in between.
 */
final class Abbreviated {
    private Abbreviated() {}

    /** At most maxLines lines of at most maxChars characters in all; `where` says where the whole is. */
    static String text(String text, int maxLines, int maxChars, String where) {
        List<String> lines = text.lines().toList();
        if (lines.size() > maxLines) {
            int head = maxLines * 2 / 3, tail = maxLines - head;
            String kept = String.join("\n", lines.subList(0, head)) + "\n... " + String.format("%,d", lines.size() - head - tail)
                    + " lines left out" + where + " ...\n" + String.join("\n", lines.subList(lines.size() - tail, lines.size()));
            return text(kept, Integer.MAX_VALUE, maxChars, where) + (text.endsWith("\n") ? "\n" : "");
        }
        if (text.length() <= maxChars) return text;
        int head = maxChars * 2 / 3, tail = maxChars - head;
        // never split a surrogate pair
        if (Character.isHighSurrogate(text.charAt(head - 1))) head--;
        if (Character.isLowSurrogate(text.charAt(text.length() - tail))) tail--;
        return text.substring(0, head) + " ... " + String.format("%,d", text.length() - head - tail)
                + " characters left out" + where + " ... " + text.substring(text.length() - tail);
    }

    /** `a, b, c and 4,997 more`: a few names of many. */
    static String names(List<String> names, int shown) {
        if (names.size() <= shown + 1) return String.join(", ", names);
        return String.join(", ", names.subList(0, shown)) + String.format(" and %,d more", names.size() - shown);
    }
}
