import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/**
 * thr's hot paths, measured inside one warm process: each is a thr function that does an
 * operation n times, timed after warm-up, against the same loop in plain Java (what the JVM's
 * own primitives cost). Prints nanoseconds per operation, median of the measured rounds, as
 * tab-separated lines that bench/micro/run joins with CPython's numbers.
 *
 *     java -cp repl/target/thr.jar bench/micro/Micro.java [tier]
 */
public class Micro {
    record Path(String name, String thr, LongUnaryOperator java) {}

    static volatile long sink;

    static final List<Path> PATHS = List.of(
            new Path("loop turn", "fn bench(n) { for i in range(n) { } }", n -> {
                long s = 0;
                for (long i = 0; i < n; i++) s += i;
                return s;
            }),
            new Path("call", "fn id(x) { return x }\nfn bench(n) { for i in range(n) { id(i) } }", n -> {
                long s = 0;
                for (long i = 0; i < n; i++) s += id(i);
                return s;
            }),
            new Path("arithmetic", "fn bench(n) { t = 0; for i in range(n) { t = t + i * 3 - 1 }; return t }", n -> {
                long t = 0;
                for (long i = 0; i < n; i++) t = t + i * 3 - 1;
                return t;
            }),
            new Path("local variables", "fn bench(n) { a = 1; b = 2; for i in range(n) { c = a; a = b; b = c } ; return a }", n -> {
                long a = 1, b = 2;
                for (long i = 0; i < n; i++) { long c = a; a = b; b = c; }
                return a;
            }),
            new Path("module variable", "g = 0\nfn bench(n) { global g; for i in range(n) { g = g + 1 }; return g }", n -> {
                for (long i = 0; i < n; i++) sink = sink + 1;
                return sink;
            }),
            new Path("queue put+get", "q = queue(16)\nfn bench(n) { for i in range(n) { q.put(i); q.get() } }", n -> {
                var q = new ArrayBlockingQueue<Long>(16);
                long s = 0;
                try {
                    for (long i = 0; i < n; i++) { q.put(i); s += q.take(); }
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                return s;
            }),
            new Path("lock acquire+release", "l = lock()\nfn bench(n) { c = 0; for i in range(n) { with l { c += 1 } }; return c }", n -> {
                var l = new ReentrantLock();
                long c = 0;
                for (long i = 0; i < n; i++) {
                    l.lock();
                    try { c++; } finally { l.unlock(); }
                }
                return c;
            }));

    static long id(long x) { return x; }

    public static void main(String[] args) throws Exception {
        String tier = args.length > 0 ? args[0] : "adaptive";
        long n = 1_000_000;
        for (Path p : PATHS) {
            ThrEngine engine = Thr.builder().tier(dev.thr.eval.Tier.valueOf(tier.toUpperCase()))
                    .stdout(new StringWriter()).build();
            engine.run(engine.compile("micro.thr", p.thr));
            double thr = median(() -> engine.call("bench", List.of(n)), n);
            double java = median(() -> sink += p.java.applyAsLong(n), n);
            System.out.printf("%s\t%.2f\t%.2f%n", p.name, thr, java);
        }
        steadyFib(tier);
    }

    /**
     * fib(27) called 40 times in one engine: milliseconds of the best call, of the median, and
     * of the slowest after the tenth (the warm-up), against Java on boxed Longs.
     */
    static void steadyFib(String tier) throws Exception {
        ThrEngine engine = Thr.builder().tier(dev.thr.eval.Tier.valueOf(tier.toUpperCase())).stdout(new StringWriter()).build();
        engine.run(engine.compile("fib.thr", "fn fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }"));
        // the harness's own garbage first (the source launcher compiled this file in this JVM, and
        // the measurements above allocated): else its young collection lands among the calls
        System.gc();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            engine.call("fib", List.of(27L));
            times.add((System.nanoTime() - t0) / 1e6);
        }
        List<Double> warm = new ArrayList<>(times.subList(10, 40));
        warm.sort(null);
        System.out.printf("fib(27) ms\t%.2f\t%.2f\t%.2f%n", warm.get(0), warm.get(15), warm.get(29));
    }

    interface Work { void run() throws Exception; }

    /** Nanoseconds an operation: 10 rounds to warm up, then the median of 10. */
    static double median(Work w, long n) throws Exception {
        for (int i = 0; i < 10; i++) w.run();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            w.run();
            times.add((System.nanoTime() - t0) / (double) n);
        }
        times.sort(null);
        return (times.get(4) + times.get(5)) / 2;
    }
}
