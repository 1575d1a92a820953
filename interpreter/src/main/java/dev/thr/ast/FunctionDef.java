package dev.thr.ast;

import dev.thr.diag.Span;
import java.util.List;

/** A named function or a lambda (name "<lambda>"); an arrow body is a block with one return. */
public record FunctionDef(Span span, String name, List<Param> params, Block body) implements Node {}
