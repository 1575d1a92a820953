package dev.thr.cli;

import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import dev.thr.api.ThrException;
import dev.thr.explore.Explorer;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * The `thr` command: runs a script file, `-e CODE`, or a script from stdin.
 * Exit status: 0 when the main program finishes, 1 for an uncaught error in the main thread,
 * 2 for a usage or syntax error, 3 when the program deadlocked (its threads could never go on,
 * and thr stopped them), 130 when interrupted (the JVM's own answer to SIGINT).
 */
public final class Main implements Callable<Integer> {
    static final int OK = 0, ERROR = 1, USAGE = 2, DEADLOCK = 3, INTERRUPTED = 130;

    // what the command line set (see Options; `thr FILE` and `thr -e CODE`: plain())
    String code;
    boolean virtual;
    Long seed;
    String sim;
    String explore;
    boolean outcomes;
    String schedule;
    String strategy;
    Integer preemptions;
    Integer depth;
    Double budget;
    String shard;
    String timeline;
    String trace;
    String tier;
    boolean noColor;
    String file;
    List<String> args = new ArrayList<>();

    private final PrintWriter out = new PrintWriter(new Stdout(), true);
    private final PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);

    public static void main(String[] argv) {
        int status = run(argv);
        // halt, not System.exit: since JDK 21 exit asks for a System.Logger to log itself at
        // debug level, which starts the JDK's logging and a service lookup across the class
        // path (3 ms of a one-liner's 60). thr registers no shutdown hook; the REPL has closed
        // its terminal by now, and what thr printed went through flushed writers.
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    static int run(String[] argv) {
        Main plain = plain(argv);
        if (plain != null) return plain.callQuietly();
        Options options = new Options();
        CommandLine cli = new CommandLine(options.spec());
        argv = bareOptions(argv, options.takingValues());
        cli.setStopAtPositional(true); // everything after FILE belongs to the script
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("thr: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'thr --help'.");
            return USAGE;
        });
        cli.setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed); // --help, --version
            return help != null ? help : options.main().callQuietly();
        });
        return cli.execute(argv);
    }

    /**
     * `thr FILE [ARGS...]` and `thr -e CODE`, the commonest command lines, each also after
     * `--virtual`, read without picocli: what it would set is plain, and picocli's own start
     * (its classes, its model of the command line: see Options) costs 15 ms or more, a quarter
     * of a one-liner's. Every other command line goes through picocli. Null when argv is not
     * one of these.
     */
    static Main plain(String[] argv) {
        Main m = new Main();
        if (argv.length >= 2 && argv[0].equals("--virtual")) {
            m.virtual = true;
            argv = java.util.Arrays.copyOfRange(argv, 1, argv.length);
        }
        if (argv.length >= 1 && !argv[0].startsWith("-")) {
            m.file = argv[0]; // everything after FILE belongs to the script (as setStopAtPositional)
            m.args.addAll(List.of(argv).subList(1, argv.length));
            return m;
        }
        if (argv.length == 2 && argv[0].equals("-e")) {
            m.code = argv[1];
            return m;
        }
        return null;
    }

    /** call(), where picocli is not there to catch what it throws. */
    private int callQuietly() {
        try {
            return call();
        } catch (InterruptedException e) {
            return INTERRUPTED;
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        String name;
        String source;
        List<String> scriptArgs = new ArrayList<>(args);
        Long simSeed = null;
        if (sim != null) {
            if (sim.isEmpty()) {
                simSeed = new java.util.Random().nextLong(1, 1_000_000_000L);
                err.println("thr: simulating with seed " + simSeed + " (--sim=" + simSeed + " runs it again)");
            } else {
                try {
                    simSeed = Long.parseLong(sim.strip());
                } catch (NumberFormatException e) {
                    err.println("thr: --sim needs a number as its seed, not '" + sim + "'");
                    return USAGE;
                }
            }
        }
        try {
            if (code != null) {
                name = "<-e>";
                source = code;
                if (file != null) scriptArgs.add(0, file);
            } else if (file == null && interactive()) {
                // the REPL's classes (and JLine) load only here: scripts and -e never pay for them
                return dev.thr.repl.Repl.start(virtual, seed, simSeed, colourAllowed(noColor, System.getenv()));
            } else if (file == null || file.equals("-")) {
                name = "<stdin>";
                source = text(System.in);
            } else {
                name = file;
                try (var in = Files.newInputStream(Path.of(file))) {
                    source = text(in);
                }
            }
            if (source.startsWith("\uFEFF")) source = source.substring(1); // a byte-order mark is not code
        } catch (NoSuchFileException e) {
            err.println("thr: no such file: " + file);
            return USAGE;
        } catch (TooLarge e) {
            err.println("thr: " + (file == null || file.equals("-") ? "stdin" : file) + " is more than " + (MAX_SOURCE >> 20)
                    + " MB: too large for a script");
            return USAGE;
        } catch (java.nio.charset.CharacterCodingException e) {
            err.println("thr: cannot read " + (file == null ? "stdin" : file) + ": it is not UTF-8 text (thr reads scripts as UTF-8)");
            return USAGE;
        } catch (IOException e) {
            err.println("thr: cannot read " + (file == null ? "stdin" : file) + ": " + e.getMessage());
            return USAGE;
        }
        if (explore != null && (sim != null || schedule != null)) {
            err.println("thr: --explore chooses its own schedules: it goes without --sim and --schedule");
            return USAGE;
        }
        if (explore != null || simSeed != null || schedule != null) oneCarrierForSimulatedThreads();
        if (explore != null) {
            Explorer.Options options;
            try {
                options = Exploring.options(explore, strategy, preemptions, depth, budget, shard);
            } catch (IllegalArgumentException e) {
                err.println("thr: " + e.getMessage());
                return USAGE;
            }
            return Exploring.run(file == null ? name : file, name, source, scriptArgs, options, outcomes, out, err);
        }
        if (strategy != null || preemptions != null || depth != null || budget != null || shard != null || outcomes) {
            err.println("thr: --strategy, --preemptions, --depth, --budget, --shard and --outcomes go with --explore");
            return USAGE;
        }
        if (schedule != null && simSeed == null) simSeed = 1L;
        Thr.Builder builder = Thr.builder().stdout(out).stderr(err).virtualThreads(virtual).seed(seed)
                .record(timeline != null || trace != null).global("args", scriptArgs);
        if (tier != null) {
            switch (tier) {
                case "adaptive" -> builder.tier(dev.thr.eval.Tier.ADAPTIVE);
                case "bytecode" -> builder.tier(dev.thr.eval.Tier.BYTECODE);
                case "tree" -> builder.tier(dev.thr.eval.Tier.TREE);
                default -> {
                    err.println("thr: --tier takes adaptive, bytecode or tree, not '" + tier + "'");
                    return USAGE;
                }
            }
        }
        if (schedule != null) {
            try {
                builder.simulate(simSeed, schedule);
            } catch (IllegalArgumentException e) {
                err.println("thr: --schedule: " + e.getMessage());
                return USAGE;
            }
        } else if (simSeed != null) {
            builder.simulate(simSeed);
        }
        ThrEngine engine = builder.build();
        try {
            ThrEngine.Script script = engine.compile(name, source);
            Interrupts interrupts = new Interrupts(engine, err);
            int status = OK;
            try {
                engine.run(script);
            } catch (ThrException e) {
                // reported at once, as Python does; the other threads still finish first
                report(e);
                status = statusOf(e);
            } catch (InterruptedException e) {
                status = INTERRUPTED;
            }
            try {
                engine.awaitThreads();
            } catch (ThrException e) {
                report(e);
                status = statusOf(e);
            }
            stopDaemons(engine);
            drawn(engine, name);
            if (interrupts.happened()) return INTERRUPTED;
            // exit(code) in the main code: its status, unless a deadlock or an error came after
            return engine.exitStatus() != null && status == OK ? engine.exitStatus() : status;
        } catch (ThrException e) {
            report(e);
            return USAGE;
        } catch (RuntimeException | Error e) {
            // Never a Java stack trace: one line that says it is thr's fault.
            err.println("thr: internal error: " + e + " (this is a bug in thr; please report it with the script)");
            return ERROR;
        }
    }

    /** A script larger than this is not read (`thr /dev/zero` would read for ever). */
    static final int MAX_SOURCE = 64 << 20;

    private static final class TooLarge extends IOException {
        TooLarge() { super(null, null); }
    }

    /** A script's text, read as UTF-8 up to MAX_SOURCE bytes. */
    private static String text(java.io.InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_SOURCE + 1);
        if (bytes.length > MAX_SOURCE) throw new TooLarge();
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * `--timeline` takes a file only as `--timeline=FILE.html`, so that `thr --timeline x.thr`
     * runs x.thr: a bare one becomes `--timeline=` (draw on stderr); `--sim` and `--explore`
     * alike. Only thr's own options are looked at, stepping over the values of those that
     * take one (`--tier tree --timeline x.thr`), not the script's arguments after FILE.
     */
    static String[] bareOptions(String[] argv, java.util.Set<String> takingValues) {
        String[] out = argv.clone();
        for (int i = 0; i < out.length; i++) {
            String a = out[i];
            if (a.equals("--timeline")) out[i] = "--timeline=";
            else if (a.equals("--sim")) out[i] = "--sim=";
            else if (a.equals("--explore")) out[i] = "--explore=";
            else if (takingValues.contains(a)) i++;
            else if (a.equals("--") || !a.startsWith("-") || a.equals("-")) break;
        }
        return out;
    }

    /** Writes the timeline and the trace the options asked for, once the program has ended. */
    private void drawn(ThrEngine engine, String name) {
        try {
            if (timeline != null && timeline.isEmpty()) {
                err.print("\n" + engine.timeline(columns(), unicode(), colour(noColor)));
                err.flush();
            } else if (timeline != null) {
                Files.writeString(Path.of(timeline), engine.timelineHtml(name));
                err.println("thr: timeline written to " + timeline);
            }
            if (trace != null) {
                try (var file = Files.newOutputStream(Path.of(trace))) {
                    engine.writeTrace("thr " + name, file);
                }
                err.println("thr: trace written to " + trace + " (open it in https://ui.perfetto.dev or chrome://tracing)");
            }
        } catch (IOException e) {
            err.println("thr: cannot write " + e.getMessage());
        }
    }

    /** The terminal's width when the shell says it ($COLUMNS), else 100. */
    private static int columns() {
        try {
            return Math.max(40, Math.min(400, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").strip())));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** Unicode glyphs unless stderr's encoding cannot show them (a C locale, say). */
    private static boolean unicode() {
        String enc = System.getProperty("stderr.encoding", System.getProperty("native.encoding", "UTF-8"));
        return enc.toUpperCase(java.util.Locale.ROOT).contains("UTF");
    }

    /** Colours on a terminal, unless --no-color or NO_COLOR says not, or the terminal is dumb. */
    private static boolean colour(boolean noColor) {
        String term = System.getenv("TERM");
        return colourAllowed(noColor, System.getenv()) && term != null && !term.startsWith("dumb") && System.console() != null;
    }

    /** Whether colours may be used: not with --no-color, nor when NO_COLOR is set and not empty (no-color.org). */
    static boolean colourAllowed(boolean noColorOption, java.util.Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return !noColorOption && (noColor == null || noColor.isEmpty());
    }

    /** Daemon threads end with the program: stopped now, so none prints after it has finished. */
    private static void stopDaemons(ThrEngine engine) throws InterruptedException {
        try {
            engine.cancel();
        } catch (IllegalStateException e) {
            // one would not stop in time: the exit that follows ends it anyway
        }
    }

    /** Whether stdin and stdout are a terminal (JDK 22+ gives a Console even when they are not). */
    /**
     * A simulation runs one thr thread at a time, each a virtual thread, and passes the turn
     * from one to the next at a thread switch: with one carrier thread the next one runs on the
     * same carrier at once, instead of waiting for another carrier to wake up (half the time of
     * a run with many switches, 4 threads sharing a lock). Set before the JVM makes its first
     * virtual thread; nothing else in a simulated run from the command line uses them.
     */
    private static void oneCarrierForSimulatedThreads() {
        if (System.getProperty("jdk.virtualThreadScheduler.parallelism") == null) {
            System.setProperty("jdk.virtualThreadScheduler.parallelism", "1");
        }
    }

    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 21: a console is only there for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static int statusOf(ThrException e) {
        return e.kind().equals("DeadlockError") ? DEADLOCK : ERROR;
    }

    private void report(ThrException e) {
        err.print(e.getMessage());
        err.flush();
    }

    /** The version from the jar's manifest, when built; "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"thr " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}
