package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.ScreenTerminal;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/**
 * A real SIGINT sent to this JVM while a dumb terminal is in use reaches the terminal as its
 * Ctrl-C. Without the handler the JVM would end with status 130 and the test run would fail.
 */
class CtrlCOnDumbTerminalsTest {
    @Test
    void sigintBecomesTheDumbTerminalsCtrlC() throws Exception {
        try (var keys = new PipedOutputStream(); var in = new PipedInputStream(keys);
             Terminal terminal = new DumbTerminal(in, new ByteArrayOutputStream())) {
            CountDownLatch heard = new CountDownLatch(1);
            terminal.handle(Terminal.Signal.INT, s -> heard.countDown());
            try (var ctrlC = CtrlCOnDumbTerminals.install(terminal)) {
                Signal.raise(new Signal("INT"));
                assertTrue(heard.await(20, TimeUnit.SECONDS), "the terminal never heard Ctrl-C");
            }
        }
    }

    @Test
    void aTerminalThatSeesCtrlCItselfIsLeftAlone() throws Exception {
        var vt = ScreenTerminal.withTerminal("vt", "xterm-256color", 80, 24);
        assertNull(CtrlCOnDumbTerminals.install(vt.terminal()));
    }
}
