package dev.thr.eval;

/**
 * How a function or a loop goes up from the closure tree to bytecode (Tier.ADAPTIVE, and
 * Tier.BYTECODE with thresholds of one): its uses are counted, and at the threshold it is
 * compiled, once. Its node stays as it was; this holder is the one thing that changes, from
 * cold to compiled (or to settled on the tree, when its code cannot be compiled).
 *
 * <p>Compiling runs on a short-lived thread of its own, which the caller waits for: the code
 * that gets hot may be deep in its thread's stack, and the compiler's first use loads and
 * initializes classes (the tier's, ASM's, the new class itself), which, should the stack run
 * out in the middle, would stay unusable for the rest of the process. Waiting is faster than
 * going on on the tree meanwhile (the first compile in a process takes 10-20 ms): whole-program
 * fib(30) took 0.50 s that way against 0.35 s waiting, as the JIT then warms up the tree's
 * paths and the compiled ones both. Other threads that call the code while it compiles run it
 * on the tree.
 */
final class Hot implements Runnable {
    /** Calls before a function is compiled, adaptively. */
    static final int CALLS = 200;
    /** Turns of one run of a loop before the loop is compiled, adaptively. */
    static final int TURNS = 1000;
    /** What a loop unit is (the tier's own names are not touched on the running thread: see above). */
    static final int BLOCK = 1, FOR = 2;

    static {
        // resolved here, where compilers are made, not where the first hot code runs
        Bytecode.Compiled.class.getName();
    }

    /** Calls of a function, or turns of one run of a loop, before it is compiled. */
    private final int threshold;
    private static final Object ON_TREE = new Object();
    private static final Object COMPILING = new Object();
    /**
     * Whether a fault of the compiler is thrown to the caller (Tier.BYTECODE, so that the tests
     * see it) or leaves the code on the tree, which runs it the same (Tier.ADAPTIVE: a program
     * must not fail for an optimisation).
     */
    private final boolean strict;
    /** null (cold), COMPILING, then the Bytecode.Compiled or ON_TREE. */
    private volatile Object state;
    /** Uses so far. Racy on purpose: a lost increment only delays the compile a little. */
    private int uses;
    /** The compile to run, for run(): a function's code, or a loop and its unit. */
    private FunctionCode function;
    private StmtNode loop;
    private int unit;
    private Object made;

    Hot(int threshold, boolean strict) {
        this.threshold = threshold;
        this.strict = strict;
    }

    /** For the Tier: null for the tree alone, else a holder that compiles after `adaptive` uses (one, when every body is compiled). */
    static Hot of(Tier tier, int adaptive) {
        return switch (tier) {
            case TREE -> null;
            case BYTECODE -> new Hot(1, true);
            case ADAPTIVE -> new Hot(adaptive, false);
        };
    }

    /** The compiled form, once there is one. */
    Bytecode.Compiled compiled() {
        return state instanceof Bytecode.Compiled c ? c : null;
    }

    /** Whether this may still be compiled (it is neither compiled nor settled on the tree; it may be compiling). */
    boolean cold() {
        Object s = state;
        return s == null || s == COMPILING;
    }

    /** One call of code: counted; the compiled form when there is one (at the threshold, the compile starts). */
    Bytecode.Compiled call(FunctionCode code) {
        Object s = state;
        if (s instanceof Bytecode.Compiled c) return c;
        if (s != null || ++uses < threshold) return null;
        start(code, null, 0);
        return compiled();
    }

    /** Counts a loop's turns, up to where counting stops mattering. */
    static int count(int turns) {
        return turns == Integer.MAX_VALUE ? turns : turns + 1;
    }

    /**
     * One run of a loop has turned `turns` times: the compiled loop (unit BLOCK for a while
     * loop, FOR for a for loop) once there is one, to go on in from this turn; at the
     * threshold, its compile starts.
     */
    Bytecode.Compiled turn(int turns, StmtNode loop, int unit) {
        if (turns < threshold) return null;
        if (turns == threshold && state == null) start(null, loop, unit);
        return compiled();
    }

    /**
     * Compiles, once, on a thread of its own, and waits for it. The one caller that claims the
     * compile waits outside this object's lock, and by parking, not by Thread.join (whose
     * Object.wait pins a virtual thread to its carrier on JDK 21-23): a thread that calls the
     * code meanwhile sees it compiling and runs the tree.
     */
    private void start(FunctionCode function, StmtNode loop, int unit) {
        synchronized (this) {
            if (state != null) return;
            this.function = function;
            this.loop = loop;
            this.unit = unit;
            state = COMPILING;
        }
        java.util.concurrent.FutureTask<Void> compile = new java.util.concurrent.FutureTask<>(this, null);
        try {
            Thread.ofPlatform().daemon().name("thr compiler").start(compile);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // no thread to be had (a program at the system's limit of threads), or no stack left
            // to start one in: the code stays on the tree, which runs it the same; the program
            // must not fail for an optimisation
            this.function = null;
            this.loop = null;
            state = ON_TREE;
            return;
        }
        awaitQuietly(compile);
        if (!strict) return;
        if (made instanceof RuntimeException e) throw e;
        if (made instanceof Error e) throw e;
    }

    private static void awaitQuietly(java.util.concurrent.FutureTask<Void> compile) {
        boolean interrupted = false;
        while (true) {
            try {
                compile.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // a stop: noticed at the next checkpoint, after this short wait
            } catch (java.util.concurrent.ExecutionException e) {
                break; // run() keeps what came of the compile in `made`; it throws nothing
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The compile itself, on the compiler's thread; what came of it is the new state. */
    @Override
    public void run() {
        Object result;
        try {
            result = function != null ? Bytecode.function(function)
                    : Bytecode.compile(unit == FOR ? "for" : "while", loop, unit == FOR ? Bytecode.Unit.FOR : Bytecode.Unit.BLOCK);
        } catch (RuntimeException | Error e) {
            result = e; // thrown to the caller when strict; else the code stays on the tree, which runs it the same
        }
        made = result;
        function = null;
        loop = null;
        state = result instanceof Bytecode.Compiled ? result : ON_TREE;
    }
}
