package dev.thr.jsr223;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * A Writer and a Reader that pass everything on to a target set at the start of each eval.
 * A ThrEngine keeps the streams it was built with, but JSR-223 says output goes where the
 * ScriptContext says at eval time, and a host may call setWriter between two evals.
 */
final class Forwarding {
    private Forwarding() {}

    /**
     * Output to the current context's writer. A thread still running after its eval (a daemon)
     * writes to the writer of the latest eval. With no writer, output is dropped.
     */
    static final class Out extends Writer {
        private volatile Writer target;

        void target(Writer writer) { this.target = writer; }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            Writer t = target;
            if (t != null) t.write(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            Writer t = target;
            if (t != null) t.write(s, off, len);
        }

        @Override
        public void flush() throws IOException {
            Writer t = target;
            if (t != null) t.flush();
        }

        /** The writer belongs to the host: closing the engine's side only flushes it. */
        @Override
        public void close() throws IOException { flush(); }
    }

    /**
     * Input from the current context's reader; with none, end of input. The ThrEngine reads
     * through a BufferedReader of its own, so characters it has read ahead from one reader are
     * still read after the host switches to another.
     */
    static final class In extends Reader {
        private volatile Reader target;

        void target(Reader reader) { this.target = reader; }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            Reader t = target;
            return t == null ? -1 : t.read(buf, off, len);
        }

        @Override
        public boolean ready() throws IOException {
            Reader t = target;
            return t != null && t.ready();
        }

        /** The reader belongs to the host. */
        @Override
        public void close() {}
    }
}
