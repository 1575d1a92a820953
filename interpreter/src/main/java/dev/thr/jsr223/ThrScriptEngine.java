package dev.thr.jsr223;

import dev.thr.api.Thr;
import dev.thr.api.ThrEngine;
import dev.thr.api.ThrException;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/**
 * thr behind javax.script. Each ScriptEngine has one ThrEngine, whose module variables, functions
 * and threads outlive an eval, as a JavaScript engine's globals do; bindings are copied into
 * them before each run and the script's variables back into ENGINE_SCOPE after it.
 *
 * <p>Evals may run from several host threads at once (THREADING is MULTITHREADED): they share
 * the module variables, and output goes to the writer of the eval started last.
 */
public final class ThrScriptEngine extends AbstractScriptEngine implements Compilable, Invocable {
    private static final String DEFAULT_NAME = "<eval>";

    private final ThrScriptEngineFactory factory;
    private final Forwarding.Out out = new Forwarding.Out();
    private final Forwarding.Out err = new Forwarding.Out();
    private final Forwarding.In in = new Forwarding.In();
    private final ThrEngine thr;
    private final BindingsCopier bindings;

    public ThrScriptEngine() { this(new ThrScriptEngineFactory()); }

    ThrScriptEngine(ThrScriptEngineFactory factory) {
        this.factory = factory;
        this.thr = Thr.builder().stdout(out).stderr(err).stdin(in).build();
        this.bindings = new BindingsCopier(thr);
    }

    /** The engine underneath, for what javax.script has no word for: cancel(), threads(). */
    public ThrEngine thrEngine() { return thr; }

    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        return run(compile(script, context), context);
    }

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        return eval(read(reader), context);
    }

    @Override public Bindings createBindings() { return new SimpleBindings(); }

    @Override public ScriptEngineFactory getFactory() { return factory; }

    // --- Compilable

    /** A compiled script is immutable: it may be run many times, from several threads at once. */
    @Override
    public CompiledScript compile(String script) throws ScriptException {
        ThrEngine.Script compiled = compile(script, context);
        return new CompiledScript() {
            @Override public Object eval(ScriptContext ctx) throws ScriptException { return run(compiled, ctx); }

            @Override public ScriptEngine getEngine() { return ThrScriptEngine.this; }
        };
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException { return compile(read(script)); }

    private ThrEngine.Script compile(String source, ScriptContext ctx) throws ScriptException {
        Objects.requireNonNull(source, "script");
        Object file = ctx.getAttribute(ScriptEngine.FILENAME);
        try {
            // Interactive: a name no eval has defined yet is not a compile error, since bindings
            // given at run time or a later eval may define it (using it unset is a NameError).
            // A program compiled so still gives back the value of its last expression.
            return thr.compileInteractive(file == null ? DEFAULT_NAME : file.toString(), source);
        } catch (ThrException e) {
            throw scriptException(e);
        }
    }

    private Object run(ThrEngine.Script script, ScriptContext ctx) throws ScriptException {
        return inContext(ctx, () -> thr.evalScript(script));
    }

    // --- Invocable

    @Override
    public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
        Objects.requireNonNull(name, "name");
        if (!hasFunction(name)) throw new NoSuchMethodException("no thr function named '" + name + "' is defined");
        List<Object> arguments = args == null ? List.of() : Arrays.asList(args);
        return inContext(context, () -> thr.call(name, arguments));
    }

    /** thr has no objects whose methods Java could call: there is never such a method. */
    @Override
    public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
        if (thiz == null) throw new IllegalArgumentException("invokeMethod: the object is null");
        Objects.requireNonNull(name, "name");
        throw new NoSuchMethodException("thr has no objects with methods callable from Java: " + name
                + "; define a function and use invokeFunction");
    }

    @Override
    public <T> T getInterface(Class<T> type) {
        return ScriptInterface.of(this, type);
    }

    @Override
    public <T> T getInterface(Object thiz, Class<T> type) {
        if (thiz == null) throw new IllegalArgumentException("getInterface: the object is null");
        throw new IllegalArgumentException("thr has no script objects: use getInterface(Class) for top-level functions");
    }

    /** Whether a module variable holds a function now (builtins are not module variables). */
    boolean hasFunction(String name) {
        // ThrEngine has no public test for "is a function"; Callable is what ThrEngine.call checks.
        return thr.isFunction(name);
    }

    // --- Running in a context

    @FunctionalInterface
    private interface ThrRun {
        Object run() throws ThrException, InterruptedException;
    }

    /** Streams and bindings from the context, a thr run, variables back out, errors as ScriptException. */
    private Object inContext(ScriptContext ctx, ThrRun body) throws ScriptException {
        Objects.requireNonNull(ctx, "context");
        out.target(ctx.getWriter());
        err.target(ctx.getErrorWriter());
        in.target(ctx.getReader());
        bindings.copyIn(ctx);
        try {
            return body.run();
        } catch (ThrException e) {
            throw scriptException(e);
        } catch (InterruptedException e) {
            // The caller was interrupted; its thr main thread has been stopped. Keep the flag
            // so the caller's own code sees it too.
            Thread.currentThread().interrupt();
            ScriptException se = new ScriptException("thr: interrupted: " + Objects.requireNonNullElse(e.getMessage(), "the run was stopped"));
            se.initCause(e);
            throw se;
        } finally {
            // Variables assigned before an error are kept, as a REPL keeps them.
            bindings.copyOut(ctx);
        }
    }

    /**
     * One line, "kind: detail": ScriptException appends the file, line and column itself. The
     * full report (source line, caret, thr stack, every syntax error) is the cause's message.
     */
    static ScriptException scriptException(ThrException e) {
        String message = e.kind() == null ? e.getMessage() : e.kind() + ": " + e.detail();
        ScriptException se = new ScriptException(message, e.file(), e.line() > 0 ? e.line() : -1,
                e.column() > 0 ? e.column() : -1);
        se.initCause(e);
        return se;
    }

    private static String read(Reader reader) throws ScriptException {
        Objects.requireNonNull(reader, "reader");
        StringBuilder text = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n; (n = reader.read(buf)) != -1; ) text.append(buf, 0, n);
        } catch (IOException e) {
            ScriptException se = new ScriptException("thr: cannot read the script: " + e.getMessage());
            se.initCause(e);
            throw se;
        }
        return text.toString();
    }
}
