package dev.thr.api;

import dev.thr.builtins.StandardLibrary;
import dev.thr.diag.Diagnostic;
import dev.thr.diag.Renderer;
import dev.thr.diag.Source;
import dev.thr.eval.CompiledProgram;
import dev.thr.eval.Compiler;
import dev.thr.eval.ErrorReport;
import dev.thr.eval.Interpreter;
import dev.thr.eval.Limits;
import dev.thr.resolve.Resolver;
import dev.thr.runtime.JavaScheduler;
import dev.thr.runtime.Output;
import dev.thr.syntax.ParseResult;
import dev.thr.syntax.Parsing;
import dev.thr.value.ErrorValue;
import dev.thr.value.ThrError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One thr engine: its globals, threads and output. Engines share nothing with each other.
 * Compiling and running may be called from any thread; programs run by one engine share its
 * module variables, as threads of one program do.
 */
public final class ThrEngine {
    private final StandardLibrary library;
    private final Interpreter interpreter;

    private final long timeoutNanos;
    /** Whether runs are simulated: then reads and writes of shared state are scheduling points. */
    private final boolean simulated;
    private final dev.thr.eval.Tier tier;
    /** Null when the host turned deadlock detection off. */
    private final dev.thr.insight.DeadlockWatch deadlocks;

    ThrEngine(Thr.Builder b) {
        library = b.libraryOf != null ? b.libraryOf.library : new StandardLibrary();
        dev.thr.runtime.Scheduler scheduler = b.simulate != null
                ? new dev.thr.runtime.SimScheduler(b.simulate, b.strategy != null ? b.strategy : new dev.thr.runtime.RandomWalk(b.simulate),
                        b.virtualThreads, Output.of(b.out), Output.of(b.err))
                : new JavaScheduler(b.virtualThreads, b.threadFactory, b.seed, Output.of(b.out), Output.of(b.err), b.reuseMainThreads);
        timeoutNanos = b.timeout == null ? 0 : b.timeout.toNanos();
        simulated = b.simulate != null;
        tier = b.tier;
        Limits limits = new Limits(b.maxLiveThreads, b.maxThreads, b.maxQueueSize, b.maxOutput, timeoutNanos);
        interpreter = new Interpreter(scheduler, library, limits, stdin(b.stdin));
        b.globals.forEach((k, v) -> interpreter.setGlobal(k, JavaValues.toThr(v)));
        b.functions.forEach((k, f) -> interpreter.setGlobal(k, new HostCall(k, f)));
        deadlocks = b.detectDeadlocks ? new dev.thr.insight.DeadlockWatch(interpreter) : null;
        if (b.record > 0) interpreter.record(new dev.thr.runtime.Recording(scheduler.nanoTime(), b.record));
    }

    private static java.util.function.Supplier<java.io.BufferedReader> stdin(java.io.Reader given) {
        return () -> new java.io.BufferedReader(given != null ? given
                : new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
    }

    private dev.thr.insight.Timeline recorded() {
        var recording = interpreter.recording();
        if (recording == null) throw new IllegalStateException("this engine does not record: build it with record(true)");
        return dev.thr.insight.Timeline.of(recording, interpreter.scheduler().nanoTime());
    }

    /**
     * What every thread did so far, drawn for a terminal: a lane per thread on one time axis,
     * `columns` wide, in Unicode or ASCII, with ANSI colours or without. Needs record(true).
     */
    public String timeline(int columns, boolean unicode, boolean colour) {
        return dev.thr.insight.TextTimeline.render(recorded(), new dev.thr.insight.TextTimeline.Style(columns, unicode, colour));
    }

    /** The same as one self-contained HTML page (zoom, details on hover, arrows). Needs record(true). */
    public String timelineHtml(String title) {
        return dev.thr.insight.HtmlTimeline.render(recorded(), title);
    }

    /** The same as a trace in the Chrome Trace Event format (JSON), for Perfetto. Needs record(true). */
    public String trace(String title) {
        return dev.thr.insight.ChromeTrace.render(recorded(), title);
    }

    /** Writes the trace to `out`, in UTF-8, as it is made: a long run's trace is large. Needs record(true). */
    public void writeTrace(String title, java.io.OutputStream out) throws IOException {
        try {
            dev.thr.insight.ChromeTrace.write(recorded(), title, out);
            out.flush();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
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

    /**
     * A program parsed once, to compile in several engines (see {@link #parse}): parsing is
     * most of compiling, and the result is immutable, so one may be shared across threads.
     */
    public static final class Parsed {
        final ParseResult result;
        private Parsed(ParseResult result) { this.result = result; }
    }

    /**
     * Parses a program for {@link #compile(Parsed)}; a SyntaxError ThrException lists every
     * problem found. An interrupt of the calling thread stops a long parse: CancellationException.
     */
    public static Parsed parse(String name, String source) throws ThrException {
        ParseResult parsed;
        try {
            parsed = Parsing.parse(new Source(name, source));
        } catch (Parsing.Stopped e) {
            throw new java.util.concurrent.CancellationException("parsing " + name + " was interrupted");
        }
        if (!parsed.ok()) throw syntax(parsed.diagnostics());
        return new Parsed(parsed);
    }

    /** Resolves and compiles a program parsed before, as compile(name, source) would. */
    public Script compile(Parsed parsed) throws ThrException {
        return compile(parsed.result, false, false);
    }

    private Script compile(String name, String source, boolean lenientNames, boolean keepLastValue) throws ThrException {
        ParseResult parsed = parse(new Source(name, source));
        if (!parsed.ok()) throw syntax(parsed.diagnostics());
        return compile(parsed, lenientNames, keepLastValue);
    }

    /**
     * Parsing is most of compiling, and a program of megabytes takes seconds: the host's
     * timeout bounds it (LimitError), and cancel() or an interrupt of the calling thread stops
     * it (CancellationException).
     */
    private ParseResult parse(Source source) throws ThrException {
        long epoch = cancels.get();
        long deadline = deadline();
        var clock = interpreter.scheduler();
        try {
            return Parsing.parse(source, () -> Thread.currentThread().isInterrupted() || cancels.get() != epoch
                    || deadline != 0 && clock.hostNanoTime() - deadline > 0);
        } catch (Parsing.Stopped e) {
            if (deadline != 0 && clock.hostNanoTime() - deadline > 0) {
                throw new ThrException("LimitError", "compiling " + source.name() + " took longer than the limit of " + limit());
            }
            throw new java.util.concurrent.CancellationException("compiling " + source.name() + " was cancelled");
        }
    }

    /** Bumped by cancel(): a compile under way that started before sees it and stops. */
    private final java.util.concurrent.atomic.AtomicLong cancels = new java.util.concurrent.atomic.AtomicLong();

    private synchronized Script compile(ParseResult parsed, boolean lenientNames, boolean keepLastValue) throws ThrException {
        var table = interpreter.globalTable();
        Resolver resolver = new Resolver(table, (java.util.function.Predicate<String>) g -> table.has(g) && interpreter.isAssigned(g),
                library::isBuiltin);
        Compiler compiler = null;
        try {
            var resolved = (lenientNames ? resolver.interactive() : resolver).resolve(parsed.program());
            if (!resolved.diagnostics().isEmpty()) throw syntax(resolved.diagnostics());
            compiler = new Compiler(resolved.resolution(), library, simulated, tier);
            return new Script(compiler.compile(parsed.program(), keepLastValue), this);
        } catch (Compiler.CompileError e) {
            throw syntax(List.of(new Diagnostic(e.span(), e.getMessage())));
        } catch (StackOverflowError e) {
            // an expression of many thousands of operators: deeper than the calling thread's stack
            dev.thr.diag.Span at = compiler != null ? compiler.lastStatement() : resolver.lastStatement();
            throw syntax(List.of(new Diagnostic(at, "nested too deeply to compile (an expression of thousands of operators?)")));
        }
    }

    /**
     * Runs a program as the main thread, on the calling thread, and returns when its main code
     * ends (its other threads may still run). An error escaping the main code is thrown.
     * Returns the value of a final expression for a script from compileInteractive, else null.
     */
    public Object run(Script script) throws ThrException, InterruptedException {
        return execute(own(script).program::run, deadline(), false);
    }

    /**
     * The message of the InterruptedException a stopped run ends with, followed by " at " and
     * where its main thread was when the stop reached it (`f (<eval>:3:5) \`sleep 5\``), when known.
     */
    public static final String STOPPED = "the run was stopped";

    private static InterruptedException stopped(dev.thr.runtime.ThrThread main) {
        String at = dev.thr.insight.ThreadDump.place(main.stoppedAt());
        return new InterruptedException(at == null ? STOPPED : STOPPED + " at " + at);
    }

    private long deadline() {
        return timeoutNanos > 0 ? interpreter.scheduler().hostNanoTime() + timeoutNanos : 0;
    }

    private Script own(Script script) {
        if (script.engine != this) throw new IllegalArgumentException("this script was compiled by another engine");
        return script;
    }

    /**
     * Runs body as the main thread of a new run and, when asked, waits for the run's non-daemon
     * threads too (even when the main code failed, as Python does). The main program gets a
     * thread of its own, made by the scheduler like any thr thread: its stack size is known,
     * and runs from several host threads at once each have their own.
     */
    private Object execute(java.util.function.Function<dev.thr.eval.ThreadContext, Object> body, long deadline,
                           boolean awaitThreads) throws ThrException, InterruptedException {
        Object[] value = new Object[1];
        Throwable[] failure = new Throwable[1];
        exitStatus = null; // each run says for itself
        var ctx = interpreter.newMain();
        var run = ctx.run();
        var main = ctx.thread();
        var strand = interpreter.scheduler().newMainStrand(main.name(), () -> {
            interpreter.mainStarted(ctx);
            try {
                value[0] = body.apply(ctx);
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                interpreter.mainEnded(ctx, value[0], failure[0] instanceof ThrError e ? e.error() : null);
            }
        });
        main.attach(strand);
        if (!simulated) interpreter.keepReserve(); // for a MemoryError, should the program fill the heap
        strand.start();
        try {
            if (!joinMain(strand, deadline)) throw timedOut(run);
            if (awaitThreads && !interpreter.awaitNonDaemonThreads(run, deadline)) throw timedOut(run);
            String stuck = run.takeDeadlock();
            if (stuck != null) throw deadlock(stuck);
        } catch (InterruptedException e) {
            // the host gave up on this run: stop it rather than leave its threads behind
            interpreter.stop(run, STOP_NANOS);
            throw stopped(main);
        }
        // instanceof, not a switch over type patterns: every run ends here (see JavaValues)
        Throwable failed = failure[0];
        if (failed == null) return JavaValues.toJava(value[0]);
        if (failed instanceof ThrError e) {
            e.error().thread(main.name());
            throw runtime(e.error());
        }
        if (failed instanceof dev.thr.value.Cancelled) throw stopped(main);
        if (failed instanceof dev.thr.eval.ExitRequest e) {
            exitStatus = e.status();
            return null;
        }
        throw runtime(ErrorReport.internal(failed).error());
    }

    /**
     * The status a program asked for with `exit(code)` in its main code (the last run that
     * did), or null when none did: the host decides what it means (thr's command line exits
     * with it, its REPL ends the session).
     */
    public Integer exitStatus() { return exitStatus; }

    private volatile Integer exitStatus;

    /** A run stopped because its threads could never go on: the report is the message. */
    static ThrException deadlock(String report) {
        String first = report.lines().findFirst().orElse("deadlock");
        return new ThrException(report, "DeadlockError", first.substring(first.indexOf(": ") + 2),
                null, 0, 0, List.of(), false);
    }

    /** How long a run goes before the deadlock watch starts (see joinMain). */
    private static final long WATCH_AFTER_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(50);

    /**
     * Waits for the run's main code to end; false when the deadline came first. The deadlock
     * watch starts only once the run has gone on for a moment, or when the main code ends
     * leaving threads running: a short run never needs it, and starting its thread costs a
     * one-liner about two milliseconds. (A deadlock is still reported within a second.)
     */
    private boolean joinMain(dev.thr.runtime.Strand strand, long deadline) throws InterruptedException {
        // a simulated run's watch starts only when its scheduler finds it stuck (see DeadlockWatch)
        if (deadlocks == null || simulated) return strand.join(left(deadline));
        long left = left(deadline);
        if (strand.join(left < 0 ? WATCH_AFTER_NANOS : Math.min(left, WATCH_AFTER_NANOS))) {
            if (interpreter.hasRuns()) deadlocks.watch(); // this run's other threads, or another run's
            return true;
        }
        deadlocks.watch();
        return strand.join(left(deadline));
    }

    private long left(long deadline) {
        return deadline == 0 ? -1 : Math.max(1, deadline - interpreter.scheduler().hostNanoTime());
    }

    private static final long STOP_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    /** The run took longer than the host allowed: stop it, then say so. */
    private ThrException timedOut(dev.thr.eval.Run run) throws InterruptedException {
        interpreter.stop(run, STOP_NANOS);
        return runtime(new ErrorValue("LimitError", "the run took longer than its limit of " + limit()));
    }

    /** The run timeout as a person writes it: 500ms, 2s, 1m30s. */
    private String limit() {
        return java.time.Duration.ofNanos(timeoutNanos).toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Stops every thread this engine runs, main programs and daemons included, and returns
     * once none is alive (a busy loop stops at its next turn or call, a blocked thread at
     * once). A run it stops ends with InterruptedException. The engine can be used again after.
     */
    public void cancel() throws InterruptedException {
        cancels.incrementAndGet();
        if (!interpreter.stopAll(STOP_NANOS)) {
            throw new IllegalStateException("a thread of this engine did not stop within 5 s (a host function ignoring interrupts?)");
        }
    }

    /**
     * The idents of the live threads with this ident (as `t.ident` gives it) or, failing that,
     * this name: several threads may share a name. Empty when none matches.
     */
    public List<Long> threadIdents(String identOrName) {
        return interpreter.threadIdents(identOrName);
    }

    /**
     * Stops one live thread as cancel() stops them all: it ends at its next blocking call, loop
     * turn, call or print, quietly, letting go of the locks its `with` blocks hold; the others
     * go on. Does not wait for it. Its name, or null when no live thread has that ident.
     */
    public String stopThread(long ident) {
        return interpreter.stopThread(ident);
    }

    /** How many of the engine's threads are alive, main programs included (0 after cancel()). */
    public int liveThreads() { return interpreter.threads().size(); }

    /**
     * Waits until every non-daemon thread the engine's runs started has ended (threads they
     * start included). Throws a DeadlockError when they were stopped because they could never
     * go on.
     */
    public void awaitThreads() throws ThrException, InterruptedException {
        for (var run : interpreter.awaitNonDaemonThreads()) {
            String stuck = run.takeDeadlock();
            if (stuck != null) throw deadlock(stuck);
        }
    }

    /**
     * The outcomes the programs run so far declared with `expect(value)`, in order, as their
     * repr: what an experiment that runs a program many times counts instead of its output.
     */
    public List<String> declaredOutcomes() { return interpreter.declared(); }

    /**
     * Runs a program as a script run from the command line does: the main code, then a wait
     * for its non-daemon threads, even when the main code failed (its error is thrown after).
     */
    public void runMain(Script script) throws ThrException, InterruptedException {
        execute(own(script).program::run, deadline(), true);
    }

    /** Compiles and runs source, waits for its threads, and gives back the value of its last expression. */
    public Object eval(String source) throws ThrException, InterruptedException {
        return evalScript(compileOrInterrupted("<eval>", source));
    }

    /** Runs a file like eval: its threads waited for, the value of its last expression given back. */
    public Object run(Path file) throws ThrException, InterruptedException, IOException {
        return evalScript(compileOrInterrupted(file.toString(), Files.readString(file)));
    }

    /** A compile that cancel() stopped ends eval as a run it stopped does: InterruptedException. */
    private Script compileOrInterrupted(String name, String source) throws ThrException, InterruptedException {
        try {
            return compile(name, source, false, true);
        } catch (java.util.concurrent.CancellationException e) {
            throw new InterruptedException(e.getMessage());
        }
    }

    /** Runs a compiled script like eval (compile with {@link #compileExpression} to keep a last value). */
    public Object evalScript(Script script) throws ThrException, InterruptedException {
        return execute(own(script).program::run, deadline(), true);
    }

    /** Like compile, but the value of a final expression is kept as the run's result. */
    public Script compileExpression(String name, String source) throws ThrException {
        return compile(name, source, false, true);
    }

    /**
     * Calls a function the scripts defined (a module variable), from Java, on a main thread of
     * its own as a run does; arguments and result convert as globals do.
     */
    public Object call(String function, List<Object> args) throws ThrException, InterruptedException {
        if (!(interpreter.getGlobal(function) instanceof dev.thr.eval.Callable f)) {
            throw runtime(new ErrorValue("NameError", "no function named '" + function + "' is defined"));
        }
        Object[] thrArgs = args.stream().map(JavaValues::toThr).toArray();
        return execute(ctx -> {
            try {
                return f.call(ctx, thrArgs, null);
            } catch (ThrError e) {
                throw e.leaving(function);
            }
        }, deadline(), false);
    }

    /** Whether a module variable holds something callable (a thr function or a host function). */
    public boolean isFunction(String name) {
        return interpreter.getGlobal(name) instanceof dev.thr.eval.Callable;
    }

    /** The names of the module variables that hold a value now (builtins not included). */
    public List<String> globalNames() {
        return interpreter.globalTable().names().stream()
                .filter(interpreter::isAssigned).sorted().toList();
    }

    /** How thr prints a value inside a list: strings quoted ('a'), nil, true. */
    public String repr(Object value) throws ThrException {
        try {
            return dev.thr.value.Values.repr(JavaValues.toThr(value));
        } catch (ThrError e) {
            throw runtime(e.error()); // an integer too long to show
        }
    }

    /** The names a program can use now: assigned module variables, then builtins. */
    public List<String> names() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (String g : interpreter.globalTable().names()) if (interpreter.isAssigned(g)) out.add(g);
        out.addAll(library.builtinNames());
        return List.copyOf(out);
    }

    /** What may follow `value.`: its methods and attributes. */
    public List<String> members(Object value) { return library.memberNames(JavaValues.toThr(value)); }

    /**
     * One live thread as a listing shows it: its state and for how many seconds it has been in
     * it; what it waits for (`lock b (line 2)`, null when nothing) and who holds that; where it
     * is (file:line:column); and its thr stack, innermost call first.
     */
    public record ThreadInfo(String name, String state, boolean daemon, double seconds, String waitingFor,
                             String heldBy, String at, List<String> stack) {}

    /** The live threads, main first: what each is doing, what it waits for and where. */
    public List<ThreadInfo> threads() {
        return dev.thr.insight.ThreadDump.rows(interpreter).stream()
                .map(r -> new ThreadInfo(r.name(), r.state(), r.daemon(), r.seconds(), r.waits(), r.holder(), r.at(), r.stack()))
                .toList();
    }

    /**
     * What every live thread is doing, as text for a person: a paragraph per thread (state,
     * what it waits for and who holds it, its thr stack), threads doing the same grouped.
     * Empty when no thread is alive.
     */
    public String threadDump() {
        return dev.thr.insight.ThreadDump.render(dev.thr.insight.ThreadDump.rows(interpreter));
    }

    /** A module variable's value, converted to Java (null when unset). */
    public Object global(String name) { return JavaValues.toJava(interpreter.getGlobal(name)); }

    public void global(String name, Object value) { interpreter.setGlobal(name, JavaValues.toThr(value)); }


    /** A compiled program: immutable, runnable many times, from any thread, by the engine that compiled it. */
    public static final class Script {
        final CompiledProgram program;
        final ThrEngine engine;

        Script(CompiledProgram program, ThrEngine engine) {
            this.program = program;
            this.engine = engine;
        }
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
}
