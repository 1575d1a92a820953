package dev.thr.ast;

import dev.thr.diag.Span;
import java.util.List;

/** `catch K1 | K2 e { }`: kinds empty means any error; binding null means the error is not named. */
public record CatchClause(Span span, List<String> kinds, String binding, Block body) implements Node {}
