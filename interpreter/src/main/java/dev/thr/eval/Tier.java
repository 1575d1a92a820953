package dev.thr.eval;

/**
 * How compiled code runs. Every tier means the same program: the same output, errors and
 * positions, checkpoints and scheduling points; they differ only in speed.
 */
public enum Tier {
    /** The closure tree alone: nothing to compile, slower to run. */
    TREE,
    /**
     * Each function body, and the module's code, compiled to JVM bytecode (see Bytecode) before
     * it first runs. What the test suite runs besides the tree, so that every path is compiled.
     */
    BYTECODE,
    /**
     * The default: code starts on the tree, and a function called often or a loop that turns
     * often is compiled to bytecode then (see Hot). A one-liner or a script that mostly waits
     * never pays for compiling; a hot loop goes on compiled from the turn it is compiled at.
     */
    ADAPTIVE;

    /** The tier the system property thr.tier names (tree, bytecode or adaptive), else adaptive. */
    public static Tier fromProperty() {
        String name = System.getProperty("thr.tier", "adaptive");
        return switch (name) {
            case "tree" -> TREE;
            case "bytecode" -> BYTECODE;
            case "adaptive" -> ADAPTIVE;
            default -> throw new IllegalArgumentException("thr.tier is '" + name + "': it takes tree, bytecode or adaptive");
        };
    }
}
