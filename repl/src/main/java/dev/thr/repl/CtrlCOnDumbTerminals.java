package dev.thr.repl;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * On a dumb terminal (TERM=dumb) JLine cannot take the terminal out of line mode, so Ctrl-C
 * never reaches it as a key: the system sends SIGINT, and the JVM's default answer is to end
 * the whole session with status 130. Here SIGINT is handed to the terminal instead, as the
 * terminal's own Ctrl-C: it stops the running snippet, discards the line at the prompt, or
 * leaves the wait at the end, as on any terminal.
 */
final class CtrlCOnDumbTerminals implements AutoCloseable {
    private final SignalHandler previous;

    private CtrlCOnDumbTerminals(Terminal terminal) {
        previous = Signal.handle(new Signal("INT"), signal -> terminal.raise(Terminal.Signal.INT));
    }

    /** Hands SIGINT to the terminal if it is one JLine gets no Ctrl-C from; null when it gets them itself. */
    static CtrlCOnDumbTerminals install(Terminal terminal) {
        return terminal instanceof DumbTerminal ? new CtrlCOnDumbTerminals(terminal) : null;
    }

    /** Gives SIGINT back to whoever had it. */
    @Override
    public void close() {
        Signal.handle(new Signal("INT"), previous);
    }
}
