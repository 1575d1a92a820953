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
 * out in the middle, would stay unusable for the rest of the process.
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
    /** null (cold), the Bytecode.Compiled, or ON_TREE; written once, under this object's lock. */
    private volatile Object state;
    /** Uses so far. Racy on purpose: a lost increment only delays the compile a little. */
    private int uses;
    /** The compile to run, for run(): a function's code, or a loop and its unit. */
    private FunctionCode function;
    private StmtNode loop;
    private int unit;
    private Object made;

    Hot(int threshold) {
        this.threshold = threshold;
    }

    /** For the Tier: null for the tree alone, else a holder that compiles after `adaptive` uses (one, when every body is compiled). */
    static Hot of(Tier tier, int adaptive) {
        return switch (tier) {
            case TREE -> null;
            case BYTECODE -> new Hot(1);
            case ADAPTIVE -> new Hot(adaptive);
        };
    }

    /** The compiled form, once there is one. */
    Bytecode.Compiled compiled() {
        return state instanceof Bytecode.Compiled c ? c : null;
    }

    /** Whether this may still be compiled (it is neither compiled nor settled on the tree). */
    boolean cold() {
        return state == null;
    }

    /** One call of code: counted; the compiled form when there is one (made now, at the threshold). */
    Bytecode.Compiled call(FunctionCode code) {
        Object s = state;
        if (s instanceof Bytecode.Compiled c) return c;
        if (s != null || ++uses < threshold) return null;
        synchronized (this) {
            if (state == null) {
                function = code;
                settle();
            }
        }
        return compiled();
    }

    /** Whether a loop that has turned `turns` times in this run of it should be compiled now. */
    boolean turned(int turns) {
        return turns == threshold && state == null;
    }

    /** Compiles a loop (unit BLOCK for a while loop, FOR for a for loop), once: its compiled form, or null when it stays on the tree. */
    synchronized Bytecode.Compiled compile(StmtNode loop, int unit) {
        if (state == null) {
            this.loop = loop;
            this.unit = unit;
            settle();
        }
        return compiled();
    }

    /** Compiles on a thread of its own and keeps what came of it. */
    private void settle() {
        Thread compiler = Thread.ofPlatform().daemon().name("thr compiler").unstarted(this);
        try {
            compiler.start();
        } catch (OutOfMemoryError e) {
            // no thread to be had (a program at the system's limit of threads): the code stays
            // on the tree, which runs it the same; the program must not fail for an optimisation
            function = null;
            loop = null;
            state = ON_TREE;
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                compiler.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // a stop: noticed at the next checkpoint, after this short wait
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Object result = made;
        function = null;
        loop = null;
        made = null;
        if (result instanceof RuntimeException e) throw e;
        if (result instanceof Error e) throw e;
        state = result != null ? result : ON_TREE;
    }

    /** The compile itself, on the compiler's thread. */
    @Override
    public void run() {
        try {
            made = function != null ? Bytecode.function(function)
                    : Bytecode.compile(unit == FOR ? "for" : "while", loop, unit == FOR ? Bytecode.Unit.FOR : Bytecode.Unit.BLOCK);
        } catch (RuntimeException | Error e) {
            made = e;
        }
    }
}
