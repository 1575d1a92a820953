package dev.thr.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * thr's command line, as picocli's model built in code. (Not read from annotations on Main:
 * the JDK makes a proxy class for each annotation type it reads, at every start, which the
 * AOT cache cannot keep; that was about 25 ms of every run with options. `thr FILE` and
 * `thr -e CODE` do not come here at all: see Main.plain.)
 */
final class Options {
    private final CommandSpec spec = CommandSpec.create().name("thr").versionProvider(new Main.Version());

    Options() {
        spec.usageMessage()
                .description("Runs thr, a small language for concurrency experiments on real JVM threads.",
                        "With no FILE on a terminal, opens an interactive session (the REPL).")
                .footer("", "Examples:", "  thr samples/basics/worker_join.thr", "  thr -e 'spawn fn() { print \"hi\" }()'",
                        "  echo 'print 1 + 1' | thr -");
        value(String.class, "CODE", new String[] {"-e", "--eval"}, "Run CODE instead of a file.");
        flag("--virtual", "Run spawned threads as virtual threads.");
        value(Long.class, "N", "--seed", "Seed random(), uniform() and randint() for repeatable runs.");
        value(String.class, "SEED", "--sim",
                "Run on a deterministic scheduler with virtual time: the same SEED gives the same run.",
                "--sim alone picks a seed and prints it.");
        value(String.class, "N", "--explore",
                "Run the program under N simulated schedules (default 20000, at most --budget) and report each",
                "distinct failure (an error in any thread, a failed assert, a deadlock), shrunk, with the command that",
                "replays it and how it happens. Stops early when every schedule within --preemptions has been tried.");
        flag("--outcomes", "With --explore: count the distinct outputs, with a command that replays each.");
        value(String.class, "LIST", "--schedule",
                "With --sim: switch threads where LIST says (THREAD.POINT:THREAD,..., as --explore prints it:",
                "2.4:1 runs thread 1 when thread 2 is at its 4th point), and otherwise let each thread go on",
                "until it waits. 'none' is the plainest run.");
        value(String.class, "NAME", "--strategy",
                "With --explore: how schedules are chosen: random, pct, search (every schedule within",
                "--preemptions), or portfolio (the default: all three in turn).");
        value(Integer.class, "N", "--preemptions", "With --explore: the search's bound on preemptions (default 2).");
        value(Integer.class, "N", "--depth", "With --explore: PCT's depth (default: each seed tries another, 1 to 7).");
        value(Double.class, "SECONDS", "--budget",
                "With --explore: stop exploring after this long (default 120); shrinking what it found comes after.");
        value(String.class, "I/N", "--shard",
                "With --explore: run the I-th of N parts of the exploration (1/2, 2/2), for several machines.",
                "Their reports merge by each failure's first line.");
        value(String.class, "FILE.html", "--timeline",
                "When the program ends, draw what each thread did over time:",
                "--timeline alone draws it on stderr; --timeline=FILE.html writes a page to open in a browser.");
        value(String.class, "FILE.json", "--trace",
                "Write what each thread did as a trace (Chrome Trace Event format) to open in Perfetto or chrome://tracing.");
        value(String.class, "NAME", "--tier",
                "How the code runs: adaptive (the default: compiled to JVM bytecode once it is hot), bytecode",
                "(everything compiled before it runs) or tree (never compiled). The output is the same; the speed is not.");
        flag("--no-color", "No colours, in the interactive session or a --timeline drawing (as when NO_COLOR is set).");
        // picocli's own standard options (mixinStandardHelpOptions) come from its annotations
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build());
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("FILE").type(String.class)
                .description("The script to run; '-' reads it from stdin.").build());
        spec.addPositional(PositionalParamSpec.builder().index("1..*").arity("0..*").paramLabel("ARGS").type(List.class)
                .auxiliaryTypes(String.class).description("Arguments for the script, in its `args` list.").build());
    }

    CommandSpec spec() { return spec; }

    private void flag(String name, String... description) {
        spec.addOption(OptionSpec.builder(name).description(description).build());
    }

    private void value(Class<?> type, String label, String name, String... description) {
        value(type, label, new String[] {name}, description);
    }

    private void value(Class<?> type, String label, String[] names, String... description) {
        spec.addOption(OptionSpec.builder(names).type(type).paramLabel(label).description(description).build());
    }

    /** The names of the options that take a value (`--seed N`): Main.bareOptions steps over their values. */
    Set<String> takingValues() {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            if (o.arity().max() > 0) names.addAll(List.of(o.names()));
        }
        return names;
    }

    /** A Main with what the parsed command line set. */
    Main main() {
        Main m = new Main();
        m.code = given("--eval");
        m.virtual = on("--virtual");
        m.seed = given("--seed");
        m.sim = given("--sim");
        m.explore = given("--explore");
        m.outcomes = on("--outcomes");
        m.schedule = given("--schedule");
        m.strategy = given("--strategy");
        m.preemptions = given("--preemptions");
        m.depth = given("--depth");
        m.budget = given("--budget");
        m.shard = given("--shard");
        m.timeline = given("--timeline");
        m.trace = given("--trace");
        m.tier = given("--tier");
        m.noColor = on("--no-color");
        m.file = spec.positionalParameters().get(0).getValue();
        List<String> args = spec.positionalParameters().get(1).getValue();
        if (args != null) m.args = new ArrayList<>(args);
        return m;
    }

    /** The value the option was given; null when it was not. */
    private <T> T given(String name) {
        return spec.findOption(name).getValue();
    }

    private boolean on(String name) {
        return Boolean.TRUE.equals(spec.findOption(name).getValue());
    }
}
