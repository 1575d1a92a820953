package dev.thr.runtime;

/** What a thr thread is doing, as `t.state` shows it. */
public enum ThreadState {
    NEW, RUNNABLE, BLOCKED, WAITING, SLEEPING, TERMINATED;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
