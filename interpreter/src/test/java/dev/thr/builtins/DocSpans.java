package dev.thr.builtins;

import dev.thr.testing.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backticked texts of README.md and docs/*.md, each with its place and what surrounds it.
 * Code blocks are left out: DocsTest runs them, which checks them better than reading can.
 */
final class DocSpans {
    private DocSpans() {}

    /** The reference: only its tables of functions and members are read as lists of signatures. */
    static final String REFERENCE = "docs/language.md";

    /**
     * Where a text sits. FUNCTION: the first column of a "Function" table; MEMBER: the first
     * column of a "Method" or "Member" table; OBJECT_MEMBER: the "Members" column of the
     * "Object | Members" table; KIND: the first column of the "Kind" table. Other pages' tables
     * are Java's (embedding.md) or Python-and-thr pairs, so there everything is PROSE.
     */
    enum Role { FUNCTION, MEMBER, OBJECT_MEMBER, KIND, PROSE }

    /**
     * `type`: the type word of the nearest heading (or, in the members table, of the row's first
     * column), null when it names none; `row`: the whole table row, or the line.
     */
    record Span(String file, int line, String text, Role role, String type, String row) {
        String where() { return file + ":" + line; }
    }

    static List<Span> read(Set<String> typeWords) throws IOException {
        Path root = GoldenFiles.samplesDir().toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Span> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(parse(root.relativize(f).toString().replace('\\', '/'), Files.readAllLines(f), typeWords));
        }
        return out;
    }

    static List<Span> parse(String file, List<String> lines, Set<String> typeWords) {
        List<Span> out = new ArrayList<>();
        boolean code = false;
        String section = null;
        Role[] columns = null; // the roles of the current table's columns; null outside a table
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                code = !code;
                continue;
            }
            if (code) continue;
            if (line.startsWith("#")) {
                section = typeWord(line, typeWords);
                continue;
            }
            if (!line.startsWith("|")) {
                columns = null;
                for (String text : backticked(line)) out.add(new Span(file, i + 1, text, Role.PROSE, section, line));
                continue;
            }
            List<String> cells = cells(line);
            if (columns == null) {
                columns = roles(file, cells);
                continue;
            }
            if (line.startsWith("|---") || line.startsWith("| ---")) continue;
            String type = columns.length > 1 && columns[1] == Role.OBJECT_MEMBER ? cells.get(0).strip() : section;
            for (int c = 0; c < cells.size(); c++) {
                Role role = c < columns.length ? columns[c] : Role.PROSE;
                for (String text : backticked(cells.get(c))) out.add(new Span(file, i + 1, text, role, type, line));
            }
        }
        return out;
    }

    private static Role[] roles(String file, List<String> header) {
        Role[] roles = new Role[header.size()];
        java.util.Arrays.fill(roles, Role.PROSE);
        if (!file.equals(REFERENCE) || header.isEmpty()) return roles;
        switch (header.get(0).strip()) {
            case "Function" -> roles[0] = Role.FUNCTION;
            case "Method", "Member" -> roles[0] = Role.MEMBER;
            case "Kind" -> roles[0] = Role.KIND;
            case "Object" -> {
                if (header.size() > 1 && header.get(1).strip().equals("Members")) roles[1] = Role.OBJECT_MEMBER;
            }
            default -> { }
        }
        return roles;
    }

    /** The first word of a heading that names a type: "### String methods" is about strings. */
    private static String typeWord(String heading, Set<String> typeWords) {
        for (String word : heading.toLowerCase(Locale.ROOT).split("[^a-z_]+")) {
            if (typeWords.contains(word)) return word;
        }
        return null;
    }

    /** A table row's cells: split at each `|` that is neither escaped nor inside backticks. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char ch = row.charAt(i);
            if (ch == '`') quoted = !quoted;
            if (ch == '|' && !quoted && (i == 0 || row.charAt(i - 1) != '\\')) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        // a row starts and ends with '|': drop the empty text outside them
        if (!cells.isEmpty() && cells.get(0).isBlank()) cells.remove(0);
        if (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) cells.remove(cells.size() - 1);
        return cells;
    }

    private static final Pattern TICKS = Pattern.compile("`([^`]+)`");

    private static List<String> backticked(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TICKS.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
