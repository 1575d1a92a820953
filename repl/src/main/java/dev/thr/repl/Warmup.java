package dev.thr.repl;

import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import java.io.Writer;

/**
 * Highlights, compiles and runs typical snippets on a scratch engine of its own, in the
 * background, while the person reads the first prompt: the JIT has then compiled much of
 * thr's parser, compiler and runner before the first real input. A first paste of 5,000 lines
 * without bracketed paste takes about twice as long as the second; this takes a fifth or so
 * off (the rest is the line reader's own warming up). The engine is not the session's: its
 * names, output and threads are nobody's.
 */
final class Warmup {
    private static final String[] SNIPPETS = {
        "x = 6 * 7", "fn twice(v) { return v * 2 }", "twice(x) + len([1, 2, 3])",
        "items = [i for i in range(20) if i % 2 == 0]", "m = {\"a\": 1}\nm[\"b\"] = 2",
        "if x > 1 {\n  print \"{x} is big\"\n} else {\n  print(x, end=\"\")\n}",
        "l = lock()\nwith l { total = sum(items) }", "s = \"abc\".upper() + str(3.5)",
    };
    private static final int ROUNDS = 250;

    private Warmup() {}

    static void start() {
        Thread.ofPlatform().name("thr-warmup").daemon(true).priority(Thread.MIN_PRIORITY).start(() -> {
            ThrEngine scratch = Thr.builder().stdout(Writer.nullWriter()).stderr(Writer.nullWriter()).reuseMainThreads(true).build();
            for (int i = 0; i < ROUNDS; i++) {
                for (String snippet : SNIPPETS) {
                    try {
                        Highlighting.style(snippet); // redrawn at every key typed
                        scratch.run(scratch.compileInteractive("<warm-up>", snippet));
                    } catch (Exception e) {
                        return; // a warm-up has nothing to report: the session goes on without it
                    }
                }
            }
        });
    }
}
