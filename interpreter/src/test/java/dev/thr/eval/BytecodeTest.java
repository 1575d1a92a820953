package dev.thr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import dev.thr.api.ThrException;
import dev.thr.testing.Run;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bytecode tier: every tier prints the same, errors and all, and the adaptive tier's moves
 * from the tree to bytecode (a function at its 200th call, a loop at the 1,000th turn of one
 * run) happen where they should and go on exactly where the tree left off. (The whole suite
 * also runs on the tree and on Tier.BYTECODE: see interpreter/pom.xml.)
 */
@Timeout(60)
class BytecodeTest {

    /** Programs whose every line depends on control flow, calls and errors crossing compiled code. */
    static Stream<String> programs() {
        return Stream.of(
                // a loop that turns past the adaptive threshold, with break and continue on both sides of it
                """
                fn f(n) {
                  total = 0
                  for i in range(n) {
                    if i % 7 == 0 { continue }
                    if i == 1500 { break }
                    total += i
                  }
                  return total
                }
                print f(3000), f(10)
                """,
                // while resumed at its condition; the state of the turns before the move is kept
                """
                i = 0
                seen = []
                while i < 2500 {
                  i += 1
                  if i == 999 or i == 1000 or i == 1001 { seen.append(i) }
                }
                print i, seen
                """,
                // return from inside a loop inside try, inside a compiled function; finally runs once
                """
                log = []
                fn g(n) {
                  for i in range(n) {
                    try {
                      if i == n - 1 { return i * 2 }
                    } finally {
                      if i == n - 1 { log.append("finally {i}") }
                    }
                  }
                  return -1
                }
                print g(1200), log
                """,
                // break and continue that reach a compiled loop through a statement left to the tree
                """
                out = []
                for i in range(1100) {
                  with lock() {
                    if i % 500 == 1 { continue }
                    if i == 1050 { break }
                  }
                  if i % 250 == 0 { out.append(i) }
                }
                print out
                """,
                // recursion past the threshold, closures, nonlocal and global writes
                """
                calls = 0
                fn fib(n) { global calls; calls += 1; if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }
                fn counter() { c = 0; fn inc() { nonlocal c; c += 1; return c }; return inc }
                k = counter()
                for i in range(300) { k() }
                print fib(15), calls, k()
                """,
                // a call site that sees several callees: functions, a builtin, a lambda, a method
                """
                fn a(x) { return x + 1 }
                fn b(x) { return x * 2 }
                fs = [a, b, abs, fn(x) => x - 3, "abc".count]
                total = 0
                for i in range(1000) {
                  f = fs[i % 5]
                  total += f("b" if i % 5 == 4 else -i)
                }
                print total
                """,
                // a function replaced after its call sites were linked
                """
                fn step(x) { return x + 1 }
                fn run(n) { t = 0; for i in range(n) { t = step(t) }; return t }
                print run(500)
                fn step(x) { return x + 10 }
                print run(500)
                """,
                // named arguments, defaults, *rest and **named through compiled sites
                """
                fn f(a, b = 2, *rest, **named) { return a + b + len(rest) + len(named) }
                fn g(a, b = 5) { return a * b }
                t = 0
                for i in range(1200) { t += f(i, b = 1) + g(i) + g(1, 2) + f(1, 2, 3, 4, x = 1) }
                print t
                """,
                // an error inside compiled code: its place and the functions it passed through
                """
                fn inner(x) { return 10 // x }
                fn outer(n, stop) { t = 0; for i in range(n, stop, -1) { t += inner(i) }; return t }
                print outer(5, 0)
                print outer(1500, -1)
                """,
                // an error caught in compiled code, a bare raise, and an error in a thread
                """
                fn risky(i) { if i == 1234 { raise ValueError("at {i}") }; return i }
                caught = nil
                for i in range(2000) {
                  try { risky(i) } catch ValueError e { caught = e.message }
                }
                print caught
                fn worker() { for i in range(1500) { risky(i) } }
                t = spawn worker()
                join t
                print "after"
                """,
                // a local used before it is set, in a function compiled at its first call
                """
                fn h(flag) {
                  if flag { x = 1 }
                  return x
                }
                for i in range(250) { h(true) }
                print h(false)
                """,
                // the recursion limit
                """
                fn down(n) { return down(n + 1) }
                down(0)
                """,
                // comparisons, chains, and/or, conditionals, membership, items and fields
                """
                m = {"a": [1, 2, 3]}
                t = 0
                for i in range(1500) {
                  if 0 < i % 10 < 5 and not (i in [3, 4]) or i == 7 { t += m["a"][i % 3] }
                  t += 1 if i > 1000 else 0
                }
                print t, "a" in m, m["a"].index(3)
                """,
                // bodies run without a frame: unpacking, a module variable, a local read unset,
                // defaults and names at a site that passes arguments as they are, nine arguments
                """
                g = 0
                fn swap(a, b) { a, b = b, a; return [a, b] }
                fn bump(n) { global g; g += n; return g }
                fn pick(flag) { if flag { x = 1 }; return x }
                fn add(a, b = 10) { return a + b }
                fn nine(a, b, c, d, e, f, g2, h, i) { return a + b + c + d + e + f + g2 + h + i }
                fn pair(p) { a, b = p; return a - b }
                t = 0
                for i in range(300) {
                  t += swap(i, 1)[0] + bump(1) + add(i) + add(i, 1) + add(b = 2, a = i) + nine(1, 2, 3, 4, 5, 6, 7, 8, i) + pair([i, 1])
                }
                print t, g, pick(true)
                print pair([1, 2, 3])
                """,
                // calls between bodies with and without a frame, and an error passing through both
                """
                fn leaf(x) { return 10 // x }
                fn mid(x) { return leaf(x) + 1 }
                fn framed(x) { with lock() { return mid(x) } }
                fn top(x) { return framed(x) }
                t = 0
                for i in range(1, 300) { t += top(i) }
                print t
                print top(0)
                """,
                // a function calling itself (a plain static call in its compiled body): rebound
                // to another function under the same name, and an error deep in the recursion
                """
                fn count(n) { if n == 0 { return 0 }; return 1 + count(n - 1) }
                print count(300)
                old = count
                fn count(n) { return 100 }
                print old(5)
                fn dig(n) { if n == 0 { return 10 // n }; return dig(n - 1) + 1 }
                print dig(3)
                """,
                // print, sleep and interpolation in frameless bodies, print's sep= on a frame, and their errors
                """
                fn show(i) { print "item {i:>4} of {i * 2}", i; sleep(0); return i }
                fn tell(i) { print(i, i + 1, sep = "-") }
                t = 0
                for i in range(250) { if i % 50 == 0 { t += show(i); tell(i) } }
                print t
                fn bad(i) { return "{i:q}" }
                fn nap(s) { sleep(s) }
                try { nap(-1) } catch ValueError e { print e.message }
                print bad(1)
                """);
    }

    @ParameterizedTest
    @MethodSource("programs")
    void everyTierPrintsTheSame(String program) {
        Run tree = Run.of("tiers.thr", program, Thr.builder().tier(Tier.TREE));
        for (Tier tier : new Tier[] {Tier.BYTECODE, Tier.ADAPTIVE}) {
            Run other = Run.of("tiers.thr", program, Thr.builder().tier(tier));
            assertEquals(tree, other, tier + " against the tree");
        }
        assertTrue(tree.status() != 2, "a program that compiles: " + tree.stderr());
    }

    @Test
    void theRecursionLimitIsTheSameOnEveryTier() {
        for (Tier tier : Tier.values()) {
            Run r = Run.of("deep.thr", "fn down(n) { return down(n + 1) }\ndown(0)\n", Thr.builder().tier(tier));
            assertTrue(r.stderr().contains("RecursionError: maximum recursion depth (1000) exceeded in down()"), tier + ": " + r.stderr());
        }
    }

    /** Runs a program on the adaptive tier and gives back the engine, to look at its functions. */
    private static ThrEngine adaptive(String program, StringWriter out) throws Exception {
        ThrEngine engine = Thr.builder().tier(Tier.ADAPTIVE).stdout(out).build();
        engine.run(engine.compile("hot.thr", program));
        return engine;
    }

    private static FunctionCode code(ThrEngine engine, String name) {
        return ((Function) engine.global(name)).code;
    }

    @Test
    void aFunctionIsCompiledAtItsTwoHundredthCall() throws Exception {
        StringWriter out = new StringWriter();
        ThrEngine engine = adaptive("""
                fn often(x) { return x + 1 }
                fn seldom(x) { return x + 1 }
                for i in range(198) { seldom(i) }
                for i in range(199) { often(i) }
                print often(1), seldom(1)
                """, out);
        assertEquals("2 2\n", out.toString());
        assertNotNull(code(engine, "often").entry(), "called 200 times: compiled from the 200th call on");
        assertNull(code(engine, "seldom").entry(), "called 199 times");
        assertTrue(code(engine, "seldom").cold());
    }

    /**
     * A function with fixed parameters whose body the tier emits whole runs without a frame
     * (its variables in JVM locals: no frame or argument array a call); any other is compiled
     * on a frame, and the same program prints the same either way (see programs()).
     */
    @Test
    void bodiesTheTierEmitsWholeRunWithoutAFrame() throws Exception {
        StringWriter out = new StringWriter();
        ThrEngine engine = Thr.builder().tier(Tier.BYTECODE).stdout(out).build();
        engine.run(engine.compile("frames.thr", """
                fn fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }
                fn spread(*xs) { return len(xs) }
                fn locked(x) { with lock() { return x } }
                fn outer() { c = 0; fn inc() { nonlocal c; c += 1 }; inc(); return c }
                fn show(x) { print "x is {x}"; sleep(0) }
                fn tell(x) { print(x, sep = "") }
                show(1)
                tell(2)
                print fib(10), spread(1, 2), locked(3), outer()
                """));
        assertEquals("x is 1\n2\n55 2 3 1\n", out.toString());
        assertNotNull(code(engine, "fib").compiled().direct(), "fib runs without a frame");
        assertNotNull(code(engine, "show").compiled().direct(), "print, sleep and interpolation, without a frame");
        assertNull(code(engine, "tell").compiled().direct(), "sep= is evaluated on a frame");
        assertNull(code(engine, "spread").compiled().direct(), "*rest gathers into a frame");
        assertNull(code(engine, "locked").compiled().direct(), "a with block runs on the tree, on a frame");
        assertNull(code(engine, "outer").compiled().direct(), "a closure sees the frame");
        assertNotNull(code(engine, "outer").entry(), "compiled all the same");
    }

    @Test
    void aLongLoopMovesToBytecodeAndGoesOnWithTheSameIterator() throws Exception {
        // the compiled loop takes over at the 1,000th turn, with the same iterator: the sum is the same
        StringWriter out = new StringWriter();
        ThrEngine engine = adaptive("""
                fn once(items) {
                  seen = 0
                  for x in items { seen += x }
                  return seen
                }
                fn short() { s = 0; for x in range(10) { s += x }; return s }
                print once(range(5000)), short()
                """, out);
        assertEquals(5000 * 4999 / 2 + " 45\n", out.toString());
        assertNotNull(loop(code(engine, "once")).hot.compiled(), "5,000 turns in one run");
        assertNull(loop(code(engine, "short")).hot.compiled(), "10 turns");
        assertNull(code(engine, "once").entry(), "the function itself was called once");
    }

    /** The for loop among a function's statements. */
    private static Control.For loop(FunctionCode code) {
        for (StmtNode s : ((Stmts.Block) code.body).body) {
            if (s instanceof Control.For f) return f;
        }
        throw new AssertionError("no for loop in " + code.name);
    }

    /**
     * A compiled function is one JVM frame a call, sized for its whole body: a long body or a
     * deep expression, even in a branch not taken, must not make 990 nested calls overflow
     * the stack where the tree reaches them.
     */
    @Test
    void longBodiesAndDeepExpressionsRecurseAsDeepAsOnTheTree() {
        StringBuilder program = new StringBuilder("fn f(n) {\n  if n < 0 {\n");
        for (int i = 0; i < 1500; i++) program.append("    x").append(i).append(" = [n, n + 1, n * 2][0] + n\n");
        program.append("    y = ").append("1 + ".repeat(400)).append("1\n  }\n");
        program.append("  if n == 0 { return 0 }\n  return 1 + f(n - 1)\n}\nprint f(10), f(990)\n");
        for (Tier tier : Tier.values()) {
            Run r = Run.of("deep.thr", program.toString(), Thr.builder().tier(tier));
            assertEquals(new Run("10 990\n", "", 0), r, tier.toString());
        }
    }

    @Test
    void aBodyTooLargeForOneJvmMethodStaysOnTheTree() throws Exception {
        StringWriter program = new StringWriter();
        program.write("fn big(x) {\n");
        for (int i = 0; i < 6000; i++) program.write("  x = x + " + i + " * x % 7\n");
        program.write("  return x\n}\n");
        String source = program + "print big(1)\n";
        StringWriter out = new StringWriter();
        ThrEngine engine = Thr.builder().tier(Tier.BYTECODE).stdout(out).build();
        engine.run(engine.compile("big.thr", source));
        FunctionCode big = code(engine, "big");
        assertNull(big.entry());
        assertTrue(!big.cold(), "compiling was tried, and the function settled on the tree");
        assertEquals(Run.of("big.thr", source, Thr.builder().tier(Tier.TREE)).stdout(), out.toString());
    }

    @Test
    void aCompiledLoopIsStoppedByCancelAndNamesItsPlaceAsTheTreeDoes() throws Exception {
        java.util.Map<Tier, String> messages = new java.util.EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            var ready = new java.util.concurrent.CountDownLatch(1);
            ThrEngine engine = Thr.builder().tier(tier).stdout(new StringWriter())
                    .function("ready", args -> { ready.countDown(); return null; }).build();
            var script = engine.compile("spin.thr", "fn spin() {\n  n = 0\n  while true {\n    n += 1\n    if n == 5000 { ready() }\n  }\n}\nspin()\n");
            var ended = new java.util.concurrent.CompletableFuture<String>();
            Thread host = new Thread(() -> {
                try {
                    engine.run(script);
                    ended.complete("ran to its end");
                } catch (InterruptedException | ThrException e) {
                    ended.complete(e.getMessage());
                }
            });
            host.start();
            ready.await(); // the loop has turned 5,000 times: compiled on every tier but the tree
            engine.cancel();
            messages.put(tier, ended.get());
        }
        assertTrue(messages.get(Tier.TREE).startsWith(ThrEngine.STOPPED + " at ") && messages.get(Tier.TREE).contains("spin.thr:"),
                messages.get(Tier.TREE));
        assertEquals(messages.get(Tier.TREE), messages.get(Tier.BYTECODE));
        assertEquals(messages.get(Tier.TREE), messages.get(Tier.ADAPTIVE));
    }
}
