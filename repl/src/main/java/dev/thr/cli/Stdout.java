package dev.thr.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The program's standard output. When whoever reads it has gone (`thr prog.thr | head`), thr
 * ends as Unix tools do when their pipe closes, with status 141 (128 + SIGPIPE): a program
 * that prints in a loop would otherwise go on for ever, printing to nobody. (System.out
 * would hide the error: it never throws.)
 */
final class Stdout extends Writer {
    static final int BROKEN_PIPE = 141;

    private final Writer out = new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8);

    @Override
    public void write(char[] text, int from, int length) {
        try {
            out.write(text, from, length);
        } catch (IOException e) {
            gone();
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            gone();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private static void gone() {
        System.err.flush();
        Runtime.getRuntime().halt(BROKEN_PIPE);
    }
}
