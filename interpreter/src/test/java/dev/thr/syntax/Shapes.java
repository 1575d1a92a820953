package dev.thr.syntax;

import dev.thr.diag.Span;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Collectors;

/** An AST as a compact string that leaves out source positions, so tests compare shapes. */
final class Shapes {
    private Shapes() {}

    static String of(Object node) {
        if (node == null) return "_";
        if (node instanceof List<?> list) return list.stream().map(Shapes::of).collect(Collectors.joining(" ", "[", "]"));
        if (node instanceof String s) return '"' + s + '"';
        if (!node.getClass().isRecord()) return String.valueOf(node);
        StringBuilder out = new StringBuilder("(").append(node.getClass().getSimpleName());
        for (RecordComponent c : node.getClass().getRecordComponents()) {
            if (c.getType() == Span.class) continue;
            try {
                out.append(' ').append(of(c.getAccessor().invoke(node)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.append(')').toString();
    }
}
