package dev.thr.explore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.thr.diag.Source;
import dev.thr.diag.Span;
import dev.thr.runtime.Access;
import dev.thr.runtime.Strand;
import dev.thr.runtime.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a story tells where a thread was stopped: before an access, or inside a call it made. */
class StoryTest {
    record Fake(long id, String name) implements Strand {
        @Override public void start() {}
        @Override public boolean join(long nanos) { return true; }
        @Override public boolean isAlive() { return true; }
        @Override public void interrupt() {}
    }

    /** Picks the strands in the order given, one per choice. */
    static Strategy picking(long... ids) {
        int[] at = {0};
        return (ready, current, visible) -> {
            long want = ids[at[0]++];
            for (int i = 0; i < ready.size(); i++) if (ready.get(i).id() == want) return i;
            throw new AssertionError("not ready: " + want);
        };
    }

    static final Source SOURCE = new Source("t.thr", "with c {\n  c.wait()\n}\n");
    final Fake one = new Fake(1, "Thread-1"), two = new Fake(2, "Thread-2");
    final Access wait = new Access("calls", "c.wait()", new Span(SOURCE, 2, 3, 8));

    @Test
    void aSwitchAtTheCallsOwnPointIsBeforeIt() {
        Story story = new Story(picking(1, 2));
        story.pick(List.of(one), 0, false); // Thread-1 runs
        story.before(one, wait);
        story.pick(List.of(one, two), 0, true); // the point before the call: two runs
        assertTrue(told(story).contains("-- switch: Thread-1 is stopped before it calls c.wait() (line 2); Thread-2 runs --"), told(story));
    }

    @Test
    void aSwitchWithinTheCallIsInIt() {
        Story story = new Story(picking(1, 1, 2));
        story.pick(List.of(one), 0, false); // Thread-1 runs
        story.before(one, wait);
        story.pick(List.of(one, two), 0, true); // the call's own point: it goes on
        story.pick(List.of(one, two), 0, false); // inside c.wait(), which has let go of c: two runs
        assertTrue(told(story).contains("-- switch: Thread-1 is stopped in c.wait() (line 2); Thread-2 runs --"), told(story));
    }

    private static String told(Story story) {
        return String.join("\n", Narration.tell(story.events(), "x", 40));
    }
}
