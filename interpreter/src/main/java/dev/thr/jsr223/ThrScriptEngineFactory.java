package dev.thr.jsr223;

import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * Makes thr known to javax.script: {@code new ScriptEngineManager().getEngineByName("thr")},
 * by extension {@code thr} or by MIME type {@code text/x-thr}. Registered in
 * META-INF/services/javax.script.ScriptEngineFactory (a shaded jar must merge that file).
 */
public final class ThrScriptEngineFactory implements ScriptEngineFactory {
    /** Not thread-safe (null), MULTITHREADED, THREAD-ISOLATED or STATELESS, as the javadoc of getParameter lists. */
    public static final String THREADING = "THREADING";

    // The jar's Implementation-Version when there is a jar manifest (the shaded thr.jar has one);
    // a build from classes has none.
    private static final String VERSION = version();

    private static final List<String> NAMES = List.of("thr", "Thr");
    private static final List<String> EXTENSIONS = List.of("thr");
    private static final List<String> MIME_TYPES = List.of("text/x-thr", "application/x-thr");

    public ThrScriptEngineFactory() {}

    @Override public String getEngineName() { return "thr"; }

    @Override public String getEngineVersion() { return VERSION; }

    @Override public List<String> getExtensions() { return EXTENSIONS; }

    @Override public List<String> getMimeTypes() { return MIME_TYPES; }

    @Override public List<String> getNames() { return NAMES; }

    @Override public String getLanguageName() { return "thr"; }

    @Override public String getLanguageVersion() { return VERSION; }

    /**
     * Never throws: hosts ask for keys when they start (an engine that threw on THREADING broke a
     * workflow engine's start-up, graaljs#166), so an unknown or null key is simply null.
     */
    @Override
    public Object getParameter(String key) {
        if (key == null) return null;
        return switch (key) {
            case ScriptEngine.NAME -> NAMES.get(0);
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            // A ThrEngine may be used from several host threads at once, and scripts running at
            // once share its module variables, as the threads of one thr program do.
            case THREADING -> "MULTITHREADED";
            default -> null;
        };
    }

    /** thr has no objects of its own, but values have methods: {@code items.append(x)}. */
    @Override
    public String getMethodCallSyntax(String obj, String m, String... args) {
        return obj + "." + m + "(" + (args == null ? "" : String.join(", ", args)) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "print " + quote(toDisplay);
    }

    @Override
    public String getProgram(String... statements) {
        return statements == null ? "" : String.join("\n", statements) + "\n";
    }

    @Override
    public ScriptEngine getScriptEngine() { return new ThrScriptEngine(this); }

    /**
     * A thr string literal that prints exactly {@code text}: every thr string interpolates, so
     * braces are escaped as well as quotes, backslashes and line ends (a string ends on its line).
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < (text == null ? 0 : text.length()); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\', '{', '}' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    private static String version() {
        String v = ThrScriptEngineFactory.class.getPackage().getImplementationVersion();
        return v == null ? "0.1" : v;
    }
}
