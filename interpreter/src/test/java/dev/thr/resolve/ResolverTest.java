package dev.thr.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.ast.Expr;
import dev.thr.ast.Program;
import dev.thr.ast.Stmt;
import dev.thr.diag.Source;
import dev.thr.syntax.Parsing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolverTest {
    private final GlobalTable globals = new GlobalTable();

    Resolver.Result resolve(String code) {
        Program p = Parsing.parse(new Source("t.thr", code)).program();
        return new Resolver(globals, Set.of(), name -> Set.of("print", "len", "range").contains(name)).resolve(p);
    }

    static List<String> messages(Resolver.Result r) {
        List<String> out = new ArrayList<>();
        r.diagnostics().forEach(d -> out.add(d.span().where() + " " + d.message()));
        return out;
    }

    /** Every Name node in the program, in source order. */
    static List<Expr.Name> names(String code) {
        List<Expr.Name> out = new ArrayList<>();
        collect(Parsing.parse(new Source("t.thr", code)).program(), out);
        return out;
    }

    private static void collect(Object node, List<Expr.Name> out) {
        if (node instanceof Expr.Name n) out.add(n);
        if (node instanceof List<?> l) l.forEach(x -> collect(x, out));
        if (node != null && node.getClass().isRecord()) {
            for (var c : node.getClass().getRecordComponents()) {
                try {
                    collect(c.getAccessor().invoke(node), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void assignmentInAFunctionMakesALocal() {
        String code = "x = 1\nfn f() { x = 2\n return x }";
        Program p = Parsing.parse(new Source("t.thr", code)).program();
        var r = new Resolver(globals, Set.of(), n -> false).resolve(p);
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics()::toString);
        var fn = ((Stmt.FnDecl) p.statements().get(1)).function();
        var ret = (Stmt.Return) fn.body().statements().get(1);
        assertInstanceOf(VarRef.Local.class, r.resolution().ref(ret.value()));
        var top = (Stmt.Assign) p.statements().get(0);
        assertInstanceOf(VarRef.Global.class, r.resolution().ref(top.targets().get(0)));
    }

    @Test
    void globalDeclarationWritesTheModuleVariable() {
        String code = "counter = 0\nfn bump() { global counter\n counter += 1 }";
        Program p = Parsing.parse(new Source("t.thr", code)).program();
        var r = new Resolver(globals, Set.of(), n -> false).resolve(p);
        var fn = ((Stmt.FnDecl) p.statements().get(1)).function();
        var assign = (Stmt.Assign) fn.body().statements().get(1);
        assertEquals(new VarRef.Global("counter", globals.index("counter")), r.resolution().ref(assign.targets().get(0)));
    }

    @Test
    void closuresSeeEnclosingLocalsAndMarkThemCaptured() {
        String code = "fn outer() { n = 0\n inc = fn() { nonlocal n\n n += 1 }\n inc()\n return n }";
        Program p = Parsing.parse(new Source("t.thr", code)).program();
        var r = new Resolver(globals, Set.of(), n -> false).resolve(p);
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics()::toString);
        var outer = ((Stmt.FnDecl) p.statements().get(0)).function();
        var ret = (Stmt.Return) outer.body().statements().get(3);
        var ref = (VarRef.Local) r.resolution().ref(ret.value());
        assertEquals(0, ref.depth());
        assertTrue(ref.info().captured(), "n is shared with a closure, possibly on another thread");
    }

    @Test
    void equalNameNodesInDifferentScopesResolveApart() {
        String code = "fn a(x) { return x }\nfn b(y, x) { return x }";
        Program p = Parsing.parse(new Source("t.thr", code)).program();
        var r = new Resolver(globals, Set.of(), n -> false).resolve(p);
        var xa = ((Stmt.Return) ((Stmt.FnDecl) p.statements().get(0)).function().body().statements().get(0)).value();
        var xb = ((Stmt.Return) ((Stmt.FnDecl) p.statements().get(1)).function().body().statements().get(0)).value();
        assertNotSame(xa, xb);
        assertEquals(0, ((VarRef.Local) r.resolution().ref(xa)).slot());
        assertEquals(1, ((VarRef.Local) r.resolution().ref(xb)).slot());
    }

    @Test
    void builtinsResolveUnlessShadowed() {
        var r = resolve("print len(\"abc\")");
        assertTrue(r.diagnostics().isEmpty());
        assertEquals(List.of(), messages(resolve("len = 3\nprint len")));
    }

    @Test
    void unknownNamesAreReportedWithPositions() {
        assertEquals(List.of("t.thr:1:7 unknown name 'undefined'", "t.thr:2:14 unknown name 'y'"),
                messages(resolve("print undefined\nfn f() { x = y }")));
    }

    @Test
    void aGlobalAssignedOnlyInAFunctionIsKnown() {
        assertEquals(List.of(), messages(resolve("fn init() { global ready\n ready = true }\ninit()\nprint ready")));
    }

    @Test
    void controlFlowOutsideItsPlaceIsAnError() {
        assertEquals(List.of("t.thr:1:1 'break' outside a loop", "t.thr:2:1 'return' outside a function",
                "t.thr:3:10 'continue' outside a loop"),
                messages(resolve("break\nreturn 1\nfn f() { continue }")));
    }

    @Test
    void loopInsideFunctionInsideLoop() {
        assertEquals(List.of("t.thr:1:32 'break' outside a loop"),
                messages(resolve("while true { f = fn() { x = 1; break } }")));
    }

    @Test
    void nonlocalNeedsAnEnclosingFunctionVariable() {
        assertEquals(List.of("t.thr:1:10 no enclosing function has a variable 'n' for 'nonlocal'"),
                messages(resolve("fn f() { nonlocal n\n n = 1 }")));
    }

    @Test
    void comprehensionVariablesAreLocalToTheFunction() {
        assertEquals(List.of(), messages(resolve("fn f(xs) { return [x * 2 for x in xs] }")));
        assertEquals(List.of(), messages(resolve("fn f(xs) { print [x for x in xs] }")));
    }
}
