package dev.thr.runtime;

import dev.thr.diag.Span;

/**
 * A sync object as reports name it: `lock a (line 3)`. The name comes from the variable it was
 * first assigned to, the line from the call that made it; without a name, a number tells
 * objects apart (`lock #4 (line 3)`).
 */
public interface Named {
    /** Names it after a variable, unless it has a name already (the first name sticks). */
    void suggestName(String name);

    /** Records where it was made and its fallback number; called once, by the builtin that made it. */
    void born(Span site, long number);

    /** `lock a (line 3)`, with the line given as `where` renders it. */
    String describe(java.util.function.Function<Span, String> where);
}
