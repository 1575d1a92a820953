package dev.thr.api;

import java.util.List;

/**
 * A thr program failed: it did not parse, or an error escaped its main thread. The message is
 * the full report a person reads (position, source line with a caret, thr stack); the parts are
 * there for hosts that show errors their own way.
 */
public final class ThrException extends Exception {
    private final String kind;
    private final String detail;
    private final String file;
    private final int line;
    private final int column;
    private final List<String> trace;
    private final boolean syntax;

    /**
     * An error of the given kind, for a host function to raise in the script (`LookupError`,
     * `PermissionError`, ...): the script sees that kind and message.
     */
    public ThrException(String kind, String message) {
        this(kind + ": " + message + "\n", kind, message, null, 0, 0, List.of(), false);
    }

    ThrException(String report, String kind, String detail, String file, int line, int column, List<String> trace, boolean syntax) {
        super(report, null, false, false);
        this.kind = kind;
        this.detail = detail;
        this.file = file;
        this.line = line;
        this.column = column;
        this.trace = List.copyOf(trace);
        this.syntax = syntax;
    }

    /** "SyntaxError" for a program that did not parse, else the thr error's kind ("ValueError"). */
    public String kind() { return kind; }

    /** The error's own message, without position or trace. */
    public String detail() { return detail; }

    public String file() { return file; }

    /** 1-based; 0 when unknown. */
    public int line() { return line; }

    public int column() { return column; }

    /** The thr stack, innermost first, as "function (file:line:col)". */
    public List<String> trace() { return trace; }

    public boolean isSyntaxError() { return syntax; }
}
