package dev.thr.repl;

import dev.thr.api.Syntax;
import dev.thr.api.ThrEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: REPL commands, keywords, builtins and the session's names; after `x.` the
 * members of x's current value; after `:load ` and `:save ` file names.
 */
final class Completion implements Completer {
    private final Supplier<ThrEngine> engine;

    Completion(Supplier<ThrEngine> engine) {
        this.engine = engine;
    }

    @Override
    public void complete(LineReader reader, ParsedLine parsed, List<Candidate> candidates) {
        candidates.addAll(candidates(parsed.line(), parsed.cursor()).stream()
                .map(c -> new Candidate(c.value(), c.value(), c.group(), null, null, null, c.complete())).toList());
    }

    record Option(String value, String group, boolean complete) {}

    /** What may complete the word before the cursor. */
    List<Option> candidates(String line, int cursor) {
        String before = line.substring(0, cursor);
        if (before.startsWith(":load ") || before.startsWith(":save ") || before.startsWith(":save! ")) {
            return files(before.substring(before.lastIndexOf(' ') + 1));
        }
        if (before.startsWith(":") && !before.contains(" ")) {
            return Commands.NAMES.stream().filter(c -> c.startsWith(before)).map(c -> new Option(c, "commands", true)).toList();
        }
        if (before.startsWith(":help ")) return names(before.substring(6));
        int start = new InputParser.Line(line, cursor).wordStart();
        String word = before.substring(start);
        if (start > 0 && line.charAt(start - 1) == '.') return members(line, start - 1, word);
        return names(word);
    }

    private List<Option> names(String prefix) {
        Stream<Option> keywords = Syntax.keywords().stream().map(k -> new Option(k, "keywords", true));
        Stream<Option> names = engine.get().names().stream().map(n -> new Option(n, "names", true));
        return Stream.concat(keywords, names).filter(o -> o.value().startsWith(prefix)).distinct().toList();
    }

    /** `q.pu` → the members of q's value that start with "pu"; only plain names are looked up, nothing is run. */
    private List<Option> members(String line, int dot, String prefix) {
        int i = dot;
        while (i > 0 && (Character.isLetterOrDigit(line.charAt(i - 1)) || line.charAt(i - 1) == '_')) i--;
        String name = line.substring(i, dot);
        if (name.isEmpty() || !engine.get().names().contains(name)) return List.of();
        Object value = engine.get().global(name);
        return engine.get().members(value).stream().filter(m -> m.startsWith(prefix))
                .map(m -> new Option(m, "members", true)).toList();
    }

    private static List<Option> files(String prefix) {
        Path typed = Path.of(prefix.isEmpty() ? "." : prefix);
        Path dir = prefix.endsWith("/") || prefix.isEmpty() ? typed : typed.getParent() == null ? Path.of(".") : typed.getParent();
        String start = prefix.substring(prefix.lastIndexOf('/') + 1);
        String shown = prefix.substring(0, prefix.lastIndexOf('/') + 1);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(start)).sorted().map(p -> {
                boolean isDir = Files.isDirectory(p);
                return new Option(shown + p.getFileName() + (isDir ? "/" : ""), "files", !isDir);
            }).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
