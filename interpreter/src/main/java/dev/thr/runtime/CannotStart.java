package dev.thr.runtime;

/**
 * A thread could not be made or started: the operating system has no more threads to give
 * (the JVM's "unable to create native thread"), or a host's thread factory refused. The
 * program gets Python's RuntimeError, "can't start new thread", where it started it.
 */
public final class CannotStart extends RuntimeException {
    public CannotStart(String reason) {
        super(reason, null, false, false);
    }
}
