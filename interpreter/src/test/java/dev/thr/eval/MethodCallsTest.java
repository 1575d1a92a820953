package dev.thr.eval;

import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.testing.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `x.name(args)` at one call site, which keeps the method it found for the first type it met,
 * and `x.name` likewise: values of other types still get their own methods and attributes, or
 * their own errors, every time.
 */
@Timeout(60)
class MethodCallsTest {

    @Test
    void oneCallSiteCallsEachTypesOwnMethod() {
        // each site first meets a list, then other types, then a list again, 300 times over
        // (often enough for its function to be compiled on the adaptive tier)
        assertEquals("2 3 2 [1] {1} {'k': 2} [1]\n", output("""
                fn count_ones(x) { return x.count("1") }
                fn copy_of(x) { return x.copy() }
                for turn in range(300) {
                  line = [count_ones(["1", "2", "1"]), count_ones("1a1b1"), count_ones(["1", "1"]),
                          copy_of([1]), copy_of({1}), copy_of({"k": 2}), copy_of([1])]
                }
                print(*line)
                """));
    }

    @Test
    void aTypeWithoutTheMethodIsAnErrorAtTheCallEvenAfterOthersHadIt() {
        String err = Run.error("""
                fn put_one(x) { x.append(1) }
                xs = []
                for i in range(300) { put_one(xs) }
                put_one({1: 2})
                """);
        assertTrue(err.startsWith("test.thr:1:17: AttributeError: map has no member 'append'"), err);
    }

    @Test
    void oneAttributeReadReadsEachTypesOwnAttribute() {
        // threads and functions both have a name; a thread-local object has what it was given
        assertEquals("worker shout solo worker\n", output("""
                fn name_of(x) { return x.name }
                fn shout() { }
                t = thread(shout, name="worker")
                o = local()
                o.name = "solo"
                for turn in range(300) { line = [name_of(t), name_of(shout), name_of(o), name_of(t)] }
                print(*line)
                """));
        String err = Run.error("""
                fn name_of(x) { return x.name }
                t = thread(fn() { }, name="w")
                for turn in range(300) { name_of(t) }
                name_of([1])
                """);
        assertTrue(err.startsWith("test.thr:1:26: AttributeError: list has no member 'name'"), err);
    }

    @Test
    void aFunctionKeptInAThreadLocalIsCalledAsItsMethodWouldBe() {
        assertEquals("true\n6\n", output("""
                fn call_add(x, v) { return x.add(v) }
                s = {1}
                call_add(s, 3)
                print 3 in s
                o = local()
                o.add = fn(v) { return v * 2 }
                print call_add(o, 3)
                """));
    }
}
