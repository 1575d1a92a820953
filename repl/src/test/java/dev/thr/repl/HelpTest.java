package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.api.Thr;
import dev.thr.builtins.StandardLibrary;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** :help NAME for builtins, methods (by name, by type, by variable) and error kinds, typed in a session. */
class HelpTest {
    /** Types :help NAME and gives back what it printed, up to the next prompt. */
    private static String help(ScreenSession s, String name) throws Exception {
        String command = "thr> :help " + name + "\n";
        s.line(":help " + name);
        s.awaitScreen(t -> t.contains(command) && t.substring(t.lastIndexOf(command)).contains("\nthr>"), "the help for " + name);
        String t = s.screen();
        String after = t.substring(t.lastIndexOf(command) + command.length());
        return after.substring(0, after.indexOf("thr>"));
    }

    @Test
    void aMethodByItsNameShowsItsParametersFromTheBuiltins() throws Exception {
        try (var s = new ScreenSession()) {
            assertTrue(help(s, "put").equals("queue.put(item, block=, timeout=): a method of queue\n"), s.screen());
            String get = help(s, "get");
            assertTrue(get.equals("map.get(key, default=): a method of map\nqueue.get(block=, timeout=): a method of queue\n"), get);
            String attribute = help(s, "n_waiting");
            assertTrue(attribute.equals("barrier.n_waiting: an attribute of barrier\n"), attribute);
        }
    }

    @Test
    void aMethodOfATypeOrOfAVariablesValue() throws Exception {
        try (var s = new ScreenSession()) {
            String byType = help(s, "queue.put");
            assertTrue(byType.startsWith("queue.put(item, block=, timeout=): a method of queue\n  queue(maxsize=0) is a FIFO queue"), byType);
            s.line("q = queue(2)");
            s.line("m = {\"a\": 1}");
            assertTrue(help(s, "q.put").equals(byType), s.screen());
            String ofMap = help(s, "m.get");
            assertTrue(ofMap.equals("map.get(key, default=): a method of map\n"), ofMap);
            assertTrue(help(s, "q.append").startsWith("No help for 'q.append'"), s.screen());
        }
    }

    @Test
    void aKeywordThatIsAlsoAMethodShowsBoth() throws Exception {
        try (var s = new ScreenSession()) {
            String join = help(s, "join");
            assertTrue(join.startsWith("join t waits for thread t to end"), join);
            assertTrue(join.contains("\nqueue.join(): a method of queue\n") && join.contains("\nthread.join(timeout=): a method of thread\n"), join);
        }
    }

    @Test
    void errorKindsSayWhatRaisesThem() throws Exception {
        try (var s = new ScreenSession()) {
            String key = help(s, "KeyError");
            assertTrue(key.startsWith("KeyError: a missing map key"), key);
            String deadlock = help(s, "DeadlockError");
            assertTrue(deadlock.startsWith("DeadlockError: the program's threads could never go on"), deadlock);
            assertTrue(help(s, "NoSuchThing").startsWith("No help for 'NoSuchThing'"), s.screen());
        }
    }

    @Test
    void everyErrorKindAndBuiltinHasAHelpLine() {
        HelpTopics help = new HelpTopics(() -> Thr.builder().build());
        List<String> topics = new ArrayList<>();
        help.names().forEach(topics::add);
        List<String> missing = new StandardLibrary().builtinNames().stream().filter(n -> !topics.contains(n)).sorted().toList();
        assertTrue(missing.isEmpty(), "no help.txt line for " + missing);
    }
}
