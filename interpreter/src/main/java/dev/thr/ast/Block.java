package dev.thr.ast;

import dev.thr.diag.Span;
import java.util.List;

public record Block(Span span, List<Stmt> statements) implements Node {}
