package dev.thr.examples;

import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import dev.thr.api.ThrException;
import java.time.Duration;

public final class HostExample {
    public static void main(String[] args) throws Exception {
        ThrEngine engine = Thr.builder()                        // print goes to System.out
                .function("fetch", a -> {                       // called by several threads at once
                    Thread.sleep(100);                          // pretend to wait for the network
                    return 1000 * a.get(0).toString().length(); // a fake page size
                })
                .timeout(Duration.ofSeconds(2))                 // no run may take longer
                .build();
        run(engine, """
                urls = ["thr.dev", "example.org", "openjdk.org"]
                threads = [spawn fetch(u) for u in urls]
                for t in threads { join t }
                print "sizes:", [t.result for t in threads]
                sum([t.result for t in threads])
                """);
        run(engine, "while true { }");                          // a runaway: the cap stops it
    }

    static void run(ThrEngine engine, String code) throws InterruptedException {
        try {
            System.out.println("result: " + engine.eval(code));
        } catch (ThrException e) {
            System.out.println("failed with " + e.kind() + ":");
            System.out.print(e.getMessage());                   // the full report
        }
        System.out.println("threads left: " + engine.liveThreads());
    }
}
