package dev.thr.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * input() through the session's one reader, from the main program or any thread: the question
 * stays on the screen, the answer is taken as typed, and a question from a background thread
 * takes over from the prompt, which comes back afterwards with what was typed.
 */
class InputFromAnyThreadTest {
    /** Runs code in the session's engine from the test's thread, as another thread of the session would. */
    private static void elsewhere(ScreenSession s, String code) throws Exception {
        s.repl.engine().run(s.repl.engine().compileInteractive("<test>", code));
    }

    private static String lastLine(String screen) {
        String[] lines = screen.split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void aBackgroundQuestionTakesOverThePromptWhichComesBackWithWhatWasTyped() throws Exception {
        try (var s = new ScreenSession()) {
            s.ran("go = event()");
            s.ran("spawn fn() { go.wait(); print(\"got [\" + input(\"name? \") + \"]\") }()");
            s.awaitReading();
            s.keys("1 + 2");
            s.awaitScreen(t -> lastLine(t).equals("thr> 1 + 2"), "the typed text");
            elsewhere(s, "go.set()");
            s.awaitScreen(t -> lastLine(t).equals("name?"), "the question in place of the prompt");
            assertFalse(s.screen().contains("thr> 1 + 2"), "the prompt gave way:\n" + s.screen());
            s.awaitReading();
            s.keys("Bob (\r"); // unbalanced: still just an answer
            s.awaitScreen(t -> t.contains("got [Bob (]"), "the answer, taken literally");
            s.awaitScreen(t -> lastLine(t).equals("thr> 1 + 2"), "the prompt back with the typed text");
            assertTrue(s.screen().contains("\nname? Bob (\ngot [Bob (]\nthr> 1 + 2\n"), s.screen());
            assertFalse(s.screen().contains("..2>"), s.screen());
            s.keys("\r");
            s.awaitScreen(t -> t.contains("thr> 1 + 2\n=> 3\n"), "the typed line running as it was");
            boolean inHistory = StreamSupport.stream(s.repl.reader().getHistory().spliterator(), false)
                    .anyMatch(e -> e.line().contains("Bob"));
            assertFalse(inHistory, "an answer is not code: it is not in the history");
        }
    }

    @Test
    void theQuestionStaysOnTheScreenAndOtherThreadsPrintAboveIt() throws Exception {
        try (var s = new ScreenSession()) {
            s.ran("go = event()");
            s.ran("spawn fn() { go.wait(); print(\"from a thread\") }()");
            s.line("x = input(\"100% sure? \")");
            s.awaitScreen(t -> lastLine(t).equals("100% sure?"), "the question");
            s.awaitReading();
            s.keys("y");
            s.awaitScreen(t -> lastLine(t).equals("100% sure? y"), "the answer being typed");
            elsewhere(s, "go.set()");
            s.awaitScreen(t -> t.contains("from a thread\n100% sure? y\n"), "the thread's line above the question");
            s.keys("es\r");
            s.line("x");
            s.awaitScreen(t -> t.contains("=> 'yes'"), "the answer");
            assertTrue(s.screen().contains("from a thread\n100% sure? yes\nthr> x\n"), s.screen());
        }
    }

    @Test
    void questionsFromSeveralThreadsAreAskedOneAtATime() throws Exception {
        try (var s = new ScreenSession()) {
            s.ran("go = event()");
            s.ran("answers = queue()");
            s.ran("for i in range(3) { spawn fn(n) { go.wait(); answers.put(input(\"q{n}? \")) }(i) }");
            s.awaitReading();
            elsewhere(s, "go.set()");
            for (int i = 0; i < 3; i++) {
                s.awaitScreen(t -> lastLine(t).matches("q[0-2]\\?"), "a question");
                String asked = lastLine(s.screen());
                s.awaitReading();
                s.keys("a" + asked.charAt(1) + "\r");
                s.awaitScreen(t -> t.contains(asked + " a" + asked.charAt(1) + "\n"), "the answer under its question");
            }
            s.line("sorted([answers.get(), answers.get(), answers.get()])");
            s.awaitScreen(t -> t.contains("=> ['a0', 'a1', 'a2']"), "each thread got its own answer");
        }
    }
}
