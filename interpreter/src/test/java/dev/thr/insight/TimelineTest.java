package dev.thr.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Timelines and traces of programs whose order their own synchronisation fixes: the lanes'
 * structure (which states follow which), never their exact widths, since those depend on
 * timing; the trace's JSON, event by event; the HTML page's data and self-containment.
 */
@Timeout(60)
@Execution(ExecutionMode.CONCURRENT)
class TimelineTest {
    /** Runs a program with recording on; the engine keeps what its threads did. */
    private static ThrEngine recorded(String source) throws Exception {
        ThrEngine engine = Thr.builder().stdout(new StringWriter()).stderr(new StringWriter()).record(true).build();
        engine.eval(source);
        return engine;
    }

    /** Each lane of an ASCII timeline, by thread name, with runs of one glyph made one: `#Q#|`. */
    private static Map<String, String> lanes(String timeline) {
        Map<String, String> out = new HashMap<>();
        for (String line : timeline.lines().toList()) {
            var m = Pattern.compile("^(MainThread|Thread-\\d+ \\(\\w+\\))\\s+(.*)$").matcher(line);
            if (m.matches()) out.put(m.group(1), m.group(2).strip().replaceAll("(.)\\1+", "$1"));
        }
        return out;
    }

    private static void assertLane(String regex, String lane, String timeline) {
        assertTrue(lane != null && lane.matches(regex), "lane " + lane + " does not match " + regex + " in\n" + timeline);
    }

    @Test
    void aConsumerWaitsOnTheQueueUntilTheProducerPuts() throws Exception {
        ThrEngine engine = recorded("""
                q = queue()
                fn producer() { sleep 0.3; q.put(1) }
                fn consumer() { q.get() }
                c = spawn consumer()
                p = spawn producer()
                join c, p
                """);
        String t = engine.timeline(80, false, false);
        Map<String, String> lanes = lanes(t);
        assertLane("[#+]*J[#J]*\\|", lanes.get("MainThread"), t);
        assertLane("#?Q#?\\|", lanes.get("Thread-1 (consumer)"), t);
        assertLane("#?\\.#?\\|", lanes.get("Thread-2 (producer)"), t);
        assertTrue(t.startsWith("timeline: "), t);
        assertTrue(t.contains("Q waiting on a queue") && t.contains("| ends"), "the legend:\n" + t);
    }

    @Test
    void aThreadBlockedOnALockAndOneThatDies() throws Exception {
        ThrEngine engine = recorded("""
                l = lock()
                got = event()
                fn holder() { with l { got.set(); sleep 0.3 } }
                fn waiter() { with l { } }
                fn bad() { sleep 0.3; raise ValueError("no") }
                h = spawn holder()
                got.wait()
                w = spawn waiter()
                b = spawn bad()
                join h, w, b
                """);
        String t = engine.timeline(80, false, false);
        Map<String, String> lanes = lanes(t);
        assertLane("#?\\.#?\\|", lanes.get("Thread-1 (holder)"), t);
        assertLane("#?L#?\\|", lanes.get("Thread-2 (waiter)"), t);
        assertLane("#?\\.#?X", lanes.get("Thread-3 (bad)"), t);
    }

    @Test
    void unicodeAndColour() throws Exception {
        ThrEngine engine = recorded("t = spawn fn() { sleep 0.2 }()\njoin t");
        String t = engine.timeline(80, true, true);
        assertTrue(t.contains("·") && t.contains("┤") && t.contains("\u001b[32m") && t.contains("\u001b[0m"), t);
        String plain = engine.timeline(80, true, false);
        assertFalse(plain.contains("\u001b"), plain);
        for (String line : plain.lines().toList()) assertTrue(line.length() <= 80, "wider than 80: " + line);
    }

    @Test
    void eventsPastAThreadsLimitAreCountedAndSaidSo() throws Exception {
        ThrEngine engine = Thr.builder().stdout(new StringWriter()).record(4).build();
        engine.eval("q = queue()\nfor i in range(10) { q.put(i) }");
        String t = engine.timeline(80, false, false);
        assertTrue(t.contains("events past a thread's limit were not kept"), t);
        assertTrue(engine.timelineHtml("t").contains("events past a thread's limit were not kept"));
    }

    @Test
    void theScaleStaysWithinTheWidthWhateverTheLength() {
        // a tick at the very end of the axis has no room for its label: it is left off
        for (long length : new long[] {200_000_000L, 1_000_000_000L, 2_500_000_000L, 7_000L}) {
            for (int columns : new int[] {40, 61, 80, 133}) {
                String t = TextTimeline.render(new Timeline(length, List.of(), null), new TextTimeline.Style(columns, true, false));
                for (String line : t.lines().skip(1).limit(2).toList()) { // the axis: its labels and ticks
                    assertTrue(line.length() <= columns, "wider than " + columns + " for " + length + " ns: " + line);
                }
            }
        }
    }

    @Test
    void theTraceIsWellFormedAndEveryFlowHasBothEnds() throws Exception {
        ThrEngine engine = recorded("""
                q = queue(2)
                l = lock()
                n = 0
                fn producer() { for i in range(5) { q.put(i) } }
                fn consumer() {
                  global n
                  for i in range(5) {
                    q.get()
                    with l { n += 1 }
                  }
                }
                p = spawn producer()
                c = spawn consumer()
                with l { n += 1 }
                join p, c
                """);
        JsonObject trace = JsonParser.parseString(engine.trace("test")).getAsJsonObject();
        JsonArray events = trace.getAsJsonArray("traceEvents");
        Set<Integer> named = new HashSet<>();
        Map<String, Integer> starts = new HashMap<>(), ends = new HashMap<>();
        Map<String, Integer> instants = new HashMap<>();
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            String ph = o.get("ph").getAsString();
            assertTrue(o.has("name") && o.has("pid") && o.has("tid") && o.has("ts"), "incomplete event " + o);
            assertTrue(o.get("ts").getAsDouble() >= 0, "negative time in " + o);
            int tid = o.get("tid").getAsInt();
            switch (ph) {
                case "M" -> { if (o.get("name").getAsString().equals("thread_name")) named.add(tid); }
                case "X" -> {
                    assertTrue(o.get("dur").getAsDouble() > 0, "an empty slice " + o);
                    assertTrue(o.getAsJsonObject("args").has("line") || o.get("name").getAsString().equals("running"), "no line in " + o);
                }
                case "i" -> instants.merge(o.get("name").getAsString().split(" ")[0], 1, Integer::sum);
                case "s" -> starts.merge(o.get("cat").getAsString() + o.get("id"), 1, Integer::sum);
                case "f" -> {
                    assertEquals("e", o.get("bp").getAsString());
                    ends.merge(o.get("cat").getAsString() + o.get("id"), 1, Integer::sum);
                }
                default -> throw new AssertionError("unexpected phase " + ph + " in " + o);
            }
            if (!ph.equals("M")) assertTrue(named.contains(tid), "thread " + tid + " has no name before " + o);
        }
        assertEquals(starts.keySet(), ends.keySet(), "flows without both ends");
        assertTrue(starts.values().stream().allMatch(n -> n == 1) && ends.values().stream().allMatch(n -> n == 1));
        assertEquals(5, instants.get("put"));
        assertEquals(5, instants.get("get"));
        assertEquals(6, instants.get("acquire"));
        assertEquals(2, instants.get("spawn"));
        assertEquals(5, starts.keySet().stream().filter(k -> k.startsWith("item")).count(), "a flow from each put to its get");
        assertEquals(2, starts.keySet().stream().filter(k -> k.startsWith("spawn")).count());
        assertEquals(5, starts.keySet().stream().filter(k -> k.startsWith("handover")).count(), "a flow from each release to the next acquire");
    }

    @Test
    void theHtmlPageHoldsEveryLaneAndNeedsNothingFromOutside() throws Exception {
        ThrEngine engine = recorded("""
                q = queue()
                fn worker(n) { q.put(n) }
                ts = [spawn worker(i) for i in range(3)]
                for t in ts { join t }
                print q.get()
                """);
        String html = engine.timelineHtml("page </script> test");
        for (String outside : List.of("http://", "https://", "<link", " src=", "@import", "url(")) {
            assertFalse(html.contains(outside), "the page reaches outside: " + outside);
        }
        int from = html.indexOf("const DATA = ") + "const DATA = ".length();
        int to = html.indexOf(";\nconst COLOURS");
        JsonObject data = JsonParser.parseString(html.substring(from, to)).getAsJsonObject();
        assertEquals("page </script> test", data.get("title").getAsString());
        assertEquals(List.of("MainThread", "Thread-1 (worker)", "Thread-2 (worker)", "Thread-3 (worker)"),
                data.getAsJsonArray("lanes").asList().stream().map(l -> l.getAsJsonObject().get("name").getAsString()).toList());
        assertEquals(1, html.split("</script>", -1).length - 1, "the title closed the script early");
        Map<String, Integer> flows = new HashMap<>();
        for (JsonElement f : data.getAsJsonArray("flows")) flows.merge(f.getAsJsonArray().get(0).getAsString(), 1, Integer::sum);
        assertEquals(Map.of("spawn", 3, "item", 1), flows, "three spawns, and the one item taken flows from its put to the get");
    }
}
