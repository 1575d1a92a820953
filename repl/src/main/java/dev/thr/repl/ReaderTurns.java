package dev.thr.repl;

import java.util.concurrent.locks.ReentrantLock;
import org.jline.reader.LineReader;

/**
 * The session's one LineReader, used in turns: JLine's readLine is not re-entrant, and
 * `input()` may be called from any thread. A question asked while the session's prompt is up
 * takes over: the prompt is interrupted (the REPL keeps what was typed), the question is asked
 * and answered, and then the prompt comes back with the typed text. Questions from several
 * threads are asked one at a time, in the order they came.
 *
 * <p>The interrupted prompt is erased by JLine itself ({@link LineReader.Option#ERASE_LINE_ON_FINISH},
 * set just for that readLine): its cleanup redraws the line empty under its own lock, however
 * far the prompt was drawn, and leaves the cursor where the prompt began, with no line end.
 * Erasing it afterwards from outside would have to guess where JLine left the cursor.
 */
final class ReaderTurns {
    /** The session's reader; its ERASE_LINE_ON_FINISH must have been set (to false) when it was built. */
    private volatile LineReader reader;
    /** Fair: a waiting question goes before the prompt that gave way to it. */
    private final ReentrantLock turn = new ReentrantLock(true);
    /** The thread reading at the session's prompt, while it does. */
    private Thread prompting;
    /** Whether the prompt was asked to give way (its thread interrupted). */
    private boolean gaveWay;
    /** Threads that want to ask a question, from before they queue for the turn until they have it. */
    private int asking;
    /** Whether a question holds the turn: its answer is text, not code. */
    private volatile boolean answering;

    void attach(LineReader reader) { this.reader = reader; }

    /** Before the session's prompt: waits until no question is asked or waiting. */
    void startPrompt() {
        while (true) {
            turn.lock();
            synchronized (this) {
                if (asking == 0) {
                    prompting = Thread.currentThread();
                    gaveWay = false;
                    return;
                }
            }
            turn.unlock(); // a question is on its way: let it go first
            Thread.yield();
        }
    }

    /**
     * After the prompt's readLine, however it ended: whether it was asked to give way to a
     * question (then its UserInterruptException was that, not Ctrl-C, and JLine erased the
     * prompt, or the line it returned was accepted at that same moment and erased too). The
     * interrupt that asked it never reaches whatever the thread does next.
     */
    boolean endPrompt(Runnable beforeTurnGoes) {
        return endPrompt(() -> { }, beforeTurnGoes);
    }

    /**
     * The same, running whenAsked (if it gave way), then beforeTurnGoes, before a question may
     * take the reader: what they draw cannot mix with the question.
     */
    boolean endPrompt(Runnable whenAsked, Runnable beforeTurnGoes) {
        boolean asked;
        synchronized (this) {
            prompting = null;
            asked = gaveWay;
            gaveWay = false;
            if (asked) {
                Thread.interrupted();
                reader.option(LineReader.Option.ERASE_LINE_ON_FINISH, false);
            }
        }
        try {
            if (asked) whenAsked.run();
            beforeTurnGoes.run();
        } finally {
            turn.unlock();
        }
        return asked;
    }

    /** Before a question: the prompt, if it is up, gives way; then waits for the turn. */
    void startQuestion() throws InterruptedException {
        synchronized (this) {
            asking++;
            if (prompting != null && !gaveWay) {
                gaveWay = true;
                // The key is in the reader's options from the start, so this replaces a value in
                // place; the interrupt makes it visible to the reading thread before it reacts.
                reader.option(LineReader.Option.ERASE_LINE_ON_FINISH, true);
                prompting.interrupt(); // JLine's readLine ends with UserInterruptException, the text kept
            }
        }
        try {
            turn.lockInterruptibly();
        } finally {
            synchronized (this) {
                asking--;
            }
        }
        answering = true;
    }

    void endQuestion() {
        answering = false;
        turn.unlock();
    }

    /** Whether the line being read answers a question (taken literally) rather than being code. */
    boolean answering() { return answering; }
}
