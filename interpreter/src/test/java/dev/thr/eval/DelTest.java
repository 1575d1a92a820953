package dev.thr.eval;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** `del` removes a variable, a map entry, a list item or a slice. */
class DelTest {
    @Test
    void itemsEntriesAndSlicesGo() {
        assertEquals("{'b': 2}\n[1, 3]\n[0, 5]\n[1, 3, 5]\n", output("""
                m = {"a": 1, "b": 2}
                del m["a"]
                print m
                xs = [1, 2, 3]
                del xs[-2]
                print xs
                ys = [0, 1, 2, 3, 4, 5]
                del ys[1:5]
                print ys
                zs = [0, 1, 2, 3, 4, 5]
                del zs[::2]
                print zs
                """));
    }

    @Test
    void severalTargetsGoLeftToRight() {
        assertEquals("[1, 3]\n", output("""
                xs = [0, 1, 2, 3]
                del xs[0], xs[1]
                print xs
                """));
    }

    @Test
    void aDeletedVariableHasNoValue() {
        assertEquals("NameError: 'x' is used before it is assigned", failure("""
                x = 1
                del x
                print x
                """));
        assertEquals("NameError: 'y' is used before it is assigned", failure("""
                fn f() { y = 1; del y; return y }
                f()
                """));
        assertEquals("2\n", output("""
                x = 1
                del x
                x = 2
                print x
                """));
    }

    @Test
    void delMakesANameLocalToTheFunctionAsInPython() {
        assertEquals("NameError: 'g' is used before it is assigned", failure("""
                g = 1
                fn f() { del g }
                f()
                """));
        assertEquals("NameError: 'g' is used before it is assigned", failure("""
                g = 1
                fn f() { global g; del g }
                f()
                print g
                """));
    }

    @Test
    void whatIsNotThereIsAnError() {
        assertEquals("KeyError: no key 'z' in the map", failure("m = {}\ndel m[\"z\"]"));
        assertEquals("IndexError: list index 5 out of range", failure("xs = [1]\ndel xs[5]"));
        assertEquals("NameError: 'nothing' is used before it is assigned", failure("del nothing"));
        assertEquals("TypeError: str does not support item deletion", failure("s = \"ab\"\ndel s[0]"));
        assertEquals("error: del removes a variable (del x), an item (del m[k]) or a slice (del xs[i:j]), not this",
                failure("del f()"));
    }
}
