package dev.thr.repl;

import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import dev.thr.api.ThrException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.NonBlockingReader;

/**
 * The interactive session: one engine whose names and threads live across snippets, a JLine
 * reader that threads' output cannot garble, and Ctrl-C that stops the running snippet only.
 */
public final class Repl {
    private final Terminal terminal;
    private final PrintWriter out;
    private final ReplOutput output;
    private final LineReader reader;
    private final Commands commands;
    private final LastResults last = new LastResults();
    private final ReaderTurns turns = new ReaderTurns();
    private final SessionLog log = new SessionLog();
    private final boolean colour;
    private final boolean warmUp;
    /** A terminal without cursor movement: no colours, and continuation lines asked for one by one. */
    private final boolean dumb;
    private final boolean virtual;
    private final Long seed;
    private final Consumer<Thr.Builder> engineSetup;
    private final EditingModes editing;
    /** The seed of a simulated session (:sim SEED, or thr --sim), null on real threads. */
    private Long simSeed;
    private volatile ThrEngine engine;
    /** The thread running a snippet, for Ctrl-C to interrupt; null at the prompt. */
    private volatile Thread evaluating;
    private volatile boolean leaveNow;
    private int snippets;

    /**
     * A session on this terminal, for a host application to run (see docs/embedding.md); the
     * `thr` command makes its own with {@link #start}.
     */
    public static Builder builder(Terminal terminal) {
        return new Builder(terminal);
    }

    /** How a session is made. Every option is optional. */
    public static final class Builder {
        private final Terminal terminal;
        private Path history;
        private Path inputrc;
        private boolean virtual;
        private Long seed;
        private Long simSeed;
        private boolean colour = true;
        private boolean warmUp = true;
        private Consumer<Thr.Builder> engine = b -> { };

        private Builder(Terminal terminal) {
            this.terminal = java.util.Objects.requireNonNull(terminal, "terminal");
        }

        /** Where the history is kept between sessions; without one it lasts as long as the session. */
        public Builder history(Path file) { this.history = file; return this; }

        /** A readline settings file (an inputrc) to read, for `set editing-mode vi` and key bindings; none by default. */
        public Builder inputrc(Path file) { this.inputrc = file; return this; }

        /**
         * What every engine of the session gets: globals, host functions, limits. It is applied to a
         * fresh {@link Thr.Builder} for the first engine and again at each `:reset` and `:sim`; the
         * session then sets the engine's stdout, stderr and stdin itself, since it owns the terminal.
         */
        public Builder engine(Consumer<Thr.Builder> setup) { this.engine = java.util.Objects.requireNonNull(setup); return this; }

        /** Scripts' threads as virtual threads (thr --virtual). */
        public Builder virtualThreads(boolean virtual) { this.virtual = virtual; return this; }

        /** The seed of the random builtins (thr --seed). */
        public Builder seed(Long seed) { this.seed = seed; return this; }

        /** Starts simulated, on the deterministic scheduler with this seed (thr --sim); null for real threads. */
        public Builder simulate(Long seed) { this.simSeed = seed; return this; }

        /** false keeps colours off (thr --no-color, NO_COLOR); a dumb terminal never gets them. */
        public Builder colour(boolean colour) { this.colour = colour; return this; }

        /** false: no warm-up of the interpreter in the background once the first prompt is up (on by default). */
        public Builder warmUp(boolean warmUp) { this.warmUp = warmUp; return this; }

        public Repl build() { return new Repl(this); }
    }

    private Repl(Builder b) {
        Terminal terminal = b.terminal;
        this.terminal = terminal;
        this.simSeed = b.simSeed;
        this.engineSetup = b.engine;
        this.out = terminal.writer();
        this.virtual = b.virtual;
        this.seed = b.seed;
        this.output = new ReplOutput(terminal);
        this.dumb = terminal.getType().startsWith("dumb");
        this.colour = b.colour && !dumb;
        this.warmUp = b.warmUp;
        HelpTopics help = new HelpTopics(() -> engine);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("thr")
                .parser(Answers.parser(new InputParser(!dumb), turns))
                .completer(Answers.completer(new Completion(() -> engine, help), turns))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, Prompts.CONTINUATION_PATTERN)
                .variable(LineReader.LINE_OFFSET, Prompts.LINE_OFFSET)
                .variable(LineReader.INDENTATION, 2)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_BRACKET, false)
                // on only while the prompt gives way to a question (ReaderTurns); set here so
                // that the option is in the reader's table before any thread changes it
                .option(LineReader.Option.ERASE_LINE_ON_FINISH, false);
        if (b.history != null) builder.variable(LineReader.HISTORY_FILE, b.history).history(new SafeHistory(terminal.writer()));
        // JLine reads the file while the reader is built; a dumb terminal edits plainly whatever it says
        if (b.inputrc != null && !dumb) builder.variable(LineReader.INPUT_RC_FILE_NAME, b.inputrc.toString());
        if (colour) builder.highlighter(Answers.highlighter(new Highlighting(), turns));
        this.reader = builder.build();
        this.engine = newEngine();
        if (dumb) {
            // the brace widget blinks the matching brace with cursor moves: plain insert here
            reader.getKeyMaps().get(LineReader.MAIN).bind(new org.jline.reader.Reference(LineReader.SELF_INSERT), "}");
        } else {
            closeBraceDedentsOnlyAtLineStart(reader);
        }
        if (!dumb) TypeAhead.install(reader);
        this.editing = new EditingModes(reader, dumb);
        output.attach(reader);
        turns.attach(reader);
        this.commands = new Commands(this, out, help);
        terminal.handle(Terminal.Signal.INT, signal -> interrupt());
    }

    /**
     * JLine's `}` takes back indentation wherever it is typed, so `{ x }` would lose the space
     * before the brace; only a brace that starts a continuation line should move left.
     */
    private static void closeBraceDedentsOnlyAtLineStart(LineReader reader) {
        // in both modes: an inputrc or :set may switch the main keymap to vi's insert keys
        reader.getWidgets().put("thr-close-brace", () -> {
            String before = reader.getBuffer().upToCursor();
            if (before.substring(before.lastIndexOf('\n') + 1).isBlank()) {
                reader.callWidget(LineReader.INSERT_CLOSE_CURLY);
            } else {
                reader.getBuffer().write('}');
            }
            return true;
        });
        for (String keymap : new String[] {LineReader.EMACS, LineReader.VIINS}) {
            reader.getKeyMaps().get(keymap).bind(new org.jline.reader.Reference("thr-close-brace"), "}");
        }
    }

    /** Opens the system terminal and runs a session on it; the exit status. */
    public static int start(boolean virtual, Long seed, Long simSeed, boolean colourAllowed) throws IOException {
        // With JLine 4.5's FFM terminal, software signal handling sometimes delivers a Ctrl-C
        // typed at the prompt twice, eating the next line; the terminal's own signals do not.
        System.setProperty("org.jline.terminal.softwareSignals", "false");
        // JNI before FFM: JLine's FFM signal handling starts a new dispatcher thread each time a
        // readLine swaps its handlers, which made every line of a paste without bracketed paste
        // three times slower. An explicit org.jline.terminal.provider(s) property still decides.
        String providers = System.getProperty(TerminalBuilder.PROP_PROVIDERS, "jni,ffm,exec");
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("thr").providers(providers).build()) {
            String home = System.getProperty("user.home");
            Path history = System.getenv("THR_HISTORY") != null ? Path.of(System.getenv("THR_HISTORY"))
                    : home == null ? null : Path.of(home, ".thr_history");
            CtrlCOnDumbTerminals ctrlC = CtrlCOnDumbTerminals.install(terminal);
            try {
                return builder(terminal).history(history).inputrc(inputrc(home)).virtualThreads(virtual).seed(seed)
                        .simulate(simSeed).colour(colourAllowed).build().run();
            } finally {
                if (ctrlC != null) ctrlC.close();
            }
        }
    }

    /** As readline finds it: $INPUTRC, else ~/.inputrc. */
    private static Path inputrc(String home) {
        String named = System.getenv("INPUTRC");
        if (named != null && !named.isEmpty()) return Path.of(named);
        return home == null ? null : Path.of(home, ".inputrc");
    }

    private ThrEngine newEngine() {
        Thr.Builder b = Thr.builder().virtualThreads(virtual).seed(seed).global("args", List.of()).record(EVENTS_PER_THREAD)
                .reuseMainThreads(true); // a snippet a line: a thread each would cost more than most snippets take
        engineSetup.accept(b); // the host's globals, functions and limits, after thr's defaults so they may change them
        if (simSeed != null) b.simulate(simSeed);
        return b.stdout(output).stderr(output).stdin(new ReplInput(reader, turns, output)).build();
    }

    /** A session records its threads for :timeline, keeping fewer events a thread than a script run. */
    private static final int EVENTS_PER_THREAD = 100_000;

    Terminal terminal() { return terminal; }

    /** Whether to draw in colour (not on a dumb terminal, nor with --no-color or NO_COLOR). */
    boolean colour() { return colour; }

    boolean unicode() {
        return !dumb && terminal.encoding() != null && terminal.encoding().name().toUpperCase(java.util.Locale.ROOT).contains("UTF");
    }

    ThrEngine engine() { return engine; }

    LineReader reader() { return reader; }

    SessionLog log() { return log; }

    EditingModes editing() { return editing; }

    /** Whether a snippet is running (what Ctrl-C would stop). */
    boolean busy() { return evaluating != null; }

    /** Reads and runs snippets until Ctrl-D or :quit; 0 at the end. */
    public int run() {
        String version = Repl.class.getPackage().getImplementationVersion();
        out.println("thr " + (version == null ? "dev" : version) + " interactive session. :help for help, Ctrl-D to leave.");
        out.flush();
        if (warmUp) Warmup.start();
        while (true) {
            String line;
            try {
                line = prompted(Prompts.PRIMARY);
                // JLine redraws a multi-line entry with cursor moves a dumb terminal lacks:
                // there, ask for each continuation line ourselves
                while (dumb && !line.strip().startsWith(":") && dev.thr.api.Syntax.check(line) == dev.thr.api.Syntax.Input.INCOMPLETE) {
                    line = line + "\n" + prompted(Prompts.continuation(line.split("\n", -1).length + 1));
                }
            } catch (UserInterruptException e) {
                DiscardedLine.mark(terminal, e.getPartialLine(), dumb); // Ctrl-C at the prompt discards the line
                continue;
            } catch (EndOfFileException e) {
                return leave();
            }
            if (line.isBlank()) continue;
            // Python habits: `exit`, `quit` leave (as in PyREPL), `help` helps
            switch (line.strip()) {
                case "exit", "quit", "quit()" -> {
                    return leave();
                }
                case "help", "help()" -> line = ":help";
                default -> { }
            }
            if (line.strip().startsWith(":")) {
                switch (commands.run(line)) {
                    case GO_ON -> { }
                    case LEAVE -> { return leave(); }
                    case LEAVE_NOW -> { return leaveAtOnce(); }
                }
                continue;
            }
            int number = ++snippets;
            log.snippet(number, line, evaluate("<input " + number + ">", line));
            // exit(code) leaves the session, as it ends a script
            if (engine.exitStatus() != null) {
                int status = engine.exitStatus();
                leave();
                return status;
            }
        }
    }

    /**
     * A line typed at the session's prompt. A question from `input()` in another thread takes
     * the reader over: JLine erases the prompt and what was typed (see {@link ReaderTurns}),
     * the question is asked, and the prompt comes back with the typed text, the cursor at its end.
     */
    private String prompted(String prompt) {
        String typed = null;
        while (true) {
            turns.startPrompt();
            // only now, holding the turn: a question printed just before its thread asks is
            // ended here, and found again by promptGaveWay, never lost between the two
            output.endPartialLine();
            output.promptComing();
            editing.prompting();
            try {
                String line = reader.readLine(prompt, null, typed);
                turns.endPrompt(() -> showAccepted(prompt, line), output::promptGone);
                return line;
            } catch (UserInterruptException e) {
                if (!turns.endPrompt(output::promptGaveWay, output::promptGone)) throw e; // Ctrl-C
                typed = e.getPartialLine();
            } catch (RuntimeException e) {
                turns.endPrompt(output::promptGone);
                throw e;
            }
        }
    }

    /**
     * Enter was pressed just as a question asked the prompt to give way, and JLine erased the
     * accepted line: it is drawn again where it was (the cursor is where the prompt began), so
     * the screen shows what runs.
     */
    private void showAccepted(String prompt, String line) {
        String[] lines = line.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.println((i == 0 ? prompt : Prompts.continuation(i + 1)) + lines[i]);
        }
        out.flush();
    }

    /** Runs one snippet on this thread; whatever it does, the session goes on. Whether it ran without error. */
    boolean evaluate(String name, String source) {
        evaluating = Thread.currentThread();
        try {
            ThrEngine.Script script = engine.compileInteractive(name, source);
            Object value = engine.run(script);
            if (value != null) {
                last.echoed(engine, value);
                output.endPartialLine();
                String shown = Abbreviated.text(engine.repr(value), ECHO_LINES, ECHO_CHARS, "; the whole value is in _");
                out.println(styled("=> " + shown, AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)));
            }
            return true;
        } catch (ThrException e) {
            if (!e.isSyntaxError()) last.failed(engine, e);
            output.endPartialLine(); // an echo or error starts a line of its own
            out.print(styled(e.getMessage(), AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)));
            return false;
        } catch (InterruptedException | java.util.concurrent.CancellationException e) { // stopped running, or compiling a huge paste
            output.endPartialLine(); // an echo or error starts a line of its own
            String message = e.getMessage() == null ? "" : e.getMessage();
            String at = message.startsWith(ThrEngine.STOPPED + " at ") ? message.substring(ThrEngine.STOPPED.length()) : ".";
            out.println(styled("Interrupted" + at, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)));
            return false;
        } catch (RuntimeException | Error e) {
            out.println("thr: internal error: " + e + " (this is a bug in thr; the session goes on)");
            return false;
        } finally {
            evaluating = null;
            Thread.interrupted(); // an interrupt that arrived as the snippet ended must not hit the next one
            out.flush();
        }
    }

    /** How much of a value is echoed: about half a screen, more is abbreviated (the whole value stays in `_`). */
    static final int ECHO_LINES = 30, ECHO_CHARS = 2000;

    /** A fresh session on the simulator with this seed, or on real threads for null. */
    void simulate(Long seed) {
        simSeed = seed;
        reset();
    }

    Long simSeed() { return simSeed; }

    void reset() {
        try {
            engine.cancel();
        } catch (InterruptedException | IllegalStateException e) {
            // a thread that will not stop belongs to the old engine: the new session starts anyway
        }
        engine = newEngine();
        last.reset();
    }

    private void interrupt() {
        Thread t = evaluating;
        if (t != null) t.interrupt();
        else leaveNow = true;
    }

    /** Leaving: wait for running non-daemon threads, unless Ctrl-C or Ctrl-D says not to. */
    private int leave() {
        List<String> running = running();
        if (running.isEmpty()) return 0;
        out.println("Waiting for " + count(running.size()) + " to finish: "
                + Abbreviated.names(running, NAMES_SHOWN) + " (Ctrl-C or Ctrl-D to leave without them).");
        out.flush();
        leaveNow = false;
        var saved = terminal.enterRawMode();
        try {
            NonBlockingReader keys = terminal.reader();
            while (!running().isEmpty() && !leaveNow) {
                int c = keys.read(100);
                if (c == 3 || c == 4) leaveNow = true;
            }
        } catch (IOException e) {
            // the terminal went away: nobody is left to wait for
        } finally {
            terminal.setAttributes(saved);
        }
        return leaveNow ? leaveAtOnce() : 0;
    }

    /**
     * :exit! — leaving at once, as a second Ctrl-C does: threads still running end with the
     * session's process, unfinished, and the message says so (nothing is left running after it).
     */
    private int leaveAtOnce() {
        List<String> left = running();
        if (!left.isEmpty()) {
            out.println(count(left.size()) + " had not finished and ended with the session: " + Abbreviated.names(left, NAMES_SHOWN) + ".");
            out.flush();
        }
        return 0;
    }

    /** How many thread names a message about leaving lists before it says how many more. */
    private static final int NAMES_SHOWN = 5;

    private static String count(int threads) {
        return String.format("%,d", threads) + (threads == 1 ? " thread" : " threads");
    }

    private List<String> running() {
        return engine.threads().stream().filter(t -> !t.daemon() && !t.name().equals("MainThread")
                && !t.state().equals("terminated")).map(ThrEngine.ThreadInfo::name).toList();
    }

    private String styled(String text, AttributedStyle style) {
        return colour ? new AttributedString(text, style).toAnsi(terminal) : text;
    }
}
