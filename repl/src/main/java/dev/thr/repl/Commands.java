package dev.thr.repl;

import dev.thr.api.ThrEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The REPL's `:` commands. */
final class Commands {
    static final List<String> NAMES = List.of(":help", ":load", ":threads", ":timeline", ":trace", ":sim", ":reset", ":quit");

    private final Repl repl;
    private final PrintWriter out;
    private final HelpTopics help = new HelpTopics();

    Commands(Repl repl, PrintWriter out) {
        this.repl = repl;
        this.out = out;
    }

    /** Runs a command line; false when it asks to leave. */
    boolean run(String line) {
        String[] words = line.strip().split("\\s+", 2);
        String arg = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case ":help", ":h", ":?" -> help(arg);
            case ":load", ":l" -> load(arg);
            case ":threads", ":t" -> threads();
            case ":timeline" -> timeline(arg);
            case ":sim" -> sim(arg);
            case ":trace" -> trace(arg);
            case ":reset" -> {
                repl.reset();
                out.println("Fresh session: earlier threads were asked to stop, names are gone.");
            }
            case ":quit", ":q", ":exit" -> {
                return false;
            }
            default -> out.println("Unknown command " + words[0] + ": try " + String.join(", ", NAMES) + ".");
        }
        return true;
    }

    private void help(String topic) {
        if (!topic.isEmpty()) {
            String text = help.get(topic);
            out.println(text != null ? text : "No help for '" + topic + "'. Topics: " + String.join(", ", help.names()));
            return;
        }
        out.println("""
                Type thr code; an unfinished line (open brace, string, trailing operator) continues
                on the next one. An expression's value is shown after =>.
                  :help NAME     what a builtin or keyword does (:help queue, :help spawn)
                  :load FILE     run a script into this session
                  :threads       what each thread does: state, what it waits for and who holds it, stack
                  :timeline      what the session's threads did over time (:timeline FILE.html: a page)
                  :trace FILE    the same as a trace file for Perfetto (ui.perfetto.dev)
                  :sim SEED      a fresh session, simulated: one thread at a time, switched as SEED says,
                                 virtual time (:sim off: real threads again; :sim: which one this is)
                  :reset         a fresh session (running threads are stopped)
                  :quit          leave (also Ctrl-D); waits for running threads, Ctrl-C again leaves them
                Ctrl-C stops the code that is running, or discards the line (marked ^C). Tab completes.""");
    }

    private void load(String file) {
        if (file.isEmpty()) {
            out.println("Usage: :load FILE");
            return;
        }
        String source;
        try {
            source = Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            out.println("No such file: " + file);
            return;
        } catch (IOException e) {
            out.println("Cannot read " + file + ": " + e.getMessage());
            return;
        }
        repl.evaluate(file, source);
    }

    private void sim(String arg) {
        if (arg.isEmpty()) {
            out.println(repl.simSeed() == null ? "This session runs on real threads. :sim SEED simulates."
                    : "This session is simulated with seed " + repl.simSeed() + ". :sim off runs on real threads.");
        } else if (arg.equals("off")) {
            repl.simulate(null);
            out.println("Fresh session on real threads: earlier threads were asked to stop, names are gone.");
        } else {
            try {
                long seed = Long.parseLong(arg);
                repl.simulate(seed);
                out.println("Fresh session simulated with seed " + seed + ": earlier threads were asked to stop, names are gone.");
            } catch (NumberFormatException e) {
                out.println("Usage: :sim SEED (a number), :sim off, or :sim alone to see which.");
            }
        }
        out.flush();
    }

    private void timeline(String file) {
        if (file.isEmpty()) {
            int width = repl.terminal().getWidth() > 0 ? repl.terminal().getWidth() : 100;
            out.print(repl.engine().timeline(Math.max(40, width), repl.unicode(), repl.colour()));
        } else {
            write(file, repl.engine().timelineHtml("thr session"), "timeline");
        }
        out.flush();
    }

    private void trace(String file) {
        if (file.isEmpty()) {
            out.println("Usage: :trace FILE.json");
            return;
        }
        try (var out = Files.newOutputStream(Path.of(file))) {
            repl.engine().writeTrace("thr session", out);
            this.out.println("Wrote the trace to " + file + " (open it in https://ui.perfetto.dev or chrome://tracing).");
        } catch (IOException e) {
            this.out.println("Cannot write " + file + ": " + e.getMessage());
        }
        this.out.flush();
    }

    private void write(String file, String text, String what) {
        try {
            Files.writeString(Path.of(file), text);
            out.println("Wrote the " + what + " to " + file + ".");
        } catch (IOException e) {
            out.println("Cannot write " + file + ": " + e.getMessage());
        }
        out.flush();
    }

    private void threads() {
        String dump = repl.engine().threadDump();
        out.print(dump.isEmpty() ? "No threads are running.\n" : dump);
        out.flush();
    }
}
