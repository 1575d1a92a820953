package dev.thr.value;

/**
 * Thrown when a thread is interrupted (the program is being stopped). thr code cannot catch it:
 * a `catch e` around a loop must not keep a thread alive that its host or user wants stopped.
 */
public final class Cancelled extends RuntimeException {
    public Cancelled() {
        super("cancelled", null, false, false);
    }
}
