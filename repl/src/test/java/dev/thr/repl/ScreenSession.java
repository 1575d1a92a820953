package dev.thr.repl;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jline.terminal.Terminal;
import org.jline.utils.ScreenTerminal;

/**
 * A REPL on JLine's virtual screen: keys go in as bytes, the screen comes out as text. Waits are
 * for something to appear on the screen (bounded, generous); no test asserts on how long it took.
 */
final class ScreenSession implements AutoCloseable {
    final ScreenTerminal.VirtualTerminal vt;
    final Repl repl;
    private final Thread runner;
    volatile int status = -1;

    ScreenSession() throws Exception {
        this(true);
    }

    /** @param colour false as thr --no-color (or NO_COLOR) makes it */
    ScreenSession(boolean colour) throws Exception {
        this(b -> b.colour(colour));
    }

    /** @param options what the test changes in the session (an inputrc, say) */
    ScreenSession(java.util.function.Consumer<Repl.Builder> options) throws Exception {
        this(ScreenTerminal.withTerminal("vt", "xterm-256color", 100, 40), options);
    }

    /** On a screen of another type ("dumb", say). */
    ScreenSession(ScreenTerminal.VirtualTerminal vt) throws Exception {
        this(vt, b -> { });
    }

    /** On a screen of another type, with options; the background warm-up is off unless the options turn it on. */
    ScreenSession(ScreenTerminal.VirtualTerminal vt, java.util.function.Consumer<Repl.Builder> options) throws Exception {
        this.vt = vt;
        Repl.Builder builder = Repl.builder(vt.terminal()).seed(1L).warmUp(false);
        options.accept(builder);
        repl = builder.build();
        runner = new Thread(() -> status = repl.run(), "repl");
        runner.setDaemon(true);
        runner.start();
        awaitPrompt();
    }

    /** The screen's text, trailing blanks trimmed. */
    String screen() {
        return vt.screen().toString().lines().map(String::stripTrailing).filter(l -> !l.isEmpty())
                .reduce("", (a, b) -> a + b + "\n");
    }

    /** Whether any character on the screen is drawn in a colour or bold. */
    boolean coloured() {
        ScreenTerminal screen = vt.screen();
        long[] cells = new long[screen.getColumns() * screen.getRows()];
        screen.dump(cells, new int[2]);
        for (long cell : cells) {
            if (ScreenTerminal.cellHasForeground(cell) || ScreenTerminal.cellBold(cell)) return true;
        }
        return false;
    }

    void keys(String text) throws Exception {
        vt.terminal().processInputBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Types a line and presses Enter, once the reader is waiting for input. */
    void line(String text) throws Exception {
        awaitReading();
        keys(text + "\r");
    }

    /** Types a line and waits until it has run and the prompt is back (the screen's last line is `thr>`). */
    void ran(String text) throws Exception {
        line(text);
        awaitScreen(t -> t.contains("thr> " + text + "\n") && t.endsWith("\nthr>\n"), "`" + text + "` run");
    }

    void interrupt() {
        vt.terminal().raise(Terminal.Signal.INT);
    }

    /** Until the main program is in the given state ("sleeping", "runnable") inside a running snippet. */
    void awaitMain(String state) throws InterruptedException {
        await(s -> s.repl.busy() && s.repl.engine().threads().stream()
                .anyMatch(t -> t.name().equals("MainThread") && t.state().equals(state)), "the main program " + state);
    }

    /** Until the session's thread of that name is in the given state. */
    void awaitThread(String name, String state) throws InterruptedException {
        await(s -> s.repl.engine().threads().stream().anyMatch(t -> t.name().equals(name) && t.state().equals(state)),
                name + " " + state);
    }

    void awaitReading() throws InterruptedException {
        // JLine says it is reading a moment before it takes the terminal out of echo mode: keys
        // typed in between would be echoed by the terminal, not edited by the reader
        await(s -> repl.reader().isReading()
                && !vt.terminal().getAttributes().getLocalFlag(org.jline.terminal.Attributes.LocalFlag.ECHO), "the prompt");
    }

    void awaitPrompt() throws InterruptedException {
        awaitScreen(s -> s.stripTrailing().endsWith("thr>"), "a prompt");
    }

    void awaitScreen(Predicate<String> condition, String what) throws InterruptedException {
        await(s -> condition.test(screen()), what);
    }

    private void await(Predicate<ScreenSession> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.test(this)) {
            if (System.nanoTime() > deadline) throw new AssertionError("never saw " + what + "; screen:\n" + screen());
            Thread.sleep(10);
        }
    }

    boolean ended() throws InterruptedException {
        runner.join(TimeUnit.SECONDS.toMillis(20));
        return !runner.isAlive();
    }

    @Override
    public void close() {
        try {
            repl.engine().cancel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runner.interrupt();
    }
}
