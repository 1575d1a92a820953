package dev.thr.resolve;

import dev.thr.ast.Arg;
import dev.thr.ast.Block;
import dev.thr.ast.CatchClause;
import dev.thr.ast.Expr;
import dev.thr.ast.FunctionDef;
import dev.thr.ast.Node;
import dev.thr.ast.Param;
import dev.thr.ast.Program;
import dev.thr.ast.Stmt;
import dev.thr.diag.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides where every name lives before anything runs, Python's way: a name assigned in a
 * function is local to it unless declared `global` or `nonlocal`; other names are looked up in
 * the enclosing functions, then the module, then the builtins. A name found nowhere is an error
 * here, before any thread starts, not a surprise at run time.
 */
public final class Resolver {
    private final GlobalTable globals;
    private final Predicate<String> isBuiltin;
    /** Module variables this program assigns (or declares global); with `defined`, the names a read may use. */
    private final Set<String> assignedGlobals = new HashSet<>();
    /** Names already holding a value before this program (earlier snippets, host globals). */
    private final Predicate<String> defined;
    private boolean interactive;
    private final Resolution result = new Resolution();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Expr.Name> globalReads = new ArrayList<>();
    private Scope scope;
    private int loopDepth;

    /** One function's (or the module's) names. */
    private static final class Scope {
        final Scope parent;
        final boolean function;
        final Map<String, Integer> locals = new HashMap<>();
        final List<VarRef.SlotInfo> infos = new ArrayList<>();
        final Set<String> globalNames = new HashSet<>();
        final Set<String> nonlocalNames = new HashSet<>();
        /** `nonlocal` names with no enclosing variable: reported at the statement, then treated as locals. */
        final Set<String> badNonlocals = new HashSet<>();

        Scope(Scope parent, boolean function) {
            this.parent = parent;
            this.function = function;
        }

        void declare(String name) {
            if (locals.containsKey(name) || globalNames.contains(name) || nonlocalNames.contains(name)) return;
            locals.put(name, infos.size());
            infos.add(new VarRef.SlotInfo());
        }
    }

    /**
     * @param globals the engine's module variables, added to as the program assigns new ones
     * @param defined names already holding a value (earlier snippets, host globals)
     */
    public Resolver(GlobalTable globals, Set<String> defined, Predicate<String> isBuiltin) {
        this(globals, (Predicate<String>) defined::contains, isBuiltin);
    }

    /**
     * @param defined whether a name already holds a value: asked per name read, so that a
     *     session of thousands of snippets does not gather every name for each one
     */
    public Resolver(GlobalTable globals, Predicate<String> defined, Predicate<String> isBuiltin) {
        this.globals = globals;
        this.isBuiltin = isBuiltin;
        this.defined = defined;
    }

    public record Result(Resolution resolution, List<Diagnostic> diagnostics) {}

    /**
     * For a REPL: a name no code assigns yet is taken as a module variable a later snippet may
     * define (`fn f() { return g() }` before `fn g`), checked when it runs instead of now.
     */
    public Resolver interactive() {
        this.interactive = true;
        return this;
    }

    public Result resolve(Program program) {
        scope = new Scope(null, false);
        Set<String> moduleNames = new HashSet<>();
        Declarations.collect(program.statements(), moduleNames, new HashSet<>(), new HashSet<>());
        Declarations.collectGlobalDeclarations(program.statements(), moduleNames);
        for (String name : moduleNames) {
            globals.index(name);
            assignedGlobals.add(name);
        }
        statements(program.statements());
        result.moduleSlots = scope.infos.size();
        for (Expr.Name read : globalReads) {
            if (assignedGlobals.contains(read.name()) || defined.test(read.name())) continue;
            if (interactive) result.undefined.add(read);
            else error(read, "unknown name '" + read.name() + "'" + PythonWords.hint(read.name()));
        }
        return new Result(result, List.copyOf(diagnostics));
    }

    private void statements(List<Stmt> list) {
        for (Stmt s : list) statement(s);
    }

    private void block(Block b) {
        if (b != null) statements(b.statements());
    }

    /** The statement entered last: where to point should an expression be too deep to walk. */
    private dev.thr.diag.Span lastStatement;

    public dev.thr.diag.Span lastStatement() { return lastStatement; }

    private void statement(Stmt s) {
        lastStatement = s.span();
        s.accept(statementResolver);
    }

    private final Stmt.Visitor<Void> statementResolver = new Stmt.Visitor<>() {
        public Void visitFnDecl(Stmt.FnDecl d) {
            result.refs.put(d, bind(d.function().name(), d));
            function(d.function());
            return null;
        }

        public Void visitIf(Stmt.If i) {
            i.conditions().forEach(Resolver.this::expr);
            i.bodies().forEach(Resolver.this::block);
            block(i.orElse());
            return null;
        }

        public Void visitWhile(Stmt.While w) {
            expr(w.condition());
            loop(w.body());
            return null;
        }

        public Void visitFor(Stmt.For f) {
            expr(f.iterable());
            f.targets().forEach(Resolver.this::target);
            loop(f.body());
            return null;
        }

        public Void visitTry(Stmt.Try t) {
            block(t.body());
            for (CatchClause c : t.catches()) {
                if (c.binding() != null) result.refs.put(c, bind(c.binding(), c));
                block(c.body());
            }
            block(t.fin());
            return null;
        }

        public Void visitWith(Stmt.With w) {
            expr(w.subject());
            block(w.body());
            return null;
        }

        public Void visitReturn(Stmt.Return r) {
            if (!scope.function) error(r, "'return' outside a function");
            if (r.value() != null) expr(r.value());
            return null;
        }

        public Void visitBreak(Stmt.Break b) {
            if (loopDepth == 0) error(b, "'break' outside a loop");
            return null;
        }

        public Void visitContinue(Stmt.Continue c) {
            if (loopDepth == 0) error(c, "'continue' outside a loop");
            return null;
        }

        public Void visitRaise(Stmt.Raise r) {
            if (r.value() != null) expr(r.value());
            return null;
        }

        public Void visitAssert(Stmt.Assert a) {
            expr(a.condition());
            if (a.message() != null) expr(a.message());
            return null;
        }

        public Void visitPrint(Stmt.Print p) {
            for (Arg a : p.args()) expr(a.value());
            return null;
        }

        public Void visitSleep(Stmt.Sleep z) {
            expr(z.seconds());
            return null;
        }

        public Void visitJoin(Stmt.Join j) {
            j.threads().forEach(Resolver.this::expr);
            return null;
        }

        public Void visitGlobal(Stmt.Global g) { return null; }

        public Void visitNonlocal(Stmt.Nonlocal n) {
            if (!scope.function) error(n, "'nonlocal' outside a function");
            for (String name : n.names()) {
                if (scope.badNonlocals.contains(name)) error(n, "no enclosing function has a variable '" + name + "' for 'nonlocal'");
            }
            return null;
        }

        public Void visitAssign(Stmt.Assign a) {
            expr(a.value());
            for (Expr t : a.targets()) {
                if (!a.op().equals("=") && t instanceof Expr.Name n) expr(n);
                target(t);
            }
            return null;
        }

        public Void visitExprStmt(Stmt.ExprStmt e) {
            expr(e.expr());
            return null;
        }

        public Void visitDel(Stmt.Del d) {
            for (Expr t : d.targets()) {
                if (t instanceof Expr.Name n) result.refs.put(n, bind(n.name(), n));
                else expr(t);
            }
            return null;
        }
    };

    private void loop(Block body) {
        loopDepth++;
        block(body);
        loopDepth--;
    }

    private void target(Expr t) {
        if (t instanceof Expr.Name n) result.refs.put(n, bind(n.name(), n));
        else if (t instanceof Expr.Index i) {
            expr(i.target());
            expr(i.index());
        } else if (t instanceof Expr.Member m) expr(m.target());
        else error(t, "cannot assign to this");
    }

    private void function(FunctionDef f) {
        for (Param p : f.params()) {
            if (p.defaultValue() != null) expr(p.defaultValue());
        }
        Scope outer = scope;
        int outerLoops = loopDepth;
        scope = new Scope(outer, true);
        loopDepth = 0;
        for (Param p : f.params()) scope.declare(p.name());
        Set<String> assigned = new HashSet<>();
        Declarations.collect(f.body().statements(), assigned, scope.globalNames, scope.nonlocalNames);
        for (String n : scope.nonlocalNames) {
            if (lookupEnclosing(n, outer) == null) scope.badNonlocals.add(n);
        }
        scope.nonlocalNames.removeAll(scope.badNonlocals);
        for (String n : scope.globalNames) {
            globals.index(n);
            assignedGlobals.add(n);
        }
        for (String n : assigned) scope.declare(n);
        block(f.body());
        result.layouts.put(f, new Resolution.Layout(scope.infos.size(), scope.infos.toArray(new VarRef.SlotInfo[0])));
        scope = outer;
        loopDepth = outerLoops;
    }

    /** The variable an assignment in the current scope writes. */
    private VarRef bind(String name, Node at) {
        if (!scope.function && scope.locals.containsKey(name)) return lookupEnclosing(name, scope);
        if (!scope.function || scope.globalNames.contains(name)) {
            assignedGlobals.add(name);
            return new VarRef.Global(name, globals.index(name));
        }
        return lookup(name, at);
    }

    private VarRef lookup(String name, Node at) {
        VarRef local = lookupEnclosing(name, scope);
        if (local != null) return local;
        if (globals.has(name) || !isBuiltin.test(name)) {
            if (at instanceof Expr.Name n) globalReads.add(n);
            return new VarRef.Global(name, globals.index(name));
        }
        return new VarRef.Builtin(name);
    }

    /** Functions' variables, innermost first; the module scope holds only comprehension variables. */
    private VarRef lookupEnclosing(String name, Scope from) {
        int depth = 0;
        for (Scope s = from; s != null; s = s.parent, depth++) {
            if (s.globalNames.contains(name)) return null;
            Integer slot = s.locals.get(name);
            if (slot != null) {
                VarRef.SlotInfo info = s.infos.get(slot);
                if (depth > 0) info.markCaptured();
                return new VarRef.Local(name, depth, slot, info);
            }
            if (!s.function) break;
        }
        return null;
    }

    private void expr(Expr e) {
        e.accept(exprResolver);
    }

    private void exprs(List<Expr> list) {
        for (Expr e : list) e.accept(exprResolver);
    }

    private final Expr.Visitor<Void> exprResolver = new Expr.Visitor<>() {
        public Void visitName(Expr.Name n) {
            result.refs.put(n, lookup(n.name(), n));
            return null;
        }

        public Void visitIntLit(Expr.IntLit l) { return null; }

        public Void visitFloatLit(Expr.FloatLit l) { return null; }

        public Void visitStringLit(Expr.StringLit l) { return null; }

        public Void visitBoolLit(Expr.BoolLit l) { return null; }

        public Void visitNilLit(Expr.NilLit l) { return null; }

        public Void visitInterpolation(Expr.Interpolation i) {
            for (Expr.Part p : i.parts()) if (p instanceof Expr.Hole h) expr(h.expr());
            return null;
        }

        public Void visitListLit(Expr.ListLit l) {
            exprs(l.elements());
            return null;
        }

        public Void visitSetLit(Expr.SetLit l) {
            exprs(l.elements());
            return null;
        }

        public Void visitMapLit(Expr.MapLit m) {
            exprs(m.keys());
            exprs(m.values());
            return null;
        }

        public Void visitListComp(Expr.ListComp c) {
            comprehension(c);
            return null;
        }

        public Void visitLambda(Expr.Lambda l) {
            function(l.function());
            return null;
        }

        public Void visitCall(Expr.Call c) {
            expr(c.callee());
            for (Arg a : c.args()) expr(a.value());
            return null;
        }

        public Void visitIndex(Expr.Index i) {
            expr(i.target());
            expr(i.index());
            return null;
        }

        public Void visitSlice(Expr.Slice s) {
            expr(s.target());
            for (Expr x : new Expr[] {s.lo(), s.hi(), s.step()}) if (x != null) expr(x);
            return null;
        }

        public Void visitMember(Expr.Member m) {
            expr(m.target());
            return null;
        }

        public Void visitSpawn(Expr.Spawn s) {
            expr(s.call());
            return null;
        }

        public Void visitBinary(Expr.Binary b) {
            expr(b.left());
            expr(b.right());
            return null;
        }

        public Void visitCompare(Expr.Compare c) {
            exprs(c.operands());
            return null;
        }

        public Void visitUnary(Expr.Unary u) {
            expr(u.operand());
            return null;
        }

        public Void visitLogical(Expr.Logical l) {
            expr(l.left());
            expr(l.right());
            return null;
        }

        public Void visitIn(Expr.In i) {
            expr(i.item());
            expr(i.container());
            return null;
        }

        public Void visitConditional(Expr.Conditional c) {
            expr(c.cond());
            expr(c.then());
            expr(c.orElse());
            return null;
        }
    };

    /**
     * A comprehension's variables are its own, as in Python 3: fresh slots in the current
     * frame (the module's frame at top level), visible only inside it. The iterable is
     * evaluated outside, so `[x for x in x]` reads the outer x.
     */
    private void comprehension(Expr.ListComp c) {
        Map<String, Integer> hidden = new HashMap<>();
        for (Expr.CompFor clause : c.clauses()) {
            // the first iterable is read outside; later ones see the earlier clauses' variables
            expr(clause.iterable());
            for (Expr t : clause.targets()) {
                if (!(t instanceof Expr.Name n) || hidden.containsKey(n.name())) continue;
                hidden.put(n.name(), scope.locals.get(n.name()));
                scope.locals.put(n.name(), scope.infos.size());
                scope.infos.add(new VarRef.SlotInfo());
            }
            clause.targets().forEach(this::target);
            clause.filters().forEach(this::expr);
        }
        if (c.key() != null) expr(c.key());
        expr(c.element());
        hidden.forEach((name, previous) -> {
            if (previous == null) scope.locals.remove(name);
            else scope.locals.put(name, previous);
        });
    }

    private void error(Node at, String message) {
        diagnostics.add(new Diagnostic(at.span(), message));
    }
}
