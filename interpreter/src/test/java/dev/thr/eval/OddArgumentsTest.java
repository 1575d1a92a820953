package dev.thr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.thr.testing.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Arguments far out of range give an error of the right kind at the right place, never an
 * internal error: each case once ended in a Java exception or in an error with no position.
 */
class OddArgumentsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "abc".rjust(2 ** 31)                        | odd.thr:1:1: MemoryError
            "{1:.2000000000f}"                          | odd.thr:1:3: ValueError
            sleep 2 ** 2000                             | odd.thr:1:1: OverflowError
            sleep float("nan")                          | odd.thr:1:1: ValueError
            a = [];  a.append(a);  b = [];  b.append(b);  print a == b | odd.thr:1:55: RecursionError
            x = 7 ** 100000;  print x                   | odd.thr:1:19: ValueError
            x = int("7" * 5000)                         | odd.thr:1:5: ValueError
            """)
    void anOddArgumentIsAnErrorAtItsPlace(String code, String headline) {
        Run r = Run.of("odd.thr", code.strip() + "\n");
        assertEquals(1, r.status(), r.stderr());
        assertEquals(headline, r.stderr().lines().findFirst().orElse("").replaceAll("^(.*?:\\d+:\\d+: \\w+).*", "$1"), r.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            print round(1.5, 2 ** 31), round(1.5, -(2 ** 31)), round(12345, -(2 ** 31)) | 1.5 0.0 0
            print round(-1.5, -1), round(-1.5, -401), round(1.5, -1)                    | -0.0 -0.0 0.0
            print len("" * 2 ** 31), len([] * 2 ** 40)                                  | 0 0
            print len(str(10 ** 4299)), len("{7 ** 30000:x}") > 0                      | 4300 true
            """)
    void anOddArgumentThatPythonAcceptsWorks(String code, String output) {
        Run r = Run.of("odd.thr", code.strip() + "\n");
        assertEquals(output + "\n", r.stdout(), r.stderr());
    }

    @org.junit.jupiter.api.Test
    void aThreadStartedWithTheWrongArgumentsSaysWhereItWasStarted() {
        Run spawned = Run.of("odd.thr", "fn f() {}\nspawn f(1)\n");
        assertEquals("odd.thr:2:1: TypeError", spawned.stderr().lines().skip(1).findFirst().orElse("").replaceAll("^(.*?:\\d+:\\d+: \\w+).*", "$1"),
                spawned.stderr());
        Run started = Run.of("odd.thr", "fn f() {}\nt = thread(f, args=[1])\nt.start()\n");
        assertEquals("odd.thr:3:1: TypeError", started.stderr().lines().skip(1).findFirst().orElse("").replaceAll("^(.*?:\\d+:\\d+: \\w+).*", "$1"),
                started.stderr());
    }
}
