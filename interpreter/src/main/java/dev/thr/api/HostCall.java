package dev.thr.api;

import dev.thr.eval.Callable;
import dev.thr.eval.ThreadContext;
import dev.thr.value.ThrError;
import dev.thr.value.Values;
import java.util.ArrayList;
import java.util.List;

/** A host function as thr sees it: a callable value under the name the host chose. */
record HostCall(String name, HostFunction function) implements Callable, Values.Typed {
    @Override
    public Object call(ThreadContext ctx, Object[] args, String[] names) {
        if (names != null) throw ThrError.type(name + "() is a host function: it takes positional arguments only");
        List<Object> javaArgs = new ArrayList<>(args.length);
        for (Object a : args) javaArgs.add(JavaValues.toJava(a));
        try {
            return JavaValues.toThr(function.call(javaArgs));
        } catch (ThrError e) {
            throw e;
        } catch (ThrException e) {
            throw new ThrError(e.kind(), e.detail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.thr.value.Cancelled();
        } catch (Exception | Error e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ThrError("HostError", name + "(): " + message);
        }
    }

    @Override public String typeName() { return "function"; }

    @Override public String toString() { return "<host fn " + name + ">"; }
}
