package dev.thr.api;

import dev.thr.builtins.StandardLibrary;
import dev.thr.diag.Diagnostic;
import dev.thr.diag.Renderer;
import dev.thr.diag.Source;
import dev.thr.eval.CompiledProgram;
import dev.thr.eval.Compiler;
import dev.thr.eval.ErrorReport;
import dev.thr.eval.Interpreter;
import dev.thr.resolve.Resolver;
import dev.thr.runtime.JavaScheduler;
import dev.thr.runtime.Output;
import dev.thr.syntax.ParseResult;
import dev.thr.syntax.Parsing;
import dev.thr.value.ErrorValue;
import dev.thr.value.ThrError;
import dev.thr.value.ThrList;
import dev.thr.value.ThrMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One thr engine: its globals, threads and output. Engines share nothing with each other.
 * Compiling and running may be called from any thread; programs run by one engine share its
 * module variables, as threads of one program do.
 */
public final class ThrEngine {
    private final StandardLibrary library = new StandardLibrary();
    private final Interpreter interpreter;

    ThrEngine(Thr.Builder b) {
        JavaScheduler scheduler = new JavaScheduler(b.virtualThreads, b.seed, Output.of(b.out), Output.of(b.err));
        interpreter = new Interpreter(scheduler, library);
        b.globals.forEach((k, v) -> interpreter.setGlobal(k, toThr(v)));
    }

    /** Parses and resolves a program; a SyntaxError ThrException lists every problem found. */
    public Script compile(String name, String source) throws ThrException {
        return compile(name, source, false, false);
    }

    /**
     * Compiles a snippet for an interactive session: a name not defined yet is allowed (a later
     * snippet may define it; using it before then is a NameError), and when the snippet ends
     * with an expression, {@link #run} gives back its value.
     */
    public Script compileInteractive(String name, String source) throws ThrException {
        return compile(name, source, true, true);
    }

    private synchronized Script compile(String name, String source, boolean lenientNames, boolean keepLastValue) throws ThrException {
        Source src = new Source(name, source);
        ParseResult parsed = Parsing.parse(src);
        if (!parsed.ok()) throw syntax(parsed.diagnostics());
        Set<String> defined = new HashSet<>();
        for (String g : interpreter.globalTable().names()) if (interpreter.isAssigned(g)) defined.add(g);
        Resolver resolver = new Resolver(interpreter.globalTable(), defined, library::isBuiltin);
        var resolved = (lenientNames ? resolver.interactive() : resolver).resolve(parsed.program());
        if (!resolved.diagnostics().isEmpty()) throw syntax(resolved.diagnostics());
        try {
            return new Script(new Compiler(resolved.resolution(), library).compile(parsed.program(), keepLastValue));
        } catch (Compiler.CompileError e) {
            throw syntax(List.of(new Diagnostic(e.span(), e.getMessage())));
        }
    }

    /**
     * Runs a program as the main thread, on the calling thread, and returns when its main code
     * ends (its other threads may still run). An error escaping the main code is thrown.
     * Returns the value of a final expression for a script from compileInteractive, else null.
     */
    public Object run(Script script) throws ThrException, InterruptedException {
        // The main program gets a thread of its own, made by the scheduler like any thr thread:
        // its stack size is then known (deep recursion reaches the recursion limit, not the end
        // of a host thread's stack), and interrupting the caller stops it.
        Object[] value = new Object[1];
        Throwable[] failure = new Throwable[1];
        var main = interpreter.mainThread();
        var scheduler = interpreter.scheduler();
        var strand = scheduler.newMainStrand(main.name(), () -> {
            main.running(scheduler.nativeThreadId());
            try {
                value[0] = script.program.run(interpreter.mainContext());
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        main.attach(strand);
        strand.start();
        try {
            strand.join(-1);
        } catch (InterruptedException e) {
            strand.interrupt();
            strand.join(-1);
            throw new InterruptedException("the main thread was stopped");
        }
        return switch (failure[0]) {
            case null -> toJava(value[0]);
            case ThrError e -> {
                e.error().thread(main.name());
                throw runtime(e.error());
            }
            case dev.thr.eval.Cancelled e -> throw new InterruptedException("the main thread was stopped");
            default -> throw runtime(ErrorReport.internal(failure[0]).error());
        };
    }

    /** Waits until every non-daemon thread the engine started has ended (threads they start included). */
    public void awaitThreads() throws InterruptedException {
        interpreter.awaitNonDaemonThreads();
    }

    /**
     * Runs a program as a script run from the command line does: the main code, then a wait
     * for the non-daemon threads, even when the main code failed (its error is thrown after).
     */
    public void runMain(Script script) throws ThrException, InterruptedException {
        try {
            run(script);
        } finally {
            awaitThreads();
        }
    }

    /** Compiles and runs source, waits for its threads, and gives back the value of its last expression. */
    public Object eval(String source) throws ThrException, InterruptedException {
        Script script = compile("<eval>", source, false, true);
        try {
            return run(script);
        } finally {
            awaitThreads();
        }
    }

    public void run(Path file) throws ThrException, InterruptedException, IOException {
        runMain(compile(file.toString(), Files.readString(file)));
    }

    /** How thr prints a value inside a list: strings quoted ('a'), nil, true. */
    public String repr(Object value) { return dev.thr.value.Values.repr(toThr(value)); }

    /** The names a program can use now: assigned module variables, then builtins. */
    public List<String> names() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (String g : interpreter.globalTable().names()) if (interpreter.isAssigned(g)) out.add(g);
        out.addAll(library.builtinNames());
        return List.copyOf(out);
    }

    /** What may follow `value.`: its methods and attributes. */
    public List<String> members(Object value) { return library.memberNames(toThr(value)); }

    /** One live thread as a listing shows it. */
    public record ThreadInfo(String name, String state, boolean daemon, String waitingOn, String at) {}

    /** The live threads, main first: what each is doing, what it waits on and where. */
    public List<ThreadInfo> threads() {
        List<ThreadInfo> out = new java.util.ArrayList<>();
        for (var t : interpreter.threads()) {
            Object on = t.blockedOn();
            Object at = t.site();
            out.add(new ThreadInfo(t.name(), t.state().label(), t.daemon(), on == null ? null : on.toString(),
                    at instanceof dev.thr.diag.Span span ? span.where() : null));
        }
        return out;
    }

    /** A module variable's value, converted to Java (null when unset). */
    public Object global(String name) { return toJava(interpreter.getGlobal(name)); }

    public void global(String name, Object value) { interpreter.setGlobal(name, toThr(value)); }

    /** Stops every thread the engine started (they end at their next blocking call or loop turn). */
    public void stopThreads() { interpreter.interruptAll(); }

    /** A compiled program: immutable, runnable many times. */
    public static final class Script {
        final CompiledProgram program;

        Script(CompiledProgram program) { this.program = program; }
    }

    private static ThrException syntax(List<Diagnostic> diagnostics) {
        Diagnostic first = diagnostics.get(0);
        return new ThrException(Renderer.renderAll(diagnostics), "SyntaxError", first.message(),
                first.span().source().name(), first.span().line(), first.span().column(), List.of(), true);
    }

    private static ThrException runtime(ErrorValue e) {
        var origin = e.origin();
        List<String> trace = e.trace().stream().map(f -> f.function() + " (" + f.at().where() + ")").toList();
        return new ThrException(ErrorReport.format(e), e.kind(), e.message(),
                origin == null ? null : origin.source().name(), origin == null ? 0 : origin.line(),
                origin == null ? 0 : origin.column(), trace, false);
    }

    static Object toThr(Object v) {
        return switch (v) {
            case null -> null;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Byte b -> (long) b;
            case Float f -> (double) f;
            case List<?> l -> {
                ThrList out = new ThrList();
                for (Object o : l) out.add(toThr(o));
                yield out;
            }
            case Map<?, ?> m -> {
                ThrMap out = new ThrMap();
                m.forEach((k, x) -> out.put(toThr(k), toThr(x)));
                yield out;
            }
            default -> v;
        };
    }

    static Object toJava(Object v) {
        return switch (v) {
            case ThrList l -> l.snapshot().stream().map(ThrEngine::toJava).toList();
            case ThrMap m -> {
                Map<Object, Object> out = new java.util.LinkedHashMap<>();
                for (Object[] e : m.entries()) out.put(toJava(e[0]), toJava(e[1]));
                yield out;
            }
            case null, default -> v;
        };
    }
}
