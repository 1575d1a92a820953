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
        return switch (e) {
            case Expr.Name n -> n.name();
            case Expr.Member m -> describe(m.target()) + "." + m.name();
            case Expr.Index i -> describe(i.target()) + "[" + bracketed(i.index()) + "]";
            default -> sourceText(e.span());
        };
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
        return switch (e) {
            case Expr.Index i -> leftmost(i.target());
            case Expr.Slice s -> leftmost(s.target());
            case Expr.Member m -> leftmost(m.target());
            case Expr.Call c -> leftmost(c.callee());
            case Expr.Binary b -> leftmost(b.left());
            case Expr.Compare c -> leftmost(c.operands().get(0));
            case Expr.Logical l -> leftmost(l.left());
            case Expr.In i -> leftmost(i.item());
            case Expr.Conditional c -> leftmost(c.then());
            default -> e.span();
        };
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
        Span at = s.span();
        lastStatement = at;
        return switch (s) {
            case Stmt.FnDecl d -> new Stmts.Assign(at, new Targets.Variable(store(d)), function(d.function()));
            case Stmt.If i -> new Control.If(at, exprs(i.conditions()),
                    i.bodies().stream().map(this::block).toArray(StmtNode[]::new), i.orElse() == null ? null : block(i.orElse()));
            case Stmt.While w -> new Control.While(at, expr(w.condition()), block(w.body()), Hot.of(tier, Hot.TURNS));
            case Stmt.For f -> new Control.For(at, targets(f.targets(), at), expr(f.iterable()), block(f.body()), Hot.of(tier, Hot.TURNS));
            case Stmt.Try t -> new Control.Try(at, block(t.body()),
                    t.catches().stream().map(this::catchClause).toArray(Control.Catch[]::new), t.fin() == null ? null : block(t.fin()));
            case Stmt.With w -> new Control.With(at, expr(w.subject()), block(w.body()),
                    access("takes", w.subject()), access("releases", w.subject()));
            case Stmt.Return r -> new Stmts.Return(at, r.value() == null ? null : expr(r.value()));
            case Stmt.Break b -> new Stmts.Jump(at, StmtNode.BREAK);
            case Stmt.Continue c -> new Stmts.Jump(at, StmtNode.CONTINUE);
            case Stmt.Raise r -> new Stmts.Raise(at, r.value() == null ? null : expr(r.value()));
            case Stmt.Assert a -> new Stmts.Assert(at, expr(a.condition()), a.message() == null ? null : expr(a.message()));
            case Stmt.Print p -> print(p);
            case Stmt.Sleep z -> new Stmts.Sleep(at, expr(z.seconds()));
            case Stmt.Join j -> new Stmts.Join(at, exprs(j.threads()),
                    points ? j.threads().stream().map(t -> access("joins", t)).toArray(Access[]::new) : null);
            case Stmt.Global g -> new Stmts.Block(at, new StmtNode[0]);
            case Stmt.Nonlocal n -> new Stmts.Block(at, new StmtNode[0]);
            case Stmt.Assign a -> assign(a);
            case Stmt.Del d -> del(d);
            case Stmt.ExprStmt e -> new Stmts.Eval(at, expr(e.expr()));
        };
    }

    private StmtNode del(Stmt.Del d) {
        StmtNode[] out = new StmtNode[d.targets().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (d.targets().get(i)) {
                // the read is the scheduling point (and the NameError when there is no value)
                case Expr.Name n -> new Deletes.Variable(n.span(), resolution.ref(n) instanceof VarRef.Global g
                        ? point(new VarNodes.GlobalGet(n.span(), g.index(), g.name(), false), global("reads", g.name(), n.span())) : name(n),
                        unpointed(n), resolution.ref(n) instanceof VarRef.Global g ? global("deletes", g.name(), n.span()) : access("deletes", n.span()));
                case Expr.Index x -> new Deletes.Item(x.span(), expr(x.target()), expr(x.index()), access("deletes", x));
                case Expr.Slice x -> new Deletes.Slice(x.span(), expr(x.target()), opt(x.lo()), opt(x.hi()), opt(x.step()),
                        points ? access("deletes", sourceText(x.span()), x.span()) : null);
                default -> throw new CompileError(d.span(), "del removes a variable, an item or a slice");
            };
        }
        return out.length == 1 ? out[0] : new Stmts.Block(d.span(), out);
    }

    /** A variable's store without a scheduling point of its own. */
    private VarNodes.Store unpointed(Expr.Name n) {
        return switch (resolution.ref(n)) {
            case VarRef.Global g -> new VarNodes.GlobalSet(g.index());
            case VarRef.Local l when l.depth() == 0 && !l.info().captured() -> new VarNodes.LocalSet(l.slot());
            case VarRef.Local l -> new VarNodes.SharedSet(l.depth(), l.slot());
            case VarRef.Builtin b -> throw new CompileError(n.span(), "cannot delete builtin '" + b.name() + "'");
        };
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
        return switch (a.targets().get(0)) {
            case Expr.Name n -> new Stmts.AugVariable(at, expr(n), store(n), op, value);
            case Expr.Index i -> new Stmts.AugItem(at, expr(i.target()), expr(i.index()), op, value, access("writes", i));
            case Expr.Member m -> new Stmts.AugField(at, expr(m.target()), m.name(), op, value, access("writes", m));
            default -> throw new CompileError(at, "cannot assign to this");
        };
    }

    /**
     * A call or list assigned to a module variable or a field names the sync objects it makes
     * (see Exprs.Naming). Not a function's local: every lock a factory function makes would
     * get the same name, so those keep their numbers.
     */
    private ExprNode naming(Stmt.Assign a, ExprNode value) {
        if (a.targets().size() != 1) return value;
        String name = switch (a.targets().get(0)) {
            case Expr.Name n -> resolution.ref(n) instanceof VarRef.Global ? n.name() : null;
            case Expr.Member m -> sourceText(m.span());
            default -> null;
        };
        if (name == null) return value;
        return switch (a.value()) {
            case Expr.Call c -> new Exprs.Naming(value, name, false);
            case Expr.ListLit l -> new Exprs.Naming(value, name, true);
            case Expr.ListComp l -> new Exprs.Naming(value, name, true);
            default -> value;
        };
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
        return switch (t) {
            case Expr.Name n -> new Targets.Variable(store(n));
            case Expr.Index i -> points ? new Targets.Variable(point(itemStore(i), access("writes", i))) : new Targets.Item(i.span(), expr(i.target()), expr(i.index()));
            case Expr.Member m -> new Targets.Field(m.span(), expr(m.target()), m.name());
            default -> throw new CompileError(t.span(), "cannot assign to this");
        };
    }

    /** `xs[i] = v` as a store, so a point can go before it. */
    private VarNodes.Store itemStore(Expr.Index i) {
        Targets.Item item = new Targets.Item(i.span(), expr(i.target()), expr(i.index()));
        return item::assign;
    }

    private VarNodes.Store store(Node n) {
        return switch (resolution.ref(n)) {
            case VarRef.Global g -> point(new VarNodes.GlobalSet(g.index()), global("writes", g.name(), n.span()));
            case VarRef.Local l when l.depth() == 0 && !l.info().captured() -> new VarNodes.LocalSet(l.slot());
            case VarRef.Local l -> point(new VarNodes.SharedSet(l.depth(), l.slot()), access("writes", n.span()));
            case VarRef.Builtin b -> throw new CompileError(n.span(), "cannot assign to builtin '" + b.name() + "'");
        };
    }

    private ExprNode[] exprs(List<Expr> list) {
        ExprNode[] out = new ExprNode[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = expr(list.get(i));
        return out;
    }

    private ExprNode expr(Expr e) {
        Span at = e.span();
        return switch (e) {
            case Expr.IntLit l -> new Exprs.Const(at, l.value());
            case Expr.FloatLit l -> new Exprs.Const(at, l.value());
            case Expr.StringLit l -> new Exprs.Const(at, l.value());
            case Expr.BoolLit l -> new Exprs.Const(at, l.value());
            case Expr.NilLit l -> new Exprs.Const(at, null);
            case Expr.Interpolation i -> new Exprs.Interpolation(at, i.parts().stream().map(p -> switch (p) {
                case Expr.Text t -> (Object) t.text();
                case Expr.Hole h -> new Exprs.Interpolation.Hole(expr(h.expr()), h.spec());
            }).toArray());
            case Expr.Name n -> name(n);
            case Expr.ListLit l -> new Exprs.ListLit(at, exprs(l.elements()));
            case Expr.MapLit m -> new Exprs.MapLit(at, exprs(m.keys()), exprs(m.values()));
            case Expr.SetLit l -> new Exprs.SetLit(at, exprs(l.elements()));
            case Expr.ListComp c -> new Exprs.ListComp(at, c.kind() == Expr.ListComp.Kind.SET, opt(c.key()), expr(c.element()), c.clauses().stream()
                    .map(k -> new Exprs.ListComp.Clause(targets(k.targets(), at), expr(k.iterable()), exprs(k.filters())))
                    .toArray(Exprs.ListComp.Clause[]::new));
            case Expr.Lambda l -> function(l.function());
            case Expr.Call c -> call(c);
            case Expr.Index i -> point(new Exprs.Index(at, expr(i.target()), expr(i.index())), access("reads", i));
            case Expr.Slice s -> new Exprs.Slice(at, expr(s.target()), opt(s.lo()), opt(s.hi()), opt(s.step()));
            case Expr.Member m -> point(new Exprs.Member(at, expr(m.target()), m.name()), access("reads", m));
            case Expr.Spawn s -> {
                ExprNode[] args = args(s.call().args());
                yield new Calls.Spawn(at, expr(s.call().callee()), args, names(s.call().args()), spread(s.call().args(), args),
                        access("spawns", s.call()));
            }
            case Expr.Binary b -> Ops.binary(at, b.op(), expr(b.left()), expr(b.right()));
            case Expr.Compare c -> new Ops.Chain(at, c.ops().stream().map(op -> Ops.operator(at, op)).toArray(Ops.Binary[]::new),
                    exprs(c.operands()));
            case Expr.Unary u -> new Ops.Unary(at, u.op(), expr(u.operand()));
            case Expr.Logical l -> new Ops.Logical(at, l.isAnd(), expr(l.left()), expr(l.right()));
            case Expr.In i -> new Ops.In(at, i.negated(), expr(i.item()), expr(i.container()));
            case Expr.Conditional c -> new Exprs.Conditional(at, expr(c.cond()), expr(c.then()), expr(c.orElse()));
        };
    }

    private ExprNode opt(Expr e) {
        return e == null ? null : expr(e);
    }

    private ExprNode name(Expr.Name n) {
        return switch (resolution.ref(n)) {
            case VarRef.Global g when library.isBuiltin(g.name()) ->
                    point(new VarNodes.GlobalOrBuiltinGet(n.span(), g.index(), library.builtin(g.name())), global("reads", g.name(), n.span()));
            case VarRef.Global g -> point(new VarNodes.GlobalGet(n.span(), g.index(), g.name(), resolution.undefined(n)), global("reads", g.name(), n.span()));
            case VarRef.Local l when l.depth() == 0 && !l.info().captured() -> new VarNodes.LocalGet(n.span(), l.slot(), l.name(), hint(l));
            case VarRef.Local l -> point(new VarNodes.SharedGet(n.span(), l.depth(), l.slot(), l.name(), hint(l)));
            case VarRef.Builtin b -> new Exprs.Const(n.span(), library.builtin(b.name()));
        };
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
