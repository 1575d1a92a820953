package dev.thr.eval;

import dev.thr.ast.Arg;
import dev.thr.ast.Block;
import dev.thr.ast.CatchClause;
import dev.thr.ast.Expr;
import dev.thr.ast.FunctionDef;
import dev.thr.ast.Node;
import dev.thr.ast.Param;
import dev.thr.ast.Program;
import dev.thr.ast.Stmt;
import dev.thr.diag.Span;
import dev.thr.resolve.Resolution;
import dev.thr.resolve.VarRef;
import dev.thr.runtime.Access;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the resolved AST into a tree of executable nodes, once. After this nothing looks a
 * name up or walks the AST again: every node holds its slot, its operator and its children.
 */
public final class Compiler {
    private final Resolution resolution;
    private final Library library;
    /** Scheduling points at every access to shared state, for a simulated engine (see VarNodes.Point). */
    private final boolean points;
    /** Which tier runs the code: the closure tree alone, or bytecode compiled from it (see Bytecode). */
    private final Tier tier;

    public Compiler(Resolution resolution, Library library) {
        this(resolution, library, false, Tier.TREE);
    }

    public Compiler(Resolution resolution, Library library, boolean points, Tier tier) {
        this.resolution = resolution;
        this.library = library;
        this.points = points;
        this.tier = tier;
    }

    private ExprNode point(ExprNode read) {
        return point(read, access("reads", read.span));
    }

    private ExprNode point(ExprNode read, Access access) {
        return points ? new VarNodes.Point(read, access) : read;
    }

    private VarNodes.Store point(VarNodes.Store write, Access access) {
        return points ? new VarNodes.PointStore(write, access) : write;
    }

    /** What a point does, in words a story of the run can use (only when points are compiled in). */
    private Access access(String verb, Span at) {
        return points ? access(verb, sourceText(at), at) : null;
    }

    /** An access to the module variable `name` (see Access.moduleVariable). */
    private Access global(String verb, String name, Span at) {
        return points ? new Access(verb, name, at, name) : null;
    }

    private Access access(String verb, Expr e) {
        return points ? access(verb, describe(e), e.span()) : null;
    }

    private static Access access(String verb, String text, Span at) {
        return new Access(verb, text.length() > 40 ? text.substring(0, 37) + "..." : text, at);
    }

    /** An operand as written (`forks[(i + 1) % 5]`, `self.count`, `q.get()`): an item's or a field's span is only its index's or name's. */
    private static String describe(Expr e) {
        if (e instanceof Expr.Name n) return n.name();
        if (e instanceof Expr.Member m) return describe(m.target()) + "." + m.name();
        if (e instanceof Expr.Index i) return describe(i.target()) + "[" + bracketed(i.index()) + "]";
        return sourceText(e.span());
    }

    /** What is between the brackets of an index whose expression is `index`, as written. */
    private static String bracketed(Expr index) {
        Span at = leftmost(index);
        String line = at.source().line(at.line());
        int start = Math.min(Math.max(0, at.column() - 1), line.length());
        // back to the `[` that opens it (the index may start with parentheses the AST does not keep)
        int open = start - 1, depth = 0;
        for (; open >= 0; open--) {
            char c = line.charAt(open);
            if (c == ')' || c == ']') depth++;
            else if (c == '(' && depth > 0) depth--;
            else if (c == '[') {
                if (depth == 0) break;
                depth--;
            }
        }
        if (open < 0) return sourceText(at);
        int close = open + 1;
        depth = 0;
        for (; close < line.length(); close++) {
            char c = line.charAt(close);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) break;
                depth--;
            }
        }
        return line.substring(open + 1, close);
    }

    /** Where an expression starts (an operator's span is the operator's, an item's the index's). */
    private static Span leftmost(Expr e) {
        if (e instanceof Expr.Index i) return leftmost(i.target());
        if (e instanceof Expr.Slice s) return leftmost(s.target());
        if (e instanceof Expr.Member m) return leftmost(m.target());
        if (e instanceof Expr.Call c) return leftmost(c.callee());
        if (e instanceof Expr.Binary b) return leftmost(b.left());
        if (e instanceof Expr.Compare c) return leftmost(c.operands().get(0));
        if (e instanceof Expr.Logical l) return leftmost(l.left());
        if (e instanceof Expr.In i) return leftmost(i.item());
        if (e instanceof Expr.Conditional c) return leftmost(c.then());
        return e.span();
    }

    /** The module's code, run as the main thread. */
    public CompiledProgram compile(Program program) {
        return compile(program, false);
    }

    /**
     * @param keepLastValue when the program ends with an expression, its value becomes the
     *     program's result (what a REPL echoes and a host's eval returns)
     */
    public CompiledProgram compile(Program program, boolean keepLastValue) {
        List<Stmt> list = program.statements();
        StmtNode[] out = new StmtNode[list.size()];
        for (int i = 0; i < out.length; i++) {
            Stmt s = list.get(i);
            out[i] = keepLastValue && i == out.length - 1 && s instanceof Stmt.ExprStmt e
                    ? new Stmts.Result(e.span(), expr(e.expr())) : statement(s);
        }
        StmtNode body = new Stmts.Block(Span.NONE, out);
        // the module's code is compiled before it runs only when everything is; else its hot loops are
        Bytecode.Compiled compiled = tier == Tier.BYTECODE ? Bytecode.compile("module", body, Bytecode.Unit.BLOCK) : null;
        return new CompiledProgram(compiled != null ? compiled.body() : body, resolution.moduleSlots());
    }

    private StmtNode block(Block b) {
        return statements(b.span(), b.statements());
    }

    private StmtNode statements(Span span, List<Stmt> list) {
        StmtNode[] out = new StmtNode[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = statement(list.get(i));
        return out.length == 1 ? out[0] : new Stmts.Block(span, out);
    }

    /** The statement entered last: where to point should an expression be too deep to compile. */
    private Span lastStatement;

    public Span lastStatement() { return lastStatement; }

    private StmtNode statement(Stmt s) {
        lastStatement = s.span();
        return s.accept(statementCompiler);
    }

    private final Stmt.Visitor<StmtNode> statementCompiler = new Stmt.Visitor<>() {
        public StmtNode visitFnDecl(Stmt.FnDecl d) {
            return new Stmts.Assign(d.span(), new Targets.Variable(store(d)), function(d.function()));
        }

        public StmtNode visitIf(Stmt.If i) {
            return new Control.If(i.span(), exprs(i.conditions()),
                    i.bodies().stream().map(Compiler.this::block).toArray(StmtNode[]::new), i.orElse() == null ? null : block(i.orElse()));
        }

        public StmtNode visitWhile(Stmt.While w) {
            return new Control.While(w.span(), expr(w.condition()), block(w.body()), Hot.of(tier, Hot.TURNS));
        }

        public StmtNode visitFor(Stmt.For f) {
            return new Control.For(f.span(), targets(f.targets(), f.span()), expr(f.iterable()), block(f.body()), Hot.of(tier, Hot.TURNS));
        }

        public StmtNode visitTry(Stmt.Try t) {
            return new Control.Try(t.span(), block(t.body()),
                    t.catches().stream().map(Compiler.this::catchClause).toArray(Control.Catch[]::new), t.fin() == null ? null : block(t.fin()));
        }

        public StmtNode visitWith(Stmt.With w) {
            return new Control.With(w.span(), expr(w.subject()), block(w.body()), access("takes", w.subject()), access("releases", w.subject()));
        }

        public StmtNode visitReturn(Stmt.Return r) {
            return new Stmts.Return(r.span(), r.value() == null ? null : expr(r.value()));
        }

        public StmtNode visitBreak(Stmt.Break b) { return new Stmts.Jump(b.span(), StmtNode.BREAK); }

        public StmtNode visitContinue(Stmt.Continue c) { return new Stmts.Jump(c.span(), StmtNode.CONTINUE); }

        public StmtNode visitRaise(Stmt.Raise r) {
            return new Stmts.Raise(r.span(), r.value() == null ? null : expr(r.value()));
        }

        public StmtNode visitAssert(Stmt.Assert a) {
            return new Stmts.Assert(a.span(), expr(a.condition()), a.message() == null ? null : expr(a.message()));
        }

        public StmtNode visitPrint(Stmt.Print p) { return print(p); }

        public StmtNode visitSleep(Stmt.Sleep z) { return new Stmts.Sleep(z.span(), expr(z.seconds())); }

        public StmtNode visitJoin(Stmt.Join j) {
            return new Stmts.Join(j.span(), exprs(j.threads()),
                    points ? j.threads().stream().map(t -> access("joins", t)).toArray(Access[]::new) : null);
        }

        public StmtNode visitGlobal(Stmt.Global g) { return new Stmts.Block(g.span(), new StmtNode[0]); }

        public StmtNode visitNonlocal(Stmt.Nonlocal n) { return new Stmts.Block(n.span(), new StmtNode[0]); }

        public StmtNode visitDel(Stmt.Del d) { return del(d); }

        public StmtNode visitAssign(Stmt.Assign a) { return assign(a); }

        public StmtNode visitExprStmt(Stmt.ExprStmt e) { return new Stmts.Eval(e.span(), expr(e.expr())); }
    };

    private StmtNode del(Stmt.Del d) {
        StmtNode[] out = new StmtNode[d.targets().size()];
        for (int i = 0; i < out.length; i++) out[i] = del(d, d.targets().get(i));
        return out.length == 1 ? out[0] : new Stmts.Block(d.span(), out);
    }

    private StmtNode del(Stmt.Del d, Expr t) {
        if (t instanceof Expr.Name n) {
            // the read is the scheduling point (and the NameError when there is no value)
            VarRef.Global g = resolution.ref(n) instanceof VarRef.Global global ? global : null;
            return new Deletes.Variable(n.span(),
                    g != null ? point(new VarNodes.GlobalGet(n.span(), g.index(), g.name(), false), global("reads", g.name(), n.span())) : name(n),
                    unpointed(n), g != null ? global("deletes", g.name(), n.span()) : access("deletes", n.span()));
        }
        if (t instanceof Expr.Index x) return new Deletes.Item(x.span(), expr(x.target()), expr(x.index()), access("deletes", x));
        if (t instanceof Expr.Slice x) {
            return new Deletes.Slice(x.span(), expr(x.target()), opt(x.lo()), opt(x.hi()), opt(x.step()),
                    points ? access("deletes", sourceText(x.span()), x.span()) : null);
        }
        throw new CompileError(d.span(), "del removes a variable, an item or a slice");
    }

    /** A variable's store without a scheduling point of its own. */
    private VarNodes.Store unpointed(Expr.Name n) {
        VarRef ref = resolution.ref(n);
        if (ref instanceof VarRef.Global g) return new VarNodes.GlobalSet(g.index());
        if (ref instanceof VarRef.Local l) return plain(l) ? new VarNodes.LocalSet(l.slot()) : new VarNodes.SharedSet(l.depth(), l.slot());
        throw new CompileError(n.span(), "cannot delete builtin '" + ref.name() + "'");
    }

    private StmtNode print(Stmt.Print p) {
        List<ExprNode> args = new ArrayList<>();
        List<Arg> positional = new ArrayList<>();
        ExprNode sep = null, end = null;
        for (Arg a : p.args()) {
            if (a.stars() == 2) throw new CompileError(a.span(), "print takes no **map: give sep= and end= by name");
            if (a.name() == null) {
                args.add(expr(a.value()));
                positional.add(a);
            }
            else if (a.name().equals("sep")) sep = expr(a.value());
            else if (a.name().equals("end")) end = expr(a.value());
            else if (a.name().equals("flush")) {
                // accepted for Python's sake: every print is flushed already
            }
            else throw new CompileError(a.span(), "print has no parameter named '" + a.name() + "' (it takes sep=, end= and flush=)");
        }
        ExprNode[] values = args.toArray(ExprNode[]::new);
        return new Stmts.Print(p.span(), values, spread(positional, values), sep, end, access("prints", p.span()));
    }

    private StmtNode assign(Stmt.Assign a) {
        Span at = a.span();
        ExprNode value = expr(a.value());
        if (a.op().equals("=")) return new Stmts.Assign(at, targets(a.targets(), at), naming(a, value));
        Ops.Binary op = Ops.operator(at, a.op().substring(0, a.op().length() - 1));
        Expr t = a.targets().get(0);
        if (t instanceof Expr.Name n) return new Stmts.AugVariable(at, expr(n), store(n), op, value);
        if (t instanceof Expr.Index i) return new Stmts.AugItem(at, expr(i.target()), expr(i.index()), op, value, access("writes", i));
        if (t instanceof Expr.Member m) return new Stmts.AugField(at, expr(m.target()), m.name(), op, value, access("writes", m));
        throw new CompileError(at, "cannot assign to this");
    }

    /**
     * A call or list assigned to a module variable or a field names the sync objects it makes
     * (see Exprs.Naming). Not a function's local: every lock a factory function makes would
     * get the same name, so those keep their numbers.
     */
    private ExprNode naming(Stmt.Assign a, ExprNode value) {
        if (a.targets().size() != 1) return value;
        Expr t = a.targets().get(0);
        String name = t instanceof Expr.Name n ? (resolution.ref(n) instanceof VarRef.Global ? n.name() : null)
                : t instanceof Expr.Member m ? sourceText(m.span()) : null;
        if (name == null) return value;
        if (a.value() instanceof Expr.Call) return new Exprs.Naming(value, name, false);
        if (a.value() instanceof Expr.ListLit || a.value() instanceof Expr.ListComp) return new Exprs.Naming(value, name, true);
        return value;
    }

    private static String sourceText(Span s) {
        String line = s.source().line(s.line());
        int from = Math.max(0, s.column() - 1);
        return line.substring(Math.min(from, line.length()), Math.min(from + s.length(), line.length()));
    }

    private Control.Catch catchClause(CatchClause c) {
        return new Control.Catch(c.kinds().toArray(String[]::new), c.binding() == null ? null : store(c), block(c.body()));
    }

    private Targets.Target targets(List<Expr> targets, Span at) {
        if (targets.size() == 1) return target(targets.get(0));
        return new Targets.Unpack(at, targets.stream().map(this::target).toArray(Targets.Target[]::new));
    }

    private Targets.Target target(Expr t) {
        if (t instanceof Expr.Name n) return new Targets.Variable(store(n));
        if (t instanceof Expr.Index i) {
            return points ? new Targets.Variable(point(itemStore(i), access("writes", i))) : new Targets.Item(i.span(), expr(i.target()), expr(i.index()));
        }
        if (t instanceof Expr.Member m) return new Targets.Field(m.span(), expr(m.target()), m.name());
        throw new CompileError(t.span(), "cannot assign to this");
    }

    /** `xs[i] = v` as a store, so a point can go before it. */
    private VarNodes.Store itemStore(Expr.Index i) {
        Targets.Item item = new Targets.Item(i.span(), expr(i.target()), expr(i.index()));
        return item::assign;
    }

    private VarNodes.Store store(Node n) {
        VarRef ref = resolution.ref(n);
        if (ref instanceof VarRef.Global g) return point(new VarNodes.GlobalSet(g.index()), global("writes", g.name(), n.span()));
        if (ref instanceof VarRef.Local l) {
            return plain(l) ? new VarNodes.LocalSet(l.slot()) : point(new VarNodes.SharedSet(l.depth(), l.slot()), access("writes", n.span()));
        }
        throw new CompileError(n.span(), "cannot assign to builtin '" + ref.name() + "'");
    }

    /** A local of this very frame that no closure captures: kept in the frame's own slots, no scheduling point. */
    private static boolean plain(VarRef.Local l) {
        return l.depth() == 0 && !l.info().captured();
    }

    private ExprNode[] exprs(List<Expr> list) {
        ExprNode[] out = new ExprNode[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = expr(list.get(i));
        return out;
    }

    private ExprNode expr(Expr e) {
        return e.accept(exprCompiler);
    }

    private final Expr.Visitor<ExprNode> exprCompiler = new Expr.Visitor<>() {
        public ExprNode visitIntLit(Expr.IntLit l) { return new Exprs.Const(l.span(), l.value()); }

        public ExprNode visitFloatLit(Expr.FloatLit l) { return new Exprs.Const(l.span(), l.value()); }

        public ExprNode visitStringLit(Expr.StringLit l) { return new Exprs.Const(l.span(), l.value()); }

        public ExprNode visitBoolLit(Expr.BoolLit l) { return new Exprs.Const(l.span(), l.value()); }

        public ExprNode visitNilLit(Expr.NilLit l) { return new Exprs.Const(l.span(), null); }

        public ExprNode visitInterpolation(Expr.Interpolation i) {
            return new Exprs.Interpolation(i.span(), i.parts().stream()
                    .map(p -> p instanceof Expr.Hole h ? new Exprs.Interpolation.Hole(expr(h.expr()), h.spec()) : ((Expr.Text) p).text())
                    .toArray());
        }

        public ExprNode visitName(Expr.Name n) { return name(n); }

        public ExprNode visitListLit(Expr.ListLit l) { return new Exprs.ListLit(l.span(), exprs(l.elements())); }

        public ExprNode visitMapLit(Expr.MapLit m) { return new Exprs.MapLit(m.span(), exprs(m.keys()), exprs(m.values())); }

        public ExprNode visitSetLit(Expr.SetLit l) { return new Exprs.SetLit(l.span(), exprs(l.elements())); }

        public ExprNode visitListComp(Expr.ListComp c) {
            Span at = c.span();
            return new Exprs.ListComp(at, c.kind() == Expr.ListComp.Kind.SET, opt(c.key()), expr(c.element()), c.clauses().stream()
                    .map(k -> new Exprs.ListComp.Clause(targets(k.targets(), at), expr(k.iterable()), exprs(k.filters())))
                    .toArray(Exprs.ListComp.Clause[]::new));
        }

        public ExprNode visitLambda(Expr.Lambda l) { return function(l.function()); }

        public ExprNode visitCall(Expr.Call c) { return call(c); }

        public ExprNode visitIndex(Expr.Index i) {
            return point(new Exprs.Index(i.span(), expr(i.target()), expr(i.index())), access("reads", i));
        }

        public ExprNode visitSlice(Expr.Slice s) {
            return new Exprs.Slice(s.span(), expr(s.target()), opt(s.lo()), opt(s.hi()), opt(s.step()));
        }

        public ExprNode visitMember(Expr.Member m) {
            return point(new Exprs.Member(m.span(), expr(m.target()), m.name()), access("reads", m));
        }

        public ExprNode visitSpawn(Expr.Spawn s) {
            Expr.Call call = s.call();
            ExprNode[] args = args(call.args());
            return new Calls.Spawn(s.span(), expr(call.callee()), args, names(call.args()), spread(call.args(), args), access("spawns", call));
        }

        public ExprNode visitBinary(Expr.Binary b) { return Ops.binary(b.span(), b.op(), expr(b.left()), expr(b.right())); }

        public ExprNode visitCompare(Expr.Compare c) {
            return new Ops.Chain(c.span(), c.ops().stream().map(op -> Ops.operator(c.span(), op)).toArray(Ops.Binary[]::new),
                    exprs(c.operands()));
        }

        public ExprNode visitUnary(Expr.Unary u) { return new Ops.Unary(u.span(), u.op(), expr(u.operand())); }

        public ExprNode visitLogical(Expr.Logical l) { return new Ops.Logical(l.span(), l.isAnd(), expr(l.left()), expr(l.right())); }

        public ExprNode visitIn(Expr.In i) { return new Ops.In(i.span(), i.negated(), expr(i.item()), expr(i.container())); }

        public ExprNode visitConditional(Expr.Conditional c) {
            return new Exprs.Conditional(c.span(), expr(c.cond()), expr(c.then()), expr(c.orElse()));
        }
    };

    private ExprNode opt(Expr e) {
        return e == null ? null : expr(e);
    }

    private ExprNode name(Expr.Name n) {
        VarRef ref = resolution.ref(n);
        if (ref instanceof VarRef.Global g) {
            ExprNode get = library.isBuiltin(g.name()) ? new VarNodes.GlobalOrBuiltinGet(n.span(), g.index(), library.builtin(g.name()))
                    : new VarNodes.GlobalGet(n.span(), g.index(), g.name(), resolution.undefined(n));
            return point(get, global("reads", g.name(), n.span()));
        }
        if (ref instanceof VarRef.Local l) {
            return plain(l) ? new VarNodes.LocalGet(n.span(), l.slot(), l.name(), hint(l))
                    : point(new VarNodes.SharedGet(n.span(), l.depth(), l.slot(), l.name(), hint(l)));
        }
        return new Exprs.Const(n.span(), library.builtin(ref.name()));
    }

    private String hint(VarRef.Local l) {
        return library.isBuiltin(l.name()) ? VarNodes.hidesBuiltin(l.name()) : "";
    }

    private ExprNode call(Expr.Call c) {
        if (c.callee() instanceof Expr.Member m) {
            ExprNode target = expr(m.target());
            ExprNode[] args = args(c.args());
            return point(new Calls.MethodCall(c.span(), target, m.name(), args, names(c.args()), spread(c.args(), args)), access("calls", c));
        }
        ExprNode callee = expr(c.callee());
        ExprNode[] args = args(c.args());
        return new Calls.Call(c.span(), callee, args, names(c.args()), spread(c.args(), args));
    }

    /** For a call with `*xs` or `**m`: how to spread them; null for the usual call. */
    private static Spread spread(List<Arg> args, ExprNode[] values) {
        if (args.stream().allMatch(a -> a.stars() == 0)) return null;
        return new Spread(values, args.stream().mapToInt(Arg::stars).toArray(), args.stream().map(Arg::name).toArray(String[]::new));
    }

    private ExprNode[] args(List<Arg> args) {
        return args.stream().map(a -> expr(a.value())).toArray(ExprNode[]::new);
    }

    private static String[] names(List<Arg> args) {
        String[] names = args.stream().filter(a -> a.name() != null).map(Arg::name).toArray(String[]::new);
        return names.length == 0 ? null : names;
    }

    private ExprNode function(FunctionDef f) {
        Resolution.Layout layout = resolution.layout(f);
        List<Param> params = f.params();
        ExprNode[] defaults = new ExprNode[params.size()];
        for (int i = 0; i < defaults.length; i++) {
            if (params.get(i).defaultValue() != null) defaults[i] = expr(params.get(i).defaultValue());
        }
        int rest = -1, named = -1;
        boolean bare = false;
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).stars() == 1 || params.get(i).stars() == 3) rest = i;
            if (params.get(i).stars() == 2) named = i;
            bare |= params.get(i).stars() == 3;
        }
        FunctionCode code = new FunctionCode(f.name(), params.stream().map(Param::name).toArray(String[]::new),
                defaults, rest, bare, named, layout.slots(), block(f.body()), f.span(), Hot.of(tier, Hot.CALLS));
        return new Exprs.MakeFunction(f.span(), code);
    }

    /** A problem only the compiler sees (rare: the resolver catches most). */
    public static final class CompileError extends RuntimeException {
        private final Span span;

        CompileError(Span span, String message) {
            super(message, null, false, false);
            this.span = span;
        }

        public Span span() { return span; }
    }
}
