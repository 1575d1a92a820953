package dev.thr.syntax;

import dev.thr.ast.Program;
import dev.thr.diag.Diagnostic;
import java.util.List;

/**
 * What the parser made of a source. When diagnostics is not empty the program must not run;
 * incomplete is true when every error is at the end of the input (an open brace, an unclosed
 * string, a trailing operator), which the REPL reads as "ask for another line".
 */
public record ParseResult(Program program, List<Diagnostic> diagnostics, boolean incomplete) {
    public boolean ok() { return diagnostics.isEmpty(); }
}
