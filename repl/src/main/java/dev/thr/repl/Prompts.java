package dev.thr.repl;

/**
 * The session's prompts: `thr> ` for a new snippet and, on its continuation lines, the line's
 * number within the snippet (`..2> `), padded to the same width so the code lines up and an
 * error's `<input 4>:3:5` is easy to find.
 */
final class Prompts {
    private Prompts() {}

    static final String PRIMARY = "thr> ";

    /**
     * JLine draws continuation prompts from this pattern: %N is the line's number counted from
     * {@link #LINE_OFFSET}, %P pads with the character after it up to the primary prompt's width.
     */
    static final String CONTINUATION_PATTERN = "%P.%N> ";

    /** JLine counts lines from 0; the first continuation line is a snippet's line 2. */
    static final int LINE_OFFSET = 1;

    /** The continuation prompt for a line, made here where JLine does not draw it (a dumb terminal). */
    static String continuation(int line) {
        String prompt = line + "> ";
        return ".".repeat(Math.max(0, PRIMARY.length() - prompt.length())) + prompt;
    }
}
