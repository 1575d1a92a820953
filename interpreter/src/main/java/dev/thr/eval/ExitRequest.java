package dev.thr.eval;

/**
 * Thrown by `exit(code)`: the run ends with that status once its other threads have, as
 * Python's SystemExit. `catch` does not stop it (a program asked to end), `finally` blocks run
 * on its way out; in a thread other than the main one it ends that thread only, quietly.
 */
public final class ExitRequest extends RuntimeException {
    private final int status;

    public ExitRequest(int status) {
        super("exit", null, false, false);
        this.status = status;
    }

    public int status() { return status; }
}
