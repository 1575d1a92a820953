package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REPL's parts that need no terminal: when input is finished, completion, highlighting. */
class InputTest {
    final InputParser parser = new InputParser();

    @ParameterizedTest
    @ValueSource(strings = {"fn f() {", "x = (1 +", "print \"abc", "xs = [1,", "if a {\n print 1\n", "x = 1 +"})
    void unfinishedInputAsksForMore(String input) {
        assertThrows(EOFError.class, () -> parser.parse(input, input.length(), ParseContext.ACCEPT_LINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"print 1", "x = 1 )", "fn f() { }", ":load x.thr", "", "x.join(0.5), b.broken",
        "for i in range(3) print i", "if true print 1", "fn f( { }"})
    void finishedOrBrokenInputIsAccepted(String input) {
        assertInstanceOf(InputParser.Line.class, parser.parse(input, input.length(), ParseContext.ACCEPT_LINE));
    }

    @Test
    void completionNeverAsksForMore() {
        assertInstanceOf(InputParser.Line.class, parser.parse("fn f() {", 8, ParseContext.COMPLETE));
    }

    @Test
    void nestedBracesIndentTheNextLine() {
        EOFError e = assertThrows(EOFError.class, () -> parser.parse("fn f() {\n if x {", 15, ParseContext.ACCEPT_LINE));
        assertEquals(2, e.getOpenBrackets());
        assertEquals(0, InputParser.openBraces("x = \"{\" # {"));
    }

    @Test
    void continuationPromptsAreNumberedAndAsWideAsThePrompt() {
        assertEquals("..2> ", Prompts.continuation(2));
        assertEquals(".10> ", Prompts.continuation(10));
        assertEquals("100> ", Prompts.continuation(100));
        assertEquals(Prompts.PRIMARY.length(), Prompts.continuation(2).length());
    }

    Completion completion(ThrEngine engine) {
        return new Completion(() -> engine, new HelpTopics(() -> engine));
    }

    /** What Tab offers with the cursor at the end of the text. */
    List<Completion.Option> completeAll(ThrEngine engine, String text) {
        return completion(engine).candidates(text, text.length());
    }

    static List<String> values(List<Completion.Option> options) {
        return options.stream().map(Completion.Option::value).toList();
    }

    @Test
    void completesKeywordsBuiltinsAndSessionNames() throws Exception {
        ThrEngine engine = Thr.builder().build();
        engine.run(engine.compileInteractive("s", "spawner = 1"));
        List<String> got = values(completion(engine).candidates("spa", 3));
        assertTrue(got.containsAll(List.of("spawn", "spawner")), got::toString);
        assertTrue(values(completion(engine).candidates("x = que", 7)).contains("queue"));
    }

    @Test
    void completesMembersOfAValueAfterADot() throws Exception {
        ThrEngine engine = Thr.builder().build();
        engine.run(engine.compileInteractive("s", "q = queue(2)\nxs = [1]\nt = thread(fn() { })"));
        assertEquals(List.of("put", "put_nowait"), values(completion(engine).candidates("q.pu", 4)));
        assertTrue(values(completion(engine).candidates("xs.", 3)).contains("append"));
        assertTrue(values(completion(engine).candidates("t.", 2)).containsAll(List.of("start", "join", "name", "daemon")));
        assertEquals(List.of(), values(completion(engine).candidates("nothing.", 8)));
    }

    @Test
    void membersShowHowTheyAreCalled() throws Exception {
        ThrEngine engine = Thr.builder().build();
        engine.run(engine.compileInteractive("s", "q = queue(2)"));
        List<Completion.Option> got = completion(engine).candidates("q.pu", 4);
        assertEquals("put(item, block=, timeout=)", got.get(0).call());
        assertEquals("put_nowait(item)", got.get(1).call());
        assertEquals("queue(maxsize=)", completion(engine).candidates("queu", 4).stream()
                .filter(o -> o.value().equals("queue")).findFirst().orElseThrow().call());
    }

    @Test
    void completesMembersOfLiteralsWithoutRunningAnything() throws Exception {
        ThrEngine engine = Thr.builder().build();
        engine.run(engine.compileInteractive("s", "calls = []\nfn f() { calls.append(1); return \"s\" }\nm = {\"k\": [1]}"));
        assertEquals(List.of("upper"), values(completeAll(engine, "\"abc\".up")));
        assertEquals(List.of("append"), values(completeAll(engine, "x = [1, [2]].ap")));
        assertTrue(values(completeAll(engine, "{}.ke")).contains("keys"));
        assertTrue(values(completeAll(engine, "{1, 2}.")).contains("add"));
        // a call, an index or an attribute is never run to find out what it is
        assertEquals(List.of(), values(completeAll(engine, "f().up")));
        assertEquals(List.of(), values(completeAll(engine, "m[\"k\"].ap")));
        assertEquals(List.of(), values(completeAll(engine, "(f()).up")));
        assertEquals(List.of(), engine.global("calls"), "f was never called");
    }

    @Test
    void completesCommandsAndFileNamesAfterLoad(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("demo.thr"), "print 1");
        Files.createDirectory(dir.resolve("sub"));
        ThrEngine engine = Thr.builder().build();
        assertEquals(List.of(":load"), values(completion(engine).candidates(":lo", 3)));
        String typed = ":load " + dir + "/";
        assertEquals(List.of(dir + "/demo.thr", dir + "/sub/"), values(completion(engine).candidates(typed, typed.length())));
    }

    @Test
    void highlightsFromThrsLexer() {
        String code = "if x { print \"s\", 42 } # note $";
        AttributedString styled = Highlighting.style(code);
        assertEquals(code, styled.toString());
        assertEquals(Highlighting.KEYWORD, styled.styleAt(code.indexOf("if")));
        assertEquals(Highlighting.KEYWORD, styled.styleAt(code.indexOf("print")));
        assertEquals(Highlighting.STRING, styled.styleAt(code.indexOf("\"s\"")));
        assertEquals(Highlighting.NUMBER, styled.styleAt(code.indexOf("42")));
        assertEquals(Highlighting.COMMENT, styled.styleAt(code.indexOf("# note")));
        AttributedString broken = Highlighting.style("x = 5 $ 3");
        assertEquals(Highlighting.ERROR, broken.styleAt(6));
    }
}
