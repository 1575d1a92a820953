package dev.thr.repl;

import dev.thr.api.Syntax;
import dev.thr.api.ThrEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: REPL commands, keywords, builtins and the session's names; after `x.` the
 * members of x's value; after `:load ` and `:save ` file names. A method or builtin is shown
 * with how it is called (`put(item, block=, timeout=)`) beside it.
 *
 * <p>Before a dot, only what can be known without running anything is looked at: a variable's
 * current value, or the type of a literal (`"abc".up`, `[1].ap`, `{}.ke`, `1.5.`). Anything
 * else (a call, an index, an attribute) could run code or block, so it completes nothing.
 */
final class Completion implements Completer {
    private final Supplier<ThrEngine> engine;
    private final HelpTopics help;

    Completion(Supplier<ThrEngine> engine, HelpTopics help) {
        this.engine = engine;
        this.help = help;
    }

    @Override
    public void complete(LineReader reader, ParsedLine parsed, List<Candidate> candidates) {
        candidates.addAll(candidates(parsed.line(), parsed.cursor()).stream()
                .map(c -> new Candidate(c.value(), c.value(), c.group(), c.call(), null, null, c.complete())).toList());
    }

    /** One completion: the text, its group, how it is called (null when it is not called), whether it ends the word. */
    record Option(String value, String group, String call, boolean complete) {
        Option(String value, String group, boolean complete) {
            this(value, group, null, complete);
        }
    }

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
        if (start > 0 && line.charAt(start - 1) == '.') return members(line.substring(0, start - 1), word);
        return names(word);
    }

    private List<Option> names(String prefix) {
        Stream<Option> keywords = Syntax.keywords().stream().map(k -> new Option(k, "keywords", true));
        Stream<Option> names = engine.get().names().stream().map(n -> new Option(n, "names", help.builtinCall(n), true));
        return Stream.concat(keywords, names).filter(o -> o.value().startsWith(prefix)).distinct().toList();
    }

    /** `q.pu` → the members of q's value that start with "pu", each with how it is called. */
    private List<Option> members(String before, String prefix) {
        Object value = valueBefore(before);
        if (value == NOTHING) return List.of();
        String type = HelpTopics.typeOf(value);
        return engine.get().members(value).stream().filter(m -> m.startsWith(prefix))
                .map(m -> new Option(m, "members", help.memberCall(type, m), true)).toList();
    }

    private static final Object NOTHING = new Object();

    /**
     * The value of the expression that ends `before` (just before a dot), when it is known
     * without running anything: a variable's value, or a value of a literal's type. NOTHING
     * otherwise.
     */
    private Object valueBefore(String before) {
        List<Syntax.Span> tokens = Syntax.tokens(before).stream().filter(t -> t.kind() != Syntax.Kind.COMMENT).toList();
        if (tokens.isEmpty()) return NOTHING;
        Syntax.Span last = tokens.get(tokens.size() - 1);
        if (last.end() != before.length()) return NOTHING; // a space before the dot: not this expression's
        Syntax.Span previous = tokens.size() > 1 ? tokens.get(tokens.size() - 2) : null;
        String text = before.substring(last.start(), last.end());
        switch (last.kind()) {
            case STRING:
                return "";
            case NUMBER:
                return text.matches("[0-9_]+") ? (Object) 0L : (Object) 0.0;
            case NAME: {
                // `a.b.` would read an attribute: only a plain name
                if (previous != null && before.substring(previous.start(), previous.end()).equals(".")) return NOTHING;
                ThrEngine e = engine.get();
                return e.globalNames().contains(text) ? e.global(text) : NOTHING;
            }
            case OPERATOR:
                return text.equals("]") || text.equals("}") ? literal(before, tokens) : NOTHING;
            default:
                return NOTHING;
        }
    }

    /** A `[...]` or `{...}` that ends `before`: a list, map or set literal, unless it is an index. */
    private static Object literal(String before, List<Syntax.Span> tokens) {
        int depth = 0;
        boolean colon = false, items = false;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Syntax.Span t = tokens.get(i);
            String text = before.substring(t.start(), t.end());
            if (t.kind() == Syntax.Kind.OPERATOR && (text.equals("]") || text.equals("}") || text.equals(")"))) depth++;
            else if (t.kind() == Syntax.Kind.OPERATOR && (text.equals("[") || text.equals("{") || text.equals("("))) depth--;
            else if (depth == 1 && text.equals(":")) colon = true;
            else if (depth == 1) items = true;
            if (depth > 0) continue;
            if (text.equals("(")) return NOTHING;
            if (text.equals("{")) return colon || !items ? Map.of() : Set.of();
            // `xs[0]` and `f()[0]` index something: only a `[` that starts an expression makes a list
            if (i == 0) return List.of();
            Syntax.Span p = tokens.get(i - 1);
            String pt = before.substring(p.start(), p.end());
            boolean indexes = p.kind() == Syntax.Kind.NAME || p.kind() == Syntax.Kind.STRING || p.kind() == Syntax.Kind.NUMBER
                    || pt.equals(")") || pt.equals("]") || pt.equals("}");
            return indexes ? NOTHING : List.of();
        }
        return NOTHING;
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
