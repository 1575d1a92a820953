package dev.thr.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.diag.Diagnostic;
import dev.thr.diag.Source;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {
    static String shape(String code) {
        ParseResult r = Parsing.parse(new Source("t.thr", code));
        assertTrue(r.ok(), () -> "did not parse: " + r.diagnostics());
        return Shapes.of(r.program().statements());
    }

    static String expr(String code) {
        String s = shape(code);
        // one expression statement: strip the (ExprStmt ...) wrapper
        return s.substring("[(ExprStmt ".length(), s.length() - 2);
    }

    static List<Diagnostic> errors(String code) {
        ParseResult r = Parsing.parse(new Source("t.thr", code));
        assertFalse(r.ok(), "expected a syntax error");
        return r.diagnostics();
    }

    /**
     * Where ANTLR's fast prediction fails on a correct program, the program is parsed a second
     * time in full LL mode: several milliseconds of a script's start. No sample may need that
     * (`for x in xs` did: the target read `x in xs` as the operator).
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("correctSamples")
    void aCorrectSampleParsesInOnePass(dev.thr.testing.GoldenFiles sample) {
        assertTrue(Parsing.parsesInOnePass(new Source(sample.name(), sample.source())), sample.name());
    }

    static List<dev.thr.testing.GoldenFiles> correctSamples() {
        return dev.thr.testing.GoldenFiles.under(dev.thr.testing.GoldenFiles.samplesDir()).stream()
                .filter(s -> !s.name().startsWith("errors/")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "for x in a in b {}          | [(For [(Name \"x\")] (In false (Name \"a\") (Name \"b\")) (Block []))]",
        "for m[k], t.n in ps {}      | [(For [(Index (Name \"m\") (Name \"k\")) (Member (Name \"t\") \"n\")] (Name \"ps\") (Block []))]",
        "[y for y in ys if y in zs]  | [(ExprStmt (ListComp LIST _ (Name \"y\") [(CompFor [(Name \"y\")] (Name \"ys\") [(In false (Name \"y\") (Name \"zs\"))])]))]",
    })
    void aLoopsTargetEndsAtTheFirstIn(String code, String expected) {
        assertEquals(expected.strip(), shape(code.strip()));
        assertTrue(Parsing.parsesInOnePass(new Source("t.thr", code)), code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1 + 2 * 3      | (Binary \"+\" (IntLit 1) (Binary \"*\" (IntLit 2) (IntLit 3)))",
        "(1 + 2) * 3    | (Binary \"*\" (Binary \"+\" (IntLit 1) (IntLit 2)) (IntLit 3))",
        "-2 ** 2        | (Unary \"-\" (Binary \"**\" (IntLit 2) (IntLit 2)))",
        "2 ** 3 ** 2    | (Binary \"**\" (IntLit 2) (Binary \"**\" (IntLit 3) (IntLit 2)))",
        "a or b and c   | (Logical false (Name \"a\") (Logical true (Name \"b\") (Name \"c\")))",
        "not a == b     | (Unary \"not\" (Binary \"==\" (Name \"a\") (Name \"b\")))",
        "x not in xs    | (In true (Name \"x\") (Name \"xs\"))",
        "a if c else b  | (Conditional (Name \"c\") (Name \"a\") (Name \"b\"))",
        "f(1, k=2)      | (Call (Name \"f\") [(Arg _ (IntLit 1) 0) (Arg \"k\" (IntLit 2) 0)])",
        "q.put(x)       | (Call (Member (Name \"q\") \"put\") [(Arg _ (Name \"x\") 0)])",
        "s.join(xs)     | (Call (Member (Name \"s\") \"join\") [(Arg _ (Name \"xs\") 0)])",
        "xs[1:]         | (Slice (Name \"xs\") (IntLit 1) _ _)",
        "spawn f(1)     | (Spawn (Call (Name \"f\") [(Arg _ (IntLit 1) 0)]))",
        "[x for x in xs if x] | (ListComp LIST _ (Name \"x\") [(CompFor [(Name \"x\")] (Name \"xs\") [(Name \"x\")])])",
        "[[a, b] for a in xs for b in a] | (ListComp LIST _ (ListLit [(Name \"a\") (Name \"b\")]) [(CompFor [(Name \"a\")] (Name \"xs\") []) (CompFor [(Name \"b\")] (Name \"a\") [])])",
        "{\"a\": 1}     | (MapLit [(StringLit \"a\")] [(IntLit 1)])",
        "\"{a:.2f}!\"   | (Interpolation [(Hole (Name \"a\") \".2f\") (Text \"!\")])",
        "\"{{x}}\"      | (StringLit \"{x}\")",
        "\"{d['k']}\"   | (Interpolation [(Hole (Index (Name \"d\") (StringLit \"k\")) _)])",
        "fn(x) => x * 2 | (Lambda (FunctionDef \"<lambda>\" [(Param \"x\" _ 0)] (Block [(Return (Binary \"*\" (Name \"x\") (IntLit 2)))])))",
    })
    void expressions(String code, String expected) {
        assertEquals(expected.strip(), expr(code.strip()));
    }

    @Test
    void bigIntegerLiteralsStayExact() {
        assertEquals("(IntLit 123456789012345678901234567890)", expr("123456789012345678901234567890"));
        assertEquals("(IntLit 255)", expr("0xff"));
        assertEquals("(IntLit 1000000)", expr("1_000_000"));
    }

    @Test
    void newlinesInsideBracketsAndAfterOperatorsDoNotEndStatements() {
        assertEquals(shape("x = f(1, 2)"), shape("x = f(1,\n      2)"));
        assertEquals(shape("x = 1 + 2"), shape("x = 1 +\n  2"));
        assertEquals(shape("xs = [1, 2]"), shape("xs = [\n  1,\n  2,\n]"));
        assertEquals(shape("m = {\"a\": 1, \"b\": 2}"), shape("m = {\n  \"a\": 1,\n  \"b\": 2\n}"));
        assertEquals(shape("x = 1 + 2"), shape("x = 1 \\\n + 2"));
    }

    @Test
    void elseMayStartOnTheNextLine() {
        assertEquals(shape("if a { x = 1 } else { x = 2 }"), shape("if a {\n  x = 1\n}\nelse {\n  x = 2\n}"));
    }

    @Test
    void printHasAStatementAndACallForm() {
        assertEquals("[(Print [(Arg _ (Name \"a\") 0) (Arg _ (Name \"b\") 0)])]", shape("print a, b"));
        assertEquals(shape("print a, b"), shape("print(a, b)"));
        assertEquals("[(Print [(Arg _ (Binary \"*\" (Name \"a\") (IntLit 2)) 0)])]", shape("print (a) * 2"));
        assertEquals("[(Print [(Arg _ (Name \"a\") 0) (Arg \"end\" (StringLit \"\") 0)])]", shape("print(a, end=\"\")"));
    }

    @Test
    void catchClausesNameKindsAndBinding() {
        assertEquals("[(Try (Block []) [(CatchClause [\"ValueError\" \"KeyError\"] \"e\" (Block []))"
                + " (CatchClause [] \"other\" (Block []))] (Block []))]",
                shape("try { } catch ValueError | KeyError e { } catch other { } finally { }"));
        assertEquals("[(Try (Block []) [(CatchClause [\"QueueEmpty\"] _ (Block []))] _)]", shape("try { } catch QueueEmpty { }"));
    }

    @Test
    void destructuringAndAugmentedAssignment() {
        assertEquals("[(Assign [(Name \"a\") (Name \"b\")] \"=\" (ListLit [(Name \"b\") (Name \"a\")]))]", shape("a, b = b, a"));
        assertEquals("[(Assign [(Index (Name \"m\") (Name \"k\"))] \"+=\" (IntLit 1))]", shape("m[k] += 1"));
    }

    @Test
    void aShebangLineIsAComment() {
        assertEquals(shape("print 1"), shape("#!/usr/bin/env thr\nprint 1"));
    }

    @Test
    void reportsSeveralErrorsWithPositions() {
        List<Diagnostic> d = errors("x = 1 +* 2\ny = 3\nz = )");
        assertEquals(2, d.size(), d::toString);
        assertEquals("t.thr:1:8", d.get(0).span().where());
        assertEquals("t.thr:3:5", d.get(1).span().where());
    }

    @Test
    void incompleteInputIsRecognised() {
        for (String code : List.of("fn f() {", "x = (1 +", "print \"abc", "if a {\n print 1\n")) {
            ParseResult r = Parsing.parse(new Source("t.thr", code));
            assertTrue(r.incomplete(), code);
        }
        assertFalse(Parsing.parse(new Source("t.thr", "x = 1 )")).incomplete());
    }

    /**
     * A line that ends with an operator is unfinished, wherever ANTLR's prediction gives up:
     * at the end, or at the operator itself, whose alternatives all need what comes after it.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "k in", "a.b in", "not x in", "x + 1 in", "f(x in", "(x in", "f(x if",
        "print [x for x in xs if x in", "len([x for x in [1, 2] if x in", "for x in a in", "x = [1,\n2 in",
    })
    void aLineEndingWithAnOperatorIsUnfinished(String code) {
        ParseResult r = Parsing.parse(new Source("t.thr", code));
        assertFalse(r.ok(), code);
        assertTrue(r.incomplete(), () -> code + ": " + r.diagnostics());
        assertTrue(r.diagnostics().get(0).message().startsWith("unexpected end of input"), () -> r.diagnostics().toString());
    }

    @Test
    void aRealErrorBeforeTheEndIsNotUnfinished() {
        for (String code : List.of("f(1 2", "x = = 1 +", "for x + 1 in")) {
            assertFalse(Parsing.parse(new Source("t.thr", code)).incomplete(), code);
        }
    }

    @Test
    void holePositionsPointIntoTheString() {
        List<Diagnostic> d = errors("x = 1\nprint \"value: {x +}\"");
        assertEquals("t.thr:2:19", d.get(0).span().where());
    }
}
