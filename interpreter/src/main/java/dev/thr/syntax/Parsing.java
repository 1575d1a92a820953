package dev.thr.syntax;

import dev.thr.ast.Expr;
import dev.thr.ast.Program;
import dev.thr.diag.Diagnostic;
import dev.thr.diag.Source;
import dev.thr.grammar.ThrLexer;
import dev.thr.grammar.ThrParser;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import java.util.function.Function;
import org.antlr.v4.runtime.ParserRuleContext;

/** The parser's front door: source text in, AST and diagnostics out. */
public final class Parsing {
    private Parsing() {}

    public static ParseResult parse(Source source) {
        return parse(source, () -> Thread.currentThread().isInterrupted());
    }

    /**
     * Parses, asking `stop` every few thousand tokens whether to give up: then Stopped is
     * thrown (a host's timeout or cancel(), for a program of megabytes).
     */
    public static ParseResult parse(Source source, java.util.function.BooleanSupplier stop) {
        return run(source, 0, 0, ThrParser::program, Parsing::program, source, stop, true);
    }

    private static Program program(AstBuilder builder, ParserRuleContext tree) {
        return builder.program((ThrParser.ProgramContext) tree);
    }

    /**
     * Whether a correct program parses in one pass, with ANTLR's fast SLL prediction alone:
     * where that fails, parse() parses the whole program again in full LL mode, which costs a
     * script's start several milliseconds (see the grammar's loopTargets). For tests.
     */
    static boolean parsesInOnePass(Source source) {
        return run(source, 0, 0, ThrParser::program, Parsing::program, source, () -> false, false) != null;
    }

    /** A parse given up because its caller said to stop. */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("parsing stopped", null, false, false);
        }
    }

    /** Parses the inside of an interpolation hole, whose text starts at the given line and column. */
    static ParseOf<Expr> parseHole(Source source, String text, int line, int column) {
        ParseOf<Expr>[] out = new ParseOf[1];
        Source hole = new Source(source.name(), text);
        ParseResult r = run(hole, line - 1, column - 1, ThrParser::exprOnly, (builder, tree) -> {
            out[0] = new ParseOf<>(builder.expr(((ThrParser.ExprOnlyContext) tree).expr()), List.of());
            return null;
        }, source, () -> false, true);
        return r.ok() ? out[0] : new ParseOf<>(null, r.diagnostics());
    }

    record ParseOf<T>(T value, List<Diagnostic> diagnostics) {}

    private interface Build {
        Program apply(AstBuilder builder, ParserRuleContext tree);
    }

    private static ParseResult run(Source text, int lineOffset, int columnOffset,
                                   Function<ThrParser, ParserRuleContext> entry, Build build, Source reportAs,
                                   java.util.function.BooleanSupplier stop, boolean twoPasses) {
        SyntaxErrors errors = new SyntaxErrors(reportAs, lineOffset, columnOffset);
        NewlineFilter[] filter = new NewlineFilter[1];
        ThrParser parser = newParser(text, errors, filter, stop);
        ParserRuleContext tree;
        AstBuilder builder = new AstBuilder(reportAs, lineOffset, columnOffset);
        Program program;
        try {
            // Two-stage parsing: the fast SLL mode succeeds on nearly every correct program; only
            // when it fails do we pay for full LL and ANTLR's error recovery, which finds real errors.
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            parser.removeErrorListeners();
            try {
                tree = entry.apply(parser);
            } catch (ParseCancellationException e) {
                if (!twoPasses) return null;
                parser = newParser(text, errors, filter, stop);
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                parser.setErrorHandler(new DefaultErrorStrategy());
                tree = entry.apply(parser);
            }
            if (!errors.diagnostics().isEmpty()) {
                return new ParseResult(null, List.copyOf(errors.diagnostics()), errors.atEnd());
            }
            program = build.apply(builder, tree);
        } catch (NewlineFilter.TooDeep e) {
            errors.tooDeep(e.at, "nested too deeply: more than " + NewlineFilter.MAX_NESTING + " brackets and blocks are open here");
            return new ParseResult(null, List.copyOf(errors.diagnostics()), false);
        } catch (StackOverflowError e) {
            // not brackets, then operators: `- - - ... 1` or `not not ... x` thousands deep, while
            // parsing (where the parser got to) or while building the AST (the statement it was in)
            Token at = builder.lastStatement() != null ? builder.lastStatement() : filter[0].last();
            errors.tooDeep(at, "nested too deeply: the parser ran out of room here (thousands of operators in a row?)");
            return new ParseResult(null, List.copyOf(errors.diagnostics()), false);
        }
        List<Diagnostic> late = builder.diagnostics();
        return new ParseResult(late.isEmpty() ? program : null, List.copyOf(late), false);
    }

    private static ThrParser newParser(Source source, SyntaxErrors errors, NewlineFilter[] filter, java.util.function.BooleanSupplier stop) {
        ThrLexer lexer = new ThrLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        filter[0] = new NewlineFilter(lexer, stop);
        errors.watch(filter[0]);
        ThrParser parser = new ThrParser(new CommonTokenStream(filter[0]));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        return parser;
    }
}
