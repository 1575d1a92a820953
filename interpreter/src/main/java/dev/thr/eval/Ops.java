package dev.thr.eval;

import dev.thr.diag.Span;
import dev.thr.value.Arith;
import dev.thr.value.ThrError;
import dev.thr.value.Values;

/** Operators. Each binary operator is its own small node so the common long case stays short. */
final class Ops {
    private Ops() {}

    abstract static class Binary extends ExprNode {
        final ExprNode left, right;
        final String op;
        Binary(Span s, String op, ExprNode left, ExprNode right) { super(s); this.op = op; this.left = left; this.right = right; }
        @Override final Object eval(Frame f) {
            Object a = left.eval(f), b = right.eval(f);
            try {
                return apply(a, b);
            } catch (ThrError e) {
                throw e.at(span);
            }
        }
        abstract Object apply(Object a, Object b);
    }

    static ExprNode binary(Span s, String op, ExprNode l, ExprNode r) {
        return switch (op) {
            case "+" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) { return Arith.add(a, b); } };
            case "-" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) { return Arith.sub(a, b); } };
            case "*" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) { return Arith.mul(a, b); } };
            case "/" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) { return Arith.div(a, b); } };
            case "//" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) { return Arith.floorDiv(a, b); } };
            case "%" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) { return Arith.mod(a, b); } };
            case "**" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) { return Arith.pow(a, b); } };
            case "==" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) { return Values.equal(a, b); } };
            case "!=" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) { return !Values.equal(a, b); } };
            case "<" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) {
                return a instanceof Long x && b instanceof Long y ? x < y : Values.compare(a, b, op) == -1; } };
            case "<=" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) {
                int c = Values.compare(a, b, op); return c == -1 || c == 0; } };
            case ">" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) {
                return a instanceof Long x && b instanceof Long y ? x > y : Values.compare(a, b, op) == 1; } };
            case ">=" -> new Binary(s, op, l, r) { Object apply(Object a, Object b) {
                int c = Values.compare(a, b, op); return c == 1 || c == 0; } };
            default -> throw new IllegalArgumentException("operator " + op);
        };
    }

    /** The operation behind `x op= v`. */
    static Binary augmented(Span s, String op) {
        return (Binary) binary(s, op.substring(0, op.length() - 1), null, null);
    }

    static final class Unary extends ExprNode {
        final String op; final ExprNode operand;
        Unary(Span s, String op, ExprNode operand) { super(s); this.op = op; this.operand = operand; }
        @Override Object eval(Frame f) {
            Object v = operand.eval(f);
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
            Object x = item.eval(f), c = container.eval(f);
            try {
                return Indexing.contains(c, x) != negated;
            } catch (ThrError e) {
                throw e.at(span);
            }
        }
    }
}
