package dev.thr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --no-color and NO_COLOR (no-color.org: set and not empty means no colours). */
class ColourChoiceTest {
    @Test
    void noColorSetAndNotEmptyTurnsColoursOff() {
        assertTrue(Main.colourAllowed(false, Map.of()));
        assertFalse(Main.colourAllowed(false, Map.of("NO_COLOR", "1")));
        assertTrue(Main.colourAllowed(false, Map.of("NO_COLOR", "")), "an empty NO_COLOR does not count");
    }

    @Test
    void theOptionTurnsColoursOff() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--no-color");
        assertTrue(main.noColor);
        assertEquals(false, Main.colourAllowed(main.noColor, Map.of()));
    }
}
