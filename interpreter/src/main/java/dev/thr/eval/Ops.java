package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.value.Arith;
import dev.thr.value.StopSignal;
import dev.thr.value.ThrError;
import dev.thr.value.Values;

/** Operators. Each binary operator is its own small node so the common long case stays short. */
final class Ops {
    private Ops() {}

    /**
     * A binary operator. Each operator is its own class with its own eval, so the JIT sees one
     * operation per call site instead of a megamorphic call through a shared eval.
     */
    abstract static class Binary extends ExprNode {
        final ExprNode left, right;
        final String op;
        Binary(Span s, String op, ExprNode left, ExprNode right) { super(s); this.op = op; this.left = left; this.right = right; }

        /** Applies the operator to values already evaluated; ctx's thread is asked whether to stop in long work. */
        abstract Object apply(ThreadContext ctx, Object a, Object b);

        /**
         * What eval does once both operands are evaluated: apply with the operator's fast path
         * for small integers. The bytecode tier evaluates the operands itself and calls this.
         */
        Object combine(ThreadContext ctx, Object a, Object b) {
            return apply(ctx, a, b);
        }

        final ThrError located(ThrError e) { return e.at(span); }
    }

    static ExprNode binary(Span s, String op, ExprNode l, ExprNode r) {
        return switch (op) {
            case "+" -> new Add(s, l, r);
            case "-" -> new Sub(s, l, r);
            case "<" -> new Less(s, l, r);
            case "*" -> new Mul(s, l, r);
            default -> new Generic(s, op, l, r);
        };
    }

    /** An operator on its own, applied to values already evaluated (`x op= v`, chains). */
    static Binary operator(Span s, String op) {
        return (Binary) binary(s, op, null, null);
    }

    static final class Add extends Binary {
        Add(Span s, ExprNode l, ExprNode r) { super(s, "+", l, r); }
        // each class its own eval (not one in Binary), so that combine is a direct call
        @Override Object eval(Frame f) {
            Object a = left.eval(f);
            return combine(f.ctx, a, right.eval(f));
        }
        @Override Object combine(ThreadContext ctx, Object a, Object b) {
            if (a instanceof Long x && b instanceof Long y) {
                long sum = x + y;
                if (((x ^ sum) & (y ^ sum)) >= 0) return sum;
            }
            return apply(ctx, a, b);
        }
        @Override Object apply(ThreadContext ctx, Object a, Object b) {
            try {
                return Arith.add(a, b);
            } catch (ThrError e) {
                throw located(e);
            } catch (OutOfMemoryError e) {
                throw located(OutOfMemory.error(ctx)); // a string or list joined to itself again and again
            }
        }
    }

    static final class Sub extends Binary {
        Sub(Span s, ExprNode l, ExprNode r) { super(s, "-", l, r); }
        @Override Object eval(Frame f) {
            Object a = left.eval(f);
            return combine(f.ctx, a, right.eval(f));
        }
        @Override Object combine(ThreadContext ctx, Object a, Object b) {
            if (a instanceof Long x && b instanceof Long y) {
                long d = x - y;
                if (((x ^ y) & (x ^ d)) >= 0) return d;
            }
            return apply(ctx, a, b);
        }
        @Override Object apply(ThreadContext ctx, Object a, Object b) {
            try {
                return Arith.sub(a, b, ctx.thread);
            } catch (ThrError e) {
                throw located(e);
            }
        }
    }

    static final class Less extends Binary {
        Less(Span s, ExprNode l, ExprNode r) { super(s, "<", l, r); }
        @Override Object eval(Frame f) {
            Object a = left.eval(f);
            return combine(f.ctx, a, right.eval(f));
        }
        @Override Object combine(ThreadContext ctx, Object a, Object b) {
            if (a instanceof Long x && b instanceof Long y) return x < y;
            return apply(ctx, a, b);
        }
        @Override Object apply(ThreadContext ctx, Object a, Object b) {
            try {
                return Values.compare(a, b, "<") == -1;
            } catch (ThrError e) {
                throw located(e);
            } catch (StackOverflowError e) {
                throw located(tooDeep());
            }
        }
    }

    /**
     * The other operators: rarer in hot loops, one class that picks the operation by a switch
     * on its code. (Not a lambda in a field: the call through it would be one call site for
     * every operator of the program, which the JIT cannot inline; a switch's branches each
     * call one method.)
     */
    static class Generic extends Binary {
        private final int code;
        private static final java.util.List<String> OPERATORS = java.util.List.of(
                "*", "/", "//", "%", "**", "&", "|", "^", "in", "not in", "is", "is not", "==", "!=", "<=", ">", ">=");
        Generic(Span s, String op, ExprNode l, ExprNode r) {
            super(s, op, l, r);
            this.code = OPERATORS.indexOf(op);
            if (code < 0) throw new IllegalArgumentException("operator " + op);
        }

        /** The operation; `stop` is asked now and then by work that can take long (`"ab" * 10 ** 9`, `7 ** 10 ** 7`). */
        private Object compute(Object a, Object b, StopSignal stop) {
            return switch (code) {
                case 0 -> Arith.mul(a, b, stop);
                case 1 -> Arith.div(a, b, stop);
                case 2 -> Arith.floorDiv(a, b, stop);
                case 3 -> Arith.mod(a, b, stop);
                case 4 -> Arith.pow(a, b, stop);
                case 5 -> Arith.and(a, b, stop);
                case 6 -> Arith.or(a, b, stop);
                case 7 -> Arith.xor(a, b, stop);
                case 8 -> Indexing.contains(b, a, stop);
                case 9 -> !Indexing.contains(b, a, stop);
                case 10 -> Values.identical(a, b);
                case 11 -> !Values.identical(a, b);
                case 12 -> Values.equal(a, b);
                case 13 -> !Values.equal(a, b);
                case 14 -> {
                    int c = Values.compare(a, b, "<=");
                    yield c == -1 || c == 0;
                }
                case 15 -> a instanceof Long x && b instanceof Long y ? x > y : Values.compare(a, b, ">") == 1;
                default -> {
                    int c = Values.compare(a, b, ">=");
                    yield c == 1 || c == 0;
                }
            };
        }
        @Override Object eval(Frame f) {
            Object a = left.eval(f);
            return combine(f.ctx, a, right.eval(f));
        }
        @Override Object combine(ThreadContext ctx, Object a, Object b) {
            try {
                return apply(ctx, a, b);
            } catch (OutOfMemoryError e) {
                throw located(OutOfMemory.error(ctx)); // "ab" * 10 ** 9, a list joined to itself again and again
            }
        }
        @Override Object apply(ThreadContext ctx, Object a, Object b) {
            try {
                return compute(a, b, ctx.thread);
            } catch (dev.thr.value.Cancelled e) {
                ctx.thread.at(span); // `7 ** 10 ** 8` stopped: the operator is the place
                throw e;
            } catch (ThrError e) {
                throw located(e);
            } catch (StackOverflowError e) {
                throw located(tooDeep());
            }
        }
    }

    /** `*`: the small-integer product first, without Generic's switch; anything else as Generic does it. */
    static final class Mul extends Generic {
        Mul(Span s, ExprNode l, ExprNode r) { super(s, "*", l, r); }
        @Override Object eval(Frame f) {
            Object a = left.eval(f);
            return combine(f.ctx, a, right.eval(f));
        }
        @Override Object combine(ThreadContext ctx, Object a, Object b) {
            if (a instanceof Long x && b instanceof Long y) {
                long hi = Math.multiplyHigh(x, y), lo = x * y;
                if (hi == lo >> 63) return lo; // the 128-bit product fits in 64
            }
            return super.combine(ctx, a, b);
        }
    }

    /** Lists or maps that hold themselves, compared: Python says the same. */
    static ThrError tooDeep() {
        return new ThrError("RecursionError", "maximum recursion depth exceeded in comparison");
    }

    /** `a < b < c` is `a < b and b < c`, with b evaluated once; stops at the first false. */
    static final class Chain extends ExprNode {
        final Binary[] ops; final ExprNode[] operands;
        Chain(Span s, Binary[] ops, ExprNode[] operands) { super(s); this.ops = ops; this.operands = operands; }
        @Override Object eval(Frame f) {
            Object left = operands[0].eval(f);
            for (int i = 0; i < ops.length; i++) {
                Object right = operands[i + 1].eval(f);
                Object result = ops[i].apply(f.ctx, left, right);
                if (!Values.truthy(result)) return result;
                left = right;
            }
            return true;
        }
    }

    static final class Unary extends ExprNode {
        final String op; final ExprNode operand;
        Unary(Span s, String op, ExprNode operand) { super(s); this.op = op; this.operand = operand; }
        @Override Object eval(Frame f) {
            return combine(operand.eval(f));
        }
        Object combine(Object v) {
            try {
                return switch (op) {
                    case "-" -> Arith.negate(v);
                    case "+" -> Arith.plus(v);
                    default -> !Values.truthy(v);
                };
            } catch (ThrError e) {
                throw e.at(span);
            }
        }
    }

    /** `and` / `or` give back one of their operands, as in Python. */
    static final class Logical extends ExprNode {
        final boolean isAnd; final ExprNode left, right;
        Logical(Span s, boolean isAnd, ExprNode left, ExprNode right) { super(s); this.isAnd = isAnd; this.left = left; this.right = right; }
        @Override Object eval(Frame f) {
            Object a = left.eval(f);
            return Values.truthy(a) == isAnd ? right.eval(f) : a;
        }
    }

    static final class In extends ExprNode {
        final boolean negated; final ExprNode item, container;
        In(Span s, boolean negated, ExprNode item, ExprNode container) { super(s); this.negated = negated; this.item = item; this.container = container; }
        @Override Object eval(Frame f) {
            Object x = item.eval(f);
            return combine(f.ctx, x, container.eval(f));
        }
        Object combine(ThreadContext ctx, Object x, Object c) {
            try {
                return Indexing.contains(c, x, ctx.thread) != negated;
            } catch (ThrError e) {
                throw e.at(span);
            } catch (StackOverflowError e) {
                throw tooDeep().at(span);
            }
        }
    }
}
