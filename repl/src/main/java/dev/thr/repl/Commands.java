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
    static final List<String> NAMES = List.of(":help", ":load", ":threads", ":reset", ":quit");

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
                  :threads       the session's threads: state, what each waits on, where
                  :reset         a fresh session (running threads are stopped)
                  :quit          leave (also Ctrl-D); waits for running threads, Ctrl-C again leaves them
                Ctrl-C stops the code that is running, or clears the line. Tab completes.""");
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

    private void threads() {
        List<ThrEngine.ThreadInfo> threads = repl.engine().threads();
        String format = "%-24s %-10s %-7s %-28s %s%n";
        out.printf(format, "NAME", "STATE", "DAEMON", "WAITING ON", "AT");
        for (ThrEngine.ThreadInfo t : threads) {
            out.printf(format, t.name(), t.state(), t.daemon() ? "yes" : "no",
                    t.waitingOn() == null ? "" : t.waitingOn(), t.at() == null ? "" : t.at());
        }
        out.flush();
    }
}
