package dev.thr.builtins;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.thr.api.Thr;
import dev.thr.testing.Run;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** now, time, random, uniform, randint, choice, shuffle, and the seed that makes them repeatable. */
class TimeBuiltinsTest {

    private static String seeded(long seed, String code) {
        Run r = Run.of("seeded.thr", code, Thr.builder().seed(seed));
        assertEquals(0, r.status(), r.stderr());
        assertEquals("", r.stderr());
        return r.stdout();
    }

    @Test
    void nowNeverGoesBackwards() {
        assertEquals("float true true\n", output("""
                a = now()
                b = now()
                ok = true
                prev = b
                for i in range(1000) {
                  t = now()
                  if t < prev { ok = false }
                  prev = t
                }
                print type(a), b >= a, ok
                """));
    }

    @Test
    void timeIsSecondsSinceTheEpoch() {
        assertEquals("float true\n", output("print type(time()), time() > 1600000000\n"));
    }

    static List<Long> seeds() {
        return List.of(7L, 1L, 2L, 3L, 1000L, -5L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void drawsStayWithinTheirBounds(long seed) {
        assertEquals("0 0 0 0 0\n[1, 2, 3, 4, 5, 6]\n", seeded(seed, """
                bad_random = 0
                bad_uniform = 0
                bad_negative = 0
                bad_randint = 0
                bad_type = 0
                seen = {}
                for i in range(2000) {
                  r = random()
                  if r < 0 or r >= 1 { bad_random += 1 }
                  u = uniform(2.5, 7)
                  if u < 2.5 or u > 7 { bad_uniform += 1 }
                  v = uniform(-1, -0.5)
                  if v < -1 or v > -0.5 { bad_negative += 1 }
                  k = randint(1, 6)
                  if k < 1 or k > 6 { bad_randint += 1 }
                  if type(k) != "int" or type(r) != "float" { bad_type += 1 }
                  seen[k] = true
                }
                print bad_random, bad_uniform, bad_negative, bad_randint, bad_type
                print sorted(seen.keys())
                """));
    }

    private static final String DRAWS = """
            print random(), random()
            print uniform(1, 2), randint(1, 100), randint(-5, 5)
            print choice(["a", "b", "c", "d"])
            l = list(range(10))
            shuffle(l)
            print l
            """;

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameSeedGivesTheSameNumbers(long seed) {
        String first = seeded(seed, DRAWS);
        assertEquals(first, seeded(seed, DRAWS));
    }

    @Test
    void differentSeedsGiveDifferentNumbers() {
        assertNotEquals(seeded(7L, DRAWS), seeded(8L, DRAWS));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shuffleAndChoiceKeepTheItems(long seed) {
        assertEquals("true 20 true\n", seeded(seed, """
                items = list(range(20))
                l = items.copy()
                shuffle(l)
                ok = true
                for i in range(200) { if not (choice(items) in items) { ok = false } }
                print sorted(l) == items, len(l), ok
                """));
    }

    @Test
    void degenerateRangesGiveTheirOnlyValue() {
        assertEquals("3 5.0 [] x\n", output("""
                e = []
                shuffle(e)
                print randint(3, 3), uniform(5, 5), e, choice("x")
                """));
    }

    static Stream<Arguments> errors() {
        return Snippets.table("""
                randint(2, 1) ==> ValueError: randint(2, 1): b must not be less than a
                randint(1.5, 2) ==> TypeError: randint's a must be an integer, not float
                uniform("a", 1) ==> TypeError: uniform's a must be a number, not str
                uniform(1) ==> TypeError: uniform() is missing its argument 'b'
                choice([]) ==> IndexError: choice from an empty sequence
                shuffle("abc") ==> TypeError: shuffle needs a list, not str
                random(1) ==> TypeError: random() takes 0 arguments but 1 were given
                """);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("errors")
    void randomnessErrors(String expr, String expected) {
        assertEquals(expected, failure("x = " + expr + "\n"));
    }

    @Test
    void sleepNeedsANonNegativeNumber() {
        assertEquals("ValueError: sleep needs a length of 0 or more seconds", failure("sleep -1\n"));
        assertEquals("TypeError: sleep needs a number of seconds, not str", failure("sleep \"1\"\n"));
        assertEquals("done\n", output("sleep 0\nsleep 0.0\nprint \"done\"\n"));
    }
}
