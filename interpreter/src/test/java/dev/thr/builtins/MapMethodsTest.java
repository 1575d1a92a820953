package dev.thr.builtins;

import static dev.thr.builtins.Snippets.failure;
import static dev.thr.builtins.Snippets.output;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** get, keys, values, items, pop, setdefault, update, clear, copy, and maps keeping insertion order. */
class MapMethodsTest {

    static Stream<Arguments> methods() {
        return Snippets.table("""
                m = {"a": 1}; print m.get("a"), repr(m.get("z")), m.get("z", 0) ==> 1 nil 0
                m = {"a": nil}; print m.get("a", 5) ==> nil
                m = {"a": 1}; print m.get(key="z", default="d") ==> d
                m = {"b": 1, "a": 2}; print m.keys(), m.values(), m.items() ==> ['b', 'a'] [1, 2] [['b', 1], ['a', 2]]
                print {}.keys(), {}.values(), {}.items() ==> [] [] []
                m = {"a": 1, "b": 2}; print m.pop("a"), m ==> 1 {'b': 2}
                m = {"a": 1}; print m.pop("z", "dflt"), m ==> dflt {'a': 1}
                m = {"a": 1}; print repr(m.pop("z", nil)) ==> nil
                m = {}; print m.setdefault("c", 3), m.setdefault("c", 4), m ==> 3 3 {'c': 3}
                m = {}; print repr(m.setdefault("d")), m ==> nil {'d': nil}
                m = {"k": []}; m.setdefault("k", []).append(1); print m ==> {'k': [1]}
                m = {"a": 1, "b": 2}; m.update({"b": 20, "c": 3}); print m ==> {'a': 1, 'b': 20, 'c': 3}
                m = {"a": 1}; print repr(m.update({})), m ==> nil {'a': 1}
                m = {"a": 1}; m.clear(); print m, len(m) ==> {} 0
                m = {"a": [1]}; c = m.copy(); c["b"] = 2; print m, c ==> {'a': [1]} {'a': [1], 'b': 2}
                m = {"a": [1]}; c = m.copy(); c["a"].append(2); print m ==> {'a': [1, 2]}
                m = {"b": 1, "a": 2}; m["c"] = 0; m["b"] = 9; print m ==> {'b': 9, 'a': 2, 'c': 0}
                m = {"x": 1, "y": 2}; m.pop("x"); m["x"] = 3; print m ==> {'y': 2, 'x': 3}
                m = {}; m["a"] = 1; m["a"] += 5; print m ==> {'a': 6}
                print {1: "a"}[1.0], {2 ** 70: "big"}[2 ** 70], {nil: "n"}[nil] ==> a big n
                print {1: "int", "1": "str"}["1"], len({1: 1, 1.0: 2}) ==> str 1
                print {2 ** 70: "big"}.get(2.0 ** 70), 1e16 in {10 ** 16: 1}, len({2 ** 60: 1, 2.0 ** 60: 2}) ==> big true 1
                print {"a": 1} == {"a": 1}, {"a": 1} == {"a": 2}, {"a": 1, "b": 2} == {"b": 2, "a": 1} ==> true false true
                print "a" in {"a": 1}, 1 in {"a": 1}, "b" not in {"a": 1} ==> true false true
                for k in {"x": 1, "y": 2} { print k } ==> x\\ny
                for k, v in {"x": 1, "y": 2}.items() { print k, v } ==> x 1\\ny 2
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void mapMethod(String program, String expected) {
        assertEquals(expected.replace("\\n", "\n") + "\n", output(program + "\n"));
    }

    static Stream<Arguments> errors() {
        return Snippets.table("""
                {"a": 1}.pop("z") ==> KeyError: no key 'z' in the map
                {}["q"] ==> KeyError: no key 'q' in the map
                {1: 2}[2] ==> KeyError: no key 2 in the map
                {"a": 1}.update([1]) ==> TypeError: update needs a map, not list
                {"a": 1}.get() ==> TypeError: get() is missing its argument 'key'
                {"a": 1}.keys(1) ==> TypeError: keys() takes 0 arguments but 1 were given
                {"a": 1}.bar ==> AttributeError: map has no member 'bar'
                {"a": 1}.bar() ==> AttributeError: map has no member 'bar'
                """);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("errors")
    void mapMethodErrors(String expr, String expected) {
        assertEquals(expected, failure("x = " + expr + "\n"));
    }

    @Test
    void missingKeyCanBeCaught() {
        assertEquals("KeyError no key 'k' in the map\nfallback\n", output("""
                m = {}
                try { print m["k"] } catch KeyError e { print e.kind, e.message }
                print m.get("k", "fallback")
                """));
    }

    @Test
    void setdefaultFromManyThreadsCreatesOneList() {
        assertEquals("1 800\n", output("""
                m = {}
                l = lock()
                fn add(n) { for i in range(200) { with l { m.setdefault("k", []).append(i) } } }
                ts = [spawn add(k) for k in range(4)]
                for t in ts { join t }
                print len(m), len(m["k"])
                """));
    }

    // ---- seeded property check: random puts and pops mirrored on a LinkedHashMap -------------

    static List<Long> seeds() {
        return List.of(2L, 3L, 5L, 7L, 11L, 13L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomOperationsMatchAnInsertionOrderedMap(long seed) {
        Random random = new Random(seed);
        Map<String, Integer> model = new LinkedHashMap<>();
        StringBuilder program = new StringBuilder("m = {}\n");
        for (int step = 0; step < 80; step++) {
            String key = "k" + random.nextInt(8);
            int v = random.nextInt(100);
            switch (random.nextInt(4)) {
                case 0, 1 -> { program.append("m[\"").append(key).append("\"] = ").append(v).append('\n'); model.put(key, v); }
                case 2 -> { program.append("m.pop(\"").append(key).append("\", nil)\n"); model.remove(key); }
                default -> { program.append("m.setdefault(\"").append(key).append("\", ").append(v).append(")\n"); model.putIfAbsent(key, v); }
            }
        }
        program.append("print m\nprint len(m)\n");
        String expected = model.entrySet().stream().map(e -> "'" + e.getKey() + "': " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}")) + "\n" + model.size() + "\n";
        assertEquals(expected, output(program.toString()));
    }
}
