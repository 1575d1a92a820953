package dev.thr.resolve;

import dev.thr.ast.Block;
import dev.thr.ast.CatchClause;
import dev.thr.ast.Expr;
import dev.thr.ast.Stmt;
import java.util.List;
import java.util.Set;

/** The names a block of code assigns, not looking inside nested functions: its local variables. */
final class Declarations {
    private Declarations() {}

    static void collect(List<Stmt> statements, Set<String> assigned, Set<String> globals, Set<String> nonlocals) {
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.FnDecl d -> assigned.add(d.function().name());
                case Stmt.Assign a -> a.targets().forEach(t -> target(t, assigned));
                case Stmt.Del d -> d.targets().forEach(t -> target(t, assigned)); // as in Python: del makes a name local
                case Stmt.For f -> {
                    f.targets().forEach(t -> target(t, assigned));
                    block(f.body(), assigned, globals, nonlocals);
                }
                case Stmt.If i -> {
                    i.bodies().forEach(b -> block(b, assigned, globals, nonlocals));
                    block(i.orElse(), assigned, globals, nonlocals);
                }
                case Stmt.While w -> block(w.body(), assigned, globals, nonlocals);
                case Stmt.With w -> block(w.body(), assigned, globals, nonlocals);
                case Stmt.Try t -> {
                    block(t.body(), assigned, globals, nonlocals);
                    for (CatchClause c : t.catches()) {
                        if (c.binding() != null) assigned.add(c.binding());
                        block(c.body(), assigned, globals, nonlocals);
                    }
                    block(t.fin(), assigned, globals, nonlocals);
                }
                case Stmt.Global g -> globals.addAll(g.names());
                case Stmt.Nonlocal n -> nonlocals.addAll(n.names());
                default -> { }
            }
        }
    }

    /** `global x` anywhere in the program makes x a module variable, even if only a function assigns it. */
    static void collectGlobalDeclarations(List<Stmt> statements, Set<String> into) {
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.Global g -> into.addAll(g.names());
                case Stmt.FnDecl d -> collectGlobalDeclarations(d.function().body().statements(), into);
                case Stmt.If i -> {
                    i.bodies().forEach(b -> collectGlobalDeclarations(b.statements(), into));
                    if (i.orElse() != null) collectGlobalDeclarations(i.orElse().statements(), into);
                }
                case Stmt.While w -> collectGlobalDeclarations(w.body().statements(), into);
                case Stmt.For f -> collectGlobalDeclarations(f.body().statements(), into);
                case Stmt.With w -> collectGlobalDeclarations(w.body().statements(), into);
                case Stmt.Try t -> {
                    collectGlobalDeclarations(t.body().statements(), into);
                    t.catches().forEach(c -> collectGlobalDeclarations(c.body().statements(), into));
                    if (t.fin() != null) collectGlobalDeclarations(t.fin().statements(), into);
                }
                default -> { }
            }
        }
    }

    private static void block(Block b, Set<String> assigned, Set<String> globals, Set<String> nonlocals) {
        if (b != null) collect(b.statements(), assigned, globals, nonlocals);
    }

    private static void target(Expr t, Set<String> assigned) {
        if (t instanceof Expr.Name n) assigned.add(n.name());
    }
}
