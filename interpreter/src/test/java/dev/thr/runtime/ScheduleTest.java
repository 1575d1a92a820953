package dev.thr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.api.Thr;
import dev.thr.testing.Run;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedules as people type them, and what replaying one does. */
class ScheduleTest {
    @Test
    void aScheduleReadsAndWritesTheSameWay() {
        Schedule s = Schedule.parse(" 4.9:1, 2.14:3 ");
        assertEquals("none", Schedule.text(Map.of()));
        assertEquals("2.14:3,4.9:1", Schedule.text(Map.of(new Schedule.At(4, 9), 1L, new Schedule.At(2, 14), 3L)));
        assertEquals(0, s.steps());
        Schedule.parse("none");
    }

    @Test
    void aBadScheduleSaysWhatOneLooksLike() {
        for (String bad : new String[] {"14:2", "2.x:3", "2.1:3,2.1:4", "2.1", "2.99999999999:1"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse(bad), bad);
            assertTrue(e.getMessage().contains("2.14:3") || e.getMessage().contains("twice") || e.getMessage().contains("too large"),
                    bad + ": " + e.getMessage());
        }
    }

    private static final String TWO = """
            fn say(word) { for i in range(2) { print word } }
            a = spawn say("a")
            b = spawn say("b")
            join a, b
            """;

    @Test
    void thePlainestRunLetsEachThreadGoOnUntilItEnds() throws Exception {
        Run plain = Run.of("two.thr", TWO, Thr.builder().simulate(1, "none"));
        assertEquals("a\na\nb\nb\n", plain.stdout());
    }
}
