package dev.thr.ast;

import java.util.List;

public record Program(List<Stmt> statements) {}
