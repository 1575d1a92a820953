package dev.thr.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** One-line help for builtins and keywords, from help.txt beside this class. */
final class HelpTopics {
    private final Map<String, String> topics = new TreeMap<>();

    HelpTopics() {
        try (var in = new BufferedReader(new InputStreamReader(
                HelpTopics.class.getResourceAsStream("help.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int bar = line.indexOf(" | ");
                topics.put(line.substring(0, bar).strip(), line.substring(bar + 3).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String get(String name) { return topics.get(name); }

    Iterable<String> names() { return topics.keySet(); }
}
