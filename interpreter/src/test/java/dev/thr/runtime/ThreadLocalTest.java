package dev.thr.runtime;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** local(): each thread sees only the fields it set itself. */
@Timeout(60)
class ThreadLocalTest {

    @Test
    void eachThreadSeesOnlyItsOwnFields() {
        // The barrier makes every thread set its field before any reads it back, so a shared
        // field would show another thread's value.
        assertEquals("[0, 1, 2, 3, 4, 5]\nmain\n", output("""
                loc = local()
                loc.x = "main"
                b = barrier(6)
                fn worker(k) {
                  loc.x = k
                  b.wait()
                  return loc.x
                }
                ts = [spawn worker(k) for k in range(6)]
                for t in ts { join t }
                print [t.result for t in ts]
                print loc.x
                """));
    }

    @Test
    void aFieldSetByAnotherThreadIsNotSet() {
        assertEquals("AttributeError this thread has not set local field 'x'\n", output("""
                loc = local()
                loc.x = 1
                fn reader() {
                  try { return loc.x } catch Error e { return e.kind + " " + e.message }
                }
                t = spawn reader()
                join t
                print t.result
                """));
    }

    @Test
    void readingAnUnsetFieldIsAnAttributeError() {
        assertEquals("AttributeError: this thread has not set local field 'y'", failure("loc = local()\nprint loc.y\n"));
    }

    @Test
    void fieldsCanBeUpdatedInPlace() {
        assertEquals("[1000, 1000, 1000]\n<local> local\n", output("""
                loc = local()
                fn count() {
                  loc.n = 0
                  for i in range(1000) { loc.n += 1 }
                  return loc.n
                }
                ts = [spawn count() for k in range(3)]
                for t in ts { join t }
                print [t.result for t in ts]
                print loc, type(loc)
                """));
    }

    @Test
    void twoLocalsAreSeparate() {
        assertEquals("1 2\n", output("""
                a = local()
                b = local()
                a.v = 1
                b.v = 2
                print a.v, b.v
                """));
    }
}
