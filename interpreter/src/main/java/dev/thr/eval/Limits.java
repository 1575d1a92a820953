package dev.thr.eval;

/**
 * Caps a host may set on what a program does; 0 means no cap. Going over one is a LimitError
 * in the program, never a crash of the host.
 *
 * @param liveThreads threads running at once (the main program not counted)
 * @param totalThreads threads started over the engine's life
 * @param queueSize items one queue may hold, whatever maxsize it was made with
 * @param outputChars characters `print` may write in all
 * @param timeoutNanos wall-clock time one run may take, its threads included
 */
public record Limits(int liveThreads, long totalThreads, long queueSize, long outputChars, long timeoutNanos) {
    public static final Limits NONE = new Limits(0, 0, 0, 0, 0);

    public static dev.thr.value.ThrError exceeded(String what) {
        return new dev.thr.value.ThrError("LimitError", what);
    }
}
