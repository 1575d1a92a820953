package dev.thr.repl;

import dev.thr.api.ThrEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The REPL's `:` commands. */
final class Commands {
    static final List<String> NAMES = List.of(":help", ":load", ":history", ":save", ":threads", ":timeline", ":trace", ":sim",
            ":kill", ":set", ":reset", ":quit", ":exit!");

    /** What the session does after a command. */
    enum Next { GO_ON, LEAVE, LEAVE_NOW }

    private final Repl repl;
    private final PrintWriter out;
    private final HelpTopics help;

    Commands(Repl repl, PrintWriter out, HelpTopics help) {
        this.repl = repl;
        this.out = out;
        this.help = help;
    }

    /** Runs a command line. */
    Next run(String line) {
        String[] words = line.strip().split("\\s+", 2);
        String arg = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case ":help", ":h", ":?" -> help(arg);
            case ":load", ":l" -> load(arg);
            case ":history" -> out.print(repl.log().isEmpty() ? "Nothing typed yet.\n" : repl.log().history());
            case ":save" -> save(arg, false);
            case ":save!" -> save(arg, true);
            case ":threads", ":t" -> threads(arg);
            case ":kill" -> kill(arg);
            case ":set" -> out.println(repl.editing().set(arg));
            case ":timeline" -> timeline(arg);
            case ":sim" -> sim(arg);
            case ":trace" -> trace(arg);
            case ":reset" -> {
                repl.reset();
                repl.log().reset(":reset");
                out.println("Fresh session: earlier threads were asked to stop, names are gone.");
            }
            case ":quit", ":q", ":exit" -> {
                return Next.LEAVE;
            }
            case ":exit!", ":quit!", ":q!" -> {
                return Next.LEAVE_NOW;
            }
            default -> out.println("Unknown command " + words[0] + ": try " + String.join(", ", NAMES) + ".");
        }
        out.flush();
        return Next.GO_ON;
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
                  :help NAME     what a builtin, keyword, method or error kind is
                                 (:help queue, :help spawn, :help put, :help q.put, :help KeyError)
                  :load FILE     run a script into this session
                  :history       what was typed in this session, numbered as errors name it (<input 3>)
                  :save FILE     write the inputs that ran without error (since :reset) as a script;
                                 :save! FILE replaces a file that exists
                  :threads       what each thread does: state, what it waits for and who holds it, stack
                                 (a long table is shortened: :threads all shows every row)
                  :kill THREAD   stop one thread, by name or ident (t.ident); the others go on
                  :timeline      what the session's threads did over time (:timeline FILE.html: a page)
                  :trace FILE    the same as a trace file for Perfetto (ui.perfetto.dev)
                  :sim SEED      a fresh session, simulated: one thread at a time, switched as SEED says,
                                 virtual time (:sim off: real threads again; :sim: which one this is)
                  :set vi        vi keys (:set emacs: emacs keys, the default; or set editing-mode vi
                                 in ~/.inputrc); :set suggest on: suggestions from history, Right takes one
                  :reset         a fresh session (running threads are stopped)
                  :quit          leave (also Ctrl-D); waits for running threads, Ctrl-C again leaves them
                  :exit!         leave at once, leaving running threads behind
                _ is the last value shown, _err the last error (until you assign them yourself).
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
        repl.log().loaded(":load " + file, source, repl.evaluate(file, source));
    }

    /** :save FILE never replaces a file (a typo must not eat a script); :save! FILE does. */
    private void save(String file, boolean replace) {
        if (file.isEmpty()) {
            out.println("Usage: :save FILE (:save! FILE replaces a file that exists)");
            return;
        }
        List<String> inputs = repl.log().saved();
        if (inputs.isEmpty()) {
            out.println("Nothing to save: no input has run without error" + (repl.log().isEmpty() ? "." : " since the last :reset."));
            return;
        }
        var options = replace ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING}
                : new StandardOpenOption[] {StandardOpenOption.CREATE_NEW};
        try {
            Files.writeString(Path.of(file), String.join("\n", inputs) + "\n", options);
            out.println("Saved " + inputs.size() + (inputs.size() == 1 ? " input" : " inputs") + " to " + file + ".");
        } catch (FileAlreadyExistsException e) {
            out.println(file + " exists: :save! " + file + " replaces it.");
        } catch (IOException | RuntimeException e) {
            out.println("Cannot write " + file + ": " + e.getMessage());
        }
    }

    private void sim(String arg) {
        if (arg.isEmpty()) {
            out.println(repl.simSeed() == null ? "This session runs on real threads. :sim SEED simulates."
                    : "This session is simulated with seed " + repl.simSeed() + ". :sim off runs on real threads.");
        } else if (arg.equals("off")) {
            repl.simulate(null);
            repl.log().reset(":sim off");
            out.println("Fresh session on real threads: earlier threads were asked to stop, names are gone.");
        } else {
            try {
                long seed = Long.parseLong(arg);
                repl.simulate(seed);
                repl.log().reset(":sim " + seed);
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

    /** How many rows of `:threads` fit before it is shortened (`:threads all` shows them all). */
    static final int THREAD_ROWS = 60;

    private void threads(String arg) {
        String dump = repl.engine().threadDump();
        if (!arg.equals("all")) dump = Abbreviated.text(dump, THREAD_ROWS, Integer.MAX_VALUE, ": :threads all shows them");
        out.print(dump.isEmpty() ? "No threads are running.\n" : dump);
        out.flush();
    }

    /**
     * :kill THREAD — stops one thread as Ctrl-C stops a snippet's: at its next wait, loop turn
     * or call, letting go of the locks its `with` blocks hold. Names may repeat; idents do not.
     */
    private void kill(String which) {
        if (which.isEmpty()) {
            out.println("Usage: :kill THREAD (its name, or its ident as t.ident gives it)");
            return;
        }
        List<Long> idents = repl.engine().threadIdents(which);
        if (idents.isEmpty()) {
            out.println("No running thread is named " + which + " or has that ident. :threads lists them.");
        } else if (idents.size() > 1) {
            out.println(String.format("%,d", idents.size()) + " threads are named " + which + ": :kill one by its ident ("
                    + Abbreviated.names(idents.stream().map(String::valueOf).toList(), 5) + ").");
        } else {
            String name = repl.engine().stopThread(idents.get(0));
            if (name == null) {
                out.println(which + " has already ended.");
            } else if (stopped(idents.get(0))) {
                out.println("Stopped " + name + ".");
            } else {
                out.println("Asked " + name + " to stop; it has not yet (a thread stops at its next wait, loop turn or call).");
            }
        }
    }

    /** Waits a moment for a thread asked to stop to end: whether it did. */
    private boolean stopped(long ident) {
        for (int i = 0; i < 200; i++) {
            if (repl.engine().threadIdents(Long.toString(ident)).isEmpty()) return true;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
