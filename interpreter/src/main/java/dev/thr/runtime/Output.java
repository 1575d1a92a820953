package dev.thr.runtime;

/**
 * Where print and error reports go. Each write is whole: lines from different threads never
 * interleave mid-line.
 */
public interface Output {
    void write(String text);

    /** An output over a Java writer, flushed after every write so a person watching sees it at once. */
    static Output of(java.io.Writer writer) {
        return text -> {
            synchronized (writer) {
                try {
                    writer.write(text);
                    writer.flush();
                } catch (java.io.IOException e) {
                    // A closed pipe (`thr x.thr | head`) must not turn into an error in every thread.
                }
            }
        };
    }
}
