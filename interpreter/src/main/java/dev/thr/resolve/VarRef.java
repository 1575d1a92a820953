package dev.thr.resolve;

/** Where a name lives, decided once before the program runs. */
public sealed interface VarRef {
    String name();

    /** A module-level variable: index into the engine's globals. */
    record Global(String name, int index) implements VarRef {}

    /** A function's variable: `depth` frames up the closure chain, at `slot`. */
    record Local(String name, int depth, int slot, SlotInfo info) implements VarRef {}

    /** A builtin function or constant that no program variable shadows. */
    record Builtin(String name) implements VarRef {}

    /** Facts about one local slot that are only known once the whole function is resolved. */
    final class SlotInfo {
        private boolean captured;

        public boolean captured() { return captured; }

        void markCaptured() { captured = true; }
    }
}
