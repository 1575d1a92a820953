package dev.thr.eval;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** `fn f(*rest, **named)` gathers extra arguments; `f(*xs, **m)` spreads them, as in Python. */
class ArgumentSpreadTest {
    static final String SHOW = """
            fn show(a, b=2, *rest, c=3, **named) { return "a={a} b={b} rest={rest} c={c} named={named}" }
            """;

    @Test
    void extraPositionalArgumentsGoToRestAndExtraNamedOnesToNamed() {
        assertEquals("""
                a=1 b=2 rest=[] c=3 named={}
                a=1 b=5 rest=[6, 7] c=3 named={}
                a=1 b=2 rest=[] c=9 named={'d': 4, 'e': 5}
                """, output(SHOW + """
                print show(1)
                print show(1, 5, 6, 7)
                print show(1, c=9, d=4, e=5)
                """));
    }

    @Test
    void aCallSpreadsAListIntoPositionalArgumentsAndAMapIntoNamedOnes() {
        assertEquals("""
                a=1 b=2 rest=[3] c=3 named={}
                a=0 b=1 rest=[2, 3] c=7 named={'z': 8}
                7
                """, output(SHOW + """
                print show(*[1, 2, 3])
                print show(*range(4), **{"c": 7, "z": 8})
                fn add(x, y) { return x + y }
                print add(*[3], **{"y": 4})
                """));
    }

    @Test
    void aGenericWrapperPassesEverythingThrough() {
        assertEquals("9\nhello, ann!\nworker done\n", output("""
                fn safely(target, *args, **kwargs) {
                  try { return target(*args, **kwargs) } catch e { print "failed:", e }
                }
                print safely(max, 3, 9, 4)
                fn greet(name, punct=".") { return "hello, {name}{punct}" }
                print safely(greet, "ann", punct="!")
                fn worker(label) { print label, "done" }
                t = spawn safely(worker, *["worker"])
                join t
                """));
    }

    @Test
    void parametersAfterRestAreNamedOnlyAndMayBeRequired() {
        assertEquals("[1, 2] x\n", output("""
                fn f(*items, sep) { return "{items} {sep}" }
                print f(1, 2, sep="x")
                """));
        assertEquals("TypeError: f() is missing its argument 'sep'", failure("""
                fn f(*items, sep) { return 1 }
                f(1, 2)
                """));
    }

    @Test
    void printAndMethodsSpreadToo() {
        assertEquals("1-2-3\n[1, 2, 5, 6]\n", output("""
                print(*[1, 2, 3], sep="-")
                xs = [1, 2]
                xs.extend(*[[5, 6]])
                print xs
                """));
    }

    @Test
    void aBareStarMakesNamedOnlyParametersAndTakesNoExtras() {
        assertEquals("[1] nil true\n", output("""
                fn sort_by(items, *, key=nil, reverse=false) { return "{items} {key} {reverse}" }
                print sort_by([1], reverse=true)
                """));
        assertEquals("TypeError: sort_by() takes 1 positional argument but 2 were given", failure("""
                fn sort_by(items, *, key=nil) { }
                sort_by([1], 2)
                """));
        assertEquals("error: a bare * must be followed by a named-only parameter, as in fn f(a, *, key=nil)", failure("fn f(a, *) { }"));
    }

    @Test
    void aSpreadListMayFollowNamedArgumentsAsInPython() {
        assertEquals("a=1 b=2 rest=[3] c=9 named={}\n", output(SHOW + """
                print show(c=9, *[1, 2, 3])
                """));
    }

    @Test
    void mistakesAreTypeErrorsThatNameTheCall() {
        assertEquals("TypeError: f() got two values for 'a'", failure("""
                fn f(a) { }
                f(1, **{"a": 2})
                """));
        assertEquals("TypeError: f() got two values for 'k'", failure("""
                fn f(**kw) { }
                f(k=1, **{"k": 2})
                """));
        assertEquals("TypeError: f() argument after * must be a list or another iterable, not int", failure("""
                fn f(a) { }
                f(*5)
                """));
        assertEquals("TypeError: f() argument after ** must be a map, not list", failure("""
                fn f(a) { }
                f(**[1])
                """));
        assertEquals("TypeError: f() argument after ** must have string keys, not int", failure("""
                fn f(a) { }
                f(**{1: 2})
                """));
        assertEquals("TypeError: f() takes 1 argument but 2 were given", failure("""
                fn f(a, **kw) { }
                f(1, 2)
                """));
    }

    @Test
    void badParameterListsAreSyntaxErrors() {
        assertEquals("error: *a cannot have a default: it is a list, empty when nothing is left for it", failure("fn f(*a=1) { }"));
        assertEquals("error: no parameter can follow **k: it takes every other named argument", failure("fn f(**k, x) { }"));
        assertEquals("error: only one *parameter: it takes every extra positional argument", failure("fn f(*a, *b) { }"));
        assertEquals("error: a positional argument cannot follow a named one", failure("f(k=1, 2)"));
        assertEquals("error: print takes no **map: give sep= and end= by name", failure("print(**{})"));
    }
}
