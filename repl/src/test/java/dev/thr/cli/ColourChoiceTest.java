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
        Options options = new Options();
        new CommandLine(options.spec()).parseArgs("--no-color");
        Main main = options.main();
        assertTrue(main.noColor);
        assertFalse(new Options().main().noColor, "off unless given");
        assertEquals(false, Main.colourAllowed(main.noColor, Map.of()));
    }
}
