package dev.thr.examples;

import dev.thr.repl.Repl;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

public final class ReplExample {
    public static void main(String[] args) throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Path history = Path.of(System.getProperty("user.home"), ".myapp_thr_history");
            int status = session(terminal, history).run();        // returns when the user leaves
            System.exit(status);
        }
    }

    /** A session on any JLine terminal, with one host function for the user to try. */
    public static Repl session(Terminal terminal, Path history) {
        return Repl.builder(terminal)
                .engine(thr -> thr.function("fetch", a -> {       // every engine of the session gets it
                    Thread.sleep(100);                            // pretend to wait for the network
                    return 1000 * a.get(0).toString().length();   // a fake page size
                }))
                .history(history)                                 // kept between sessions
                .build();
    }
}
