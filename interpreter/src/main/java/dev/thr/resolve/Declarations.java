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
            if (s instanceof Stmt.FnDecl d) assigned.add(d.function().name());
            else if (s instanceof Stmt.Assign a) a.targets().forEach(t -> target(t, assigned));
            else if (s instanceof Stmt.Del d) d.targets().forEach(t -> target(t, assigned)); // as in Python: del makes a name local
            else if (s instanceof Stmt.For f) {
                f.targets().forEach(t -> target(t, assigned));
                block(f.body(), assigned, globals, nonlocals);
            } else if (s instanceof Stmt.If i) {
                i.bodies().forEach(b -> block(b, assigned, globals, nonlocals));
                block(i.orElse(), assigned, globals, nonlocals);
            } else if (s instanceof Stmt.While w) block(w.body(), assigned, globals, nonlocals);
            else if (s instanceof Stmt.With w) block(w.body(), assigned, globals, nonlocals);
            else if (s instanceof Stmt.Try t) {
                block(t.body(), assigned, globals, nonlocals);
                for (CatchClause c : t.catches()) {
                    if (c.binding() != null) assigned.add(c.binding());
                    block(c.body(), assigned, globals, nonlocals);
                }
                block(t.fin(), assigned, globals, nonlocals);
            } else if (s instanceof Stmt.Global g) globals.addAll(g.names());
            else if (s instanceof Stmt.Nonlocal n) nonlocals.addAll(n.names());
        }
    }

    /** `global x` anywhere in the program makes x a module variable, even if only a function assigns it. */
    static void collectGlobalDeclarations(List<Stmt> statements, Set<String> into) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Global g) into.addAll(g.names());
            else if (s instanceof Stmt.FnDecl d) collectGlobalDeclarations(d.function().body().statements(), into);
            else if (s instanceof Stmt.If i) {
                i.bodies().forEach(b -> collectGlobalDeclarations(b.statements(), into));
                if (i.orElse() != null) collectGlobalDeclarations(i.orElse().statements(), into);
            } else if (s instanceof Stmt.While w) collectGlobalDeclarations(w.body().statements(), into);
            else if (s instanceof Stmt.For f) collectGlobalDeclarations(f.body().statements(), into);
            else if (s instanceof Stmt.With w) collectGlobalDeclarations(w.body().statements(), into);
            else if (s instanceof Stmt.Try t) {
                collectGlobalDeclarations(t.body().statements(), into);
                t.catches().forEach(c -> collectGlobalDeclarations(c.body().statements(), into));
                if (t.fin() != null) collectGlobalDeclarations(t.fin().statements(), into);
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
