package dev.thr.syntax;

import dev.thr.ast.Arg;
import dev.thr.ast.Block;
import dev.thr.ast.CatchClause;
import dev.thr.ast.Expr;
import dev.thr.ast.FunctionDef;
import dev.thr.ast.Param;
import dev.thr.ast.Program;
import dev.thr.ast.Stmt;
import dev.thr.diag.Diagnostic;
import dev.thr.diag.Source;
import dev.thr.diag.Span;
import dev.thr.grammar.ThrParser.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds the immutable AST from ANTLR's parse tree, once; the parse tree goes no further. */
final class AstBuilder {
    private final Source source;
    private final int lineOffset;
    private final int columnOffset;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    AstBuilder(Source source, int lineOffset, int columnOffset) {
        this.source = source;
        this.lineOffset = lineOffset;
        this.columnOffset = columnOffset;
    }

    List<Diagnostic> diagnostics() { return diagnostics; }

    Program program(ProgramContext c) {
        return new Program(statements(c.statement()));
    }

    private List<Stmt> statements(List<StatementContext> list) {
        List<Stmt> out = new ArrayList<>(list.size());
        for (StatementContext s : list) out.add(statement(s));
        return List.copyOf(out);
    }

    Block block(BlockContext c) {
        return new Block(span(c.start), statements(c.statement()));
    }

    /** The statement entered last: where to point should an expression be too deep to build. */
    private Token lastStatement;

    Token lastStatement() { return lastStatement; }

    private Stmt statement(StatementContext c) {
        lastStatement = c.start;
        Span at = span(c.start);
        if (c instanceof FnDeclContext s) return new Stmt.FnDecl(at, function(span(s.name), s.name.getText(), s.params(), block(s.block())));
        if (c instanceof IfStmtContext s) {
            return new Stmt.If(at, exprs(s.cond), s.body.stream().map(this::block).toList(),
                    s.orElse == null ? null : block(s.orElse));
        }
        if (c instanceof WhileStmtContext s) return new Stmt.While(at, expr(s.cond), block(s.body));
        if (c instanceof ForStmtContext s) return new Stmt.For(at, exprs(s.loopTargets().expr()), expr(s.iter), block(s.body));
        if (c instanceof TryStmtContext s) {
            return new Stmt.Try(at, block(s.body), s.catchClause().stream().map(this::catchClause).toList(),
                    s.fin == null ? null : block(s.fin));
        }
        if (c instanceof WithStmtContext s) return new Stmt.With(at, expr(s.subject), block(s.body));
        if (c instanceof ReturnStmtContext s) return new Stmt.Return(at, s.value == null ? null : expr(s.value));
        if (c instanceof BreakStmtContext) return new Stmt.Break(at);
        if (c instanceof ContinueStmtContext) return new Stmt.Continue(at);
        if (c instanceof RaiseStmtContext s) return new Stmt.Raise(at, s.value == null ? null : expr(s.value));
        if (c instanceof AssertStmtContext s) return new Stmt.Assert(at, expr(s.cond), s.message == null ? null : expr(s.message));
        if (c instanceof PrintCallContext s) return new Stmt.Print(at, s.arguments() == null ? List.of() : args(s.arguments()));
        if (c instanceof PrintStmtContext s) {
            return new Stmt.Print(at, s.expr().stream()
                    .map(e -> new Arg(span(e), null, expr(e))).toList());
        }
        if (c instanceof SleepStmtContext s) return new Stmt.Sleep(at, expr(s.seconds));
        if (c instanceof JoinStmtContext s) return new Stmt.Join(at, exprs(s.expr()));
        if (c instanceof GlobalStmtContext s) return new Stmt.Global(at, s.NAME().stream().map(TerminalNode::getText).toList());
        if (c instanceof NonlocalStmtContext s) return new Stmt.Nonlocal(at, s.NAME().stream().map(TerminalNode::getText).toList());
        if (c instanceof DelStmtContext s) return del(at, s);
        if (c instanceof AssignStmtContext s) return assign(s);
        if (c instanceof ExprStmtContext s) return new Stmt.ExprStmt(at, expr(s.expr()));
        throw new IllegalStateException("unhandled statement " + c.getClass().getSimpleName());
    }

    private Stmt assign(AssignStmtContext s) {
        List<Expr> targets = targets(s.targets());
        String op = s.op.getText();
        List<Expr> values = exprs(s.expr());
        Expr value = values.size() == 1 ? values.get(0) : new Expr.ListLit(values.get(0).span(), values);
        for (Expr t : targets) {
            if (!(t instanceof Expr.Name || t instanceof Expr.Index || t instanceof Expr.Member)) {
                error(t.span(), "cannot assign to this: the left of '" + op + "' must be a name, x[i] or x.name");
            }
        }
        if (targets.size() > 1 && !op.equals("=")) error(span(s.op), "'" + op + "' needs a single target");
        return new Stmt.Assign(span(s.op), targets, op, value);
    }

    private Stmt del(Span at, DelStmtContext s) {
        List<Expr> targets = targets(s.targets());
        for (Expr t : targets) {
            if (!(t instanceof Expr.Name || t instanceof Expr.Index || t instanceof Expr.Slice)) {
                error(t.span(), "del removes a variable (del x), an item (del m[k]) or a slice (del xs[i:j]), not this");
            }
        }
        return new Stmt.Del(at, targets);
    }

    private CatchClause catchClause(CatchClauseContext c) {
        List<String> kinds = c.kinds.stream().map(Token::getText).toList();
        String binding = c.binding == null ? null : c.binding.getText();
        // `catch e { }` binds; `catch ValueError { }` filters: error kinds are capitalised.
        if (binding == null && kinds.size() == 1 && !Character.isUpperCase(kinds.get(0).charAt(0))) {
            binding = kinds.get(0);
            kinds = List.of();
        }
        return new CatchClause(span(c.start), kinds, binding, block(c.body));
    }

    private List<Expr> targets(TargetsContext c) {
        return exprs(c.expr());
    }

    private List<Expr> exprs(List<ExprContext> list) {
        List<Expr> out = new ArrayList<>(list.size());
        for (ExprContext e : list) out.add(expr(e));
        return List.copyOf(out);
    }

    private FunctionDef function(Span at, String name, ParamsContext params, Block body) {
        List<Param> ps = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>(); // a list would make many parameters quadratic
        boolean defaults = false;
        boolean rest = false; // after *rest, parameters are named-only and need no default
        boolean named = false;
        if (params != null) {
            List<ParamContext> list = params.param();
            for (int k = 0; k < list.size(); k++) {
                ParamContext p = list.get(k);
                if (p.name == null) { // a bare `*`
                    Span star = span(p.star);
                    if (named) error(star, "no parameter can follow **" + ps.get(ps.size() - 1).name() + ": it takes every other named argument");
                    if (rest) error(star, "only one *: after it, parameters are named-only already");
                    boolean namedOnlyFollows = k + 1 < list.size() && list.get(k + 1).name != null && list.get(k + 1).star == null;
                    if (!namedOnlyFollows) error(star, "a bare * must be followed by a named-only parameter, as in fn f(a, *, key=nil)");
                    rest = true;
                    ps.add(new Param(star, "*", null, 3));
                    continue;
                }
                Span ps0 = span(p.name);
                String pname = p.name.getText();
                int stars = p.star == null ? 0 : p.star.getText().length();
                if (seen.contains(pname)) error(ps0, "parameter '" + pname + "' is listed twice");
                seen.add(pname);
                if (named) error(span(p.start), "no parameter can follow **" + ps.get(ps.size() - 1).name() + ": it takes every other named argument");
                if (stars > 0 && p.value != null) error(span(p.value.start), "*" + (stars == 2 ? "*" : "") + pname + " cannot have a default: it is a " + (stars == 1 ? "list, empty" : "map, empty") + " when nothing is left for it");
                if (stars == 1 && rest) error(span(p.start), "only one *parameter: it takes every extra positional argument");
                if (stars == 0 && p.value == null && defaults && !rest) error(ps0, "parameter '" + pname + "' needs a default: it follows one that has one");
                defaults |= p.value != null;
                rest |= stars == 1;
                named |= stars == 2;
                ps.add(new Param(ps0, pname, p.value == null ? null : expr(p.value), stars));
            }
        }
        return new FunctionDef(at, name, List.copyOf(ps), body);
    }

    private List<Arg> args(ArgumentsContext c) {
        List<Arg> out = new ArrayList<>();
        boolean named = false;
        for (ArgumentContext a : c.argument()) {
            int stars = a.star == null ? 0 : a.star.getText().length();
            if (a.name != null) {
                named = true;
                out.add(new Arg(span(a.name), a.name.getText(), expr(a.value)));
            } else if (stars == 2) {
                named = true;
                out.add(new Arg(span(a.start), null, expr(a.value), 2));
            } else {
                // `f(k=1, *xs)` is allowed, as in Python: spread items go before the named ones all the same
                if (named && stars == 0) error(span(a.start), "a positional argument cannot follow a named one");
                out.add(new Arg(span(a.start), null, expr(a.value), stars));
            }
        }
        return List.copyOf(out);
    }

    Expr expr(ExprContext c) {
        if (c instanceof PrimaryExprContext e) return primary(e.primary());
        if (c instanceof CallExprContext e) {
            return new Expr.Call(span(e), expr(e.callee),
                    e.arguments() == null ? List.of() : args(e.arguments()));
        }
        if (c instanceof IndexExprContext e) return new Expr.Index(span(e.index.start), expr(e.target), expr(e.index));
        if (c instanceof SliceExprContext e) return new Expr.Slice(span(c.start), expr(e.target), opt(e.lo), opt(e.hi), opt(e.step));
        if (c instanceof MemberExprContext e) return new Expr.Member(span(e.member().start), expr(e.target), e.member().getText());
        if (c instanceof SpawnExprContext e) return spawn(e);
        if (c instanceof SpawnBlockContext e) {
            return new Expr.Spawn(span(c.start), new Expr.Call(span(c.start),
                    new Expr.Lambda(span(c.start), new FunctionDef(span(c.start), "<spawn>", List.of(), block(e.body))),
                    List.of()));
        }
        if (c instanceof BinaryExprContext e && comparison(e) && e.left instanceof BinaryExprContext l && comparison(l)) return chain(e);
        if (c instanceof BinaryExprContext e && e.op.getText().equals("in")) {
            return new Expr.In(span(e.not != null ? e.not : e.op), e.not != null, expr(e.left), expr(e.right));
        }
        if (c instanceof BinaryExprContext e) return new Expr.Binary(span(e.op), operator(e), expr(e.left), expr(e.right));
        if (c instanceof UnaryExprContext e) return new Expr.Unary(span(e.op), e.op.getText(), expr(e.operand));
        if (c instanceof LogicalExprContext e) return new Expr.Logical(span(e.op), e.op.getText().equals("and"), expr(e.left), expr(e.right));
        if (c instanceof ConditionalExprContext e) return new Expr.Conditional(span(c.start), expr(e.cond), expr(e.then), expr(e.orElse));
        throw new IllegalStateException("unhandled expression " + c.getClass().getSimpleName());
    }

    private static String operator(BinaryExprContext e) {
        return e.isNot != null ? "is not" : e.not != null ? "not in" : e.op.getText();
    }

    private static boolean comparison(BinaryExprContext e) {
        return switch (e.op.getText()) {
            case "<", "<=", ">", ">=", "==", "!=", "is", "in" -> true;
            default -> false;
        };
    }

    /** Unparenthesised comparisons nest to the left in the parse tree; flatten them into one chain. */
    private Expr chain(BinaryExprContext top) {
        List<String> ops = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        ExprContext c = top;
        while (c instanceof BinaryExprContext b && comparison(b)) {
            ops.add(0, operator(b));
            operands.add(0, expr(b.right));
            c = b.left;
        }
        operands.add(0, expr(c));
        return new Expr.Compare(span(top.start), List.copyOf(ops), List.copyOf(operands));
    }

    private Expr spawn(SpawnExprContext e) {
        Expr target = expr(e.call);
        if (target instanceof Expr.Call call) return new Expr.Spawn(span(e.start), call);
        error(target.span(), "spawn needs a call, like 'spawn worker(1)', or a block, like 'spawn { ... }'");
        return new Expr.NilLit(span(e.start));
    }

    private Expr opt(ExprContext c) {
        return c == null ? null : expr(c);
    }

    private Expr primary(PrimaryContext c) {
        Span at = span(c.start);
        if (c instanceof IntLitContext p) return new Expr.IntLit(at, integer(p.getText(), at));
        if (c instanceof FloatLitContext p) return new Expr.FloatLit(at, Double.parseDouble(p.getText().replace("_", "")));
        if (c instanceof StringLitContext p) return new StringParser(source, diagnostics).parse(p.STRING().getSymbol(), at);
        if (c instanceof TrueLitContext) return new Expr.BoolLit(at, true);
        if (c instanceof FalseLitContext) return new Expr.BoolLit(at, false);
        if (c instanceof NilLitContext) return new Expr.NilLit(at);
        if (c instanceof NameRefContext p) return new Expr.Name(at, p.getText());
        if (c instanceof ParensContext p) return expr(p.expr());
        if (c instanceof ListCompContext p) return new Expr.ListComp(at, Expr.ListComp.Kind.LIST, null, expr(p.element), clauses(p.compFor()));
        if (c instanceof SetCompContext p) return new Expr.ListComp(at, Expr.ListComp.Kind.SET, null, expr(p.element), clauses(p.compFor()));
        if (c instanceof MapCompContext p) {
            return new Expr.ListComp(at, Expr.ListComp.Kind.MAP, expr(p.mapEntry().key), expr(p.mapEntry().value),
                    clauses(p.compFor()));
        }
        if (c instanceof ListLitContext p) return new Expr.ListLit(at, exprs(p.expr()));
        if (c instanceof SetLitContext p) return new Expr.SetLit(at, exprs(p.expr()));
        if (c instanceof MapLitContext p) {
            return new Expr.MapLit(at, p.mapEntry().stream().map(m -> expr(m.key)).toList(),
                    p.mapEntry().stream().map(m -> expr(m.value)).toList());
        }
        if (c instanceof LambdaContext p) {
            return new Expr.Lambda(at, function(at, "<lambda>", p.params(), p.body != null ? block(p.body)
                    : new Block(span(p.arrow.start), List.of(new Stmt.Return(span(p.arrow.start), expr(p.arrow))))));
        }
        throw new IllegalStateException("unhandled primary " + c.getClass().getSimpleName());
    }

    private List<Expr.CompFor> clauses(List<CompForContext> list) {
        return list.stream().map(k -> new Expr.CompFor(exprs(k.loopTargets().expr()), expr(k.iter), exprs(k.filters))).toList();
    }

    private Object integer(String text, Span at) {
        String digits = text.replace("_", "");
        int radix = 10;
        if (digits.length() > 2 && digits.charAt(0) == '0' && Character.isLetter(digits.charAt(1))) {
            radix = Character.toLowerCase(digits.charAt(1)) == 'x' ? 16 : 2;
            digits = digits.substring(2);
        }
        BigInteger value = new BigInteger(digits, radix);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    void error(Span at, String message) {
        diagnostics.add(new Diagnostic(at, message));
    }

    Span span(Token t) {
        int line = t.getLine();
        int column = t.getCharPositionInLine() + 1 + (line == 1 ? columnOffset : 0);
        int length = t.getType() == Token.EOF ? 1 : Math.max(1, t.getText().length());
        return new Span(source, line + lineOffset, column, length);
    }

    Span span(ParserRuleContext c) {
        Span start = span(c.start);
        Token stop = c.stop;
        if (stop == null || stop.getLine() != c.start.getLine()) return start;
        int length = stop.getStopIndex() - c.start.getStartIndex() + 1;
        return new Span(source, start.line(), start.column(), Math.max(1, length));
    }
}
