package dev.thr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.thr.testing.Run;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** exit(code), as Python's sys.exit: the main code ends, its threads finish, the status is kept. */
class ExitTest {
    @Test
    void exitEndsTheMainCodeAfterItsFinallyBlocksAndCatchDoesNotStopIt() throws Exception {
        StringWriter out = new StringWriter();
        ThrEngine engine = Thr.builder().stdout(out).build();
        assertNull(engine.exitStatus());
        engine.runMain(engine.compile("exit.thr", """
                t = spawn fn() { sleep 0.05; print "the thread finishes" }()
                try { exit(3) } catch Error e { print "not caught" } finally { print "finally" }
                print "not reached"
                """));
        assertEquals("finally\nthe thread finishes\n", out.toString());
        assertEquals(3, engine.exitStatus());
    }

    @Test
    void inAThreadItEndsThatThreadOnly() {
        Run r = Run.of("exit.thr", "t = spawn fn() { exit(5); print \"no\" }()\njoin t\nprint t.error, \"main goes on\"\n");
        assertEquals("nil main goes on\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void aMessageIsWrittenToStderrWithStatusOne() throws Exception {
        StringWriter err = new StringWriter();
        ThrEngine engine = Thr.builder().stderr(err).build();
        engine.runMain(engine.compile("exit.thr", "exit(\"bye\")\n"));
        assertEquals("bye\n", err.toString());
        assertEquals(1, engine.exitStatus());
    }

    @Test
    void statusesOutsideOneByteAreWhatCPythonMakesOfThem() throws Exception {
        ThrEngine engine = Thr.builder().stderr(new StringWriter()).build();
        engine.runMain(engine.compile("exit.thr", "exit(-1)\n"));
        assertEquals(255, engine.exitStatus());
        engine.runMain(engine.compile("exit.thr", "exit(10 ** 20)\n"));
        assertEquals(255, engine.exitStatus());
        engine.runMain(engine.compile("exit.thr", "exit(true)\n"));
        assertEquals(1, engine.exitStatus());
    }
}
