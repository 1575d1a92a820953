package dev.thr.repl;

import java.util.Iterator;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;

/**
 * The opt-in ways of editing: vi keys instead of emacs keys, and suggestions from the history
 * (the rest of the latest entry that starts with what is typed, shown faint after the cursor).
 * Both are off unless asked for: vi by `set editing-mode vi` in the inputrc file (JLine reads
 * it when the reader is built) or by `:set vi`; suggestions by `:set suggest on`.
 */
final class EditingModes {
    private final LineReader reader;
    /** Never on a dumb terminal: JLine draws neither suggestions nor vi's moves without cursor movement. */
    private final boolean dumb;
    private volatile boolean suggest;

    EditingModes(LineReader reader, boolean dumb) {
        this.reader = reader;
        this.dumb = dumb;
        if (!dumb) acceptSuggestionWithRightArrowAndEnd();
    }

    boolean vi() { return reader.getKeyMaps().get(LineReader.MAIN) == reader.getKeyMaps().get(LineReader.VIINS); }

    /** Before the session's prompt: suggestions as the session chose (a question turns them off, see ReplInput). */
    void prompting() {
        reader.setAutosuggestion(suggest ? LineReader.SuggestionType.HISTORY : LineReader.SuggestionType.NONE);
    }

    /** `:set ARG`; what to tell the user. */
    String set(String arg) {
        String[] words = arg.split("\\s+");
        switch (String.join(" ", words)) {
            case "" -> { }
            case "vi", "editing-mode vi" -> {
                if (dumb) return "A dumb terminal has no cursor movement for vi's keys: editing stays plain.";
                mode(LineReader.VIINS, "vi");
            }
            case "emacs", "editing-mode emacs" -> {
                if (dumb) return "A dumb terminal has no cursor movement for emacs's keys: editing stays plain.";
                mode(LineReader.EMACS, "emacs");
            }
            case "suggest on", "suggest" -> {
                if (dumb) return "A dumb terminal cannot show suggestions after the cursor.";
                suggest = true;
            }
            case "suggest off", "nosuggest" -> suggest = false;
            default -> {
                return "Usage: :set vi, :set emacs, :set suggest on, :set suggest off (:set alone shows them).";
            }
        }
        return "Editing: " + (vi() ? "vi" : dumb ? "plain" : "emacs") + " keys, suggestions from history "
                + (suggest ? "on (Right arrow or End takes one)." : "off.");
    }

    /** As `set editing-mode` in an inputrc does it: the main keymap becomes that mode's (readLine starts in "main"). */
    private void mode(String keymap, String name) {
        reader.getKeyMaps().put(LineReader.MAIN, reader.getKeyMaps().get(keymap));
        reader.variable(LineReader.EDITING_MODE, name);
    }

    /**
     * JLine 4's reader draws a history suggestion but has no key that takes it (JLine 3 had
     * AutosuggestionWidgets for that, in a module thr does not use): Right arrow and End at the
     * end of the line take the suggestion, anywhere else they move as before.
     */
    private void acceptSuggestionWithRightArrowAndEnd() {
        reader.getWidgets().put("thr-forward-or-suggestion", () -> take(LineReader.FORWARD_CHAR));
        reader.getWidgets().put("thr-end-or-suggestion", () -> take(LineReader.END_OF_LINE));
        for (String name : new String[] {LineReader.EMACS, LineReader.VIINS}) {
            KeyMap<Binding> keys = reader.getKeyMaps().get(name);
            keys.bind(new Reference("thr-forward-or-suggestion"), KeyMap.key(reader.getTerminal(), org.jline.utils.InfoCmp.Capability.key_right));
            keys.bind(new Reference("thr-forward-or-suggestion"), "\033[C", "\033OC");
            keys.bind(new Reference("thr-end-or-suggestion"), KeyMap.key(reader.getTerminal(), org.jline.utils.InfoCmp.Capability.key_end));
            keys.bind(new Reference("thr-end-or-suggestion"), "\033[F", "\033OF");
        }
        reader.getKeyMaps().get(LineReader.EMACS).bind(new Reference("thr-forward-or-suggestion"), KeyMap.ctrl('F'));
        reader.getKeyMaps().get(LineReader.EMACS).bind(new Reference("thr-end-or-suggestion"), KeyMap.ctrl('E'));
    }

    private boolean take(String otherwise) {
        var buffer = reader.getBuffer();
        String rest = suggest && reader.getAutosuggestion() == LineReader.SuggestionType.HISTORY
                && buffer.cursor() == buffer.length() ? suggestion(buffer.toString()) : "";
        if (rest.isEmpty()) reader.callWidget(otherwise);
        else buffer.write(rest);
        return true;
    }

    /** What JLine shows after the cursor: the rest of the latest history entry that starts with the line. */
    private String suggestion(String typed) {
        History history = reader.getHistory();
        if (typed.isEmpty() || history.isEmpty()) return "";
        for (Iterator<History.Entry> it = history.reverseIterator(history.last()); it.hasNext(); ) {
            String line = it.next().line();
            if (line.startsWith(typed)) return line.substring(typed.length());
        }
        return "";
    }
}
