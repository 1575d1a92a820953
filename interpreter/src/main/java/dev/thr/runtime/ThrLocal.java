package dev.thr.runtime;

import dev.thr.value.ThrError;
import dev.thr.value.Values;

/** `local()`: an object whose fields each thread sees separately (Python's threading.local). */
public final class ThrLocal implements Values.Typed {
    public Object get(ThrThread self, String field) {
        var fields = self.localsOf(this);
        if (!fields.containsKey(field)) {
            throw new ThrError("AttributeError", "this thread has not set local field '" + field + "'");
        }
        return fields.get(field);
    }

    public boolean has(ThrThread self, String field) { return self.localsOf(this).containsKey(field); }

    public void set(ThrThread self, String field, Object value) { self.localsOf(this).put(field, value); }

    @Override public String typeName() { return "local"; }

    @Override public String toString() { return "<local>"; }
}
