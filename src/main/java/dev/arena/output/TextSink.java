package dev.arena.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text to a byte stream, buffered, flushed whenever the caller says a piece is
 * complete. Unlike {@link java.io.PrintStream}, which swallows errors, a failed write
 * surfaces so the request can be stopped: a closed pipe as {@link OutputClosedException}
 * (the reader has what it wanted), anything else as {@link OutputFailedException}.
 *
 * <p>A sink fails once. After that it drops what it is given: the failure has been thrown to
 * whoever stops the request, what is written next would land after a gap, and the writers
 * that say goodbye (a cut line's newline, an error event, a transcript's end record) must not
 * throw again on their way out.
 */
public final class TextSink {

    private final OutputStream out;
    /** The stream as a failure's sentence names it: "stdout", "stderr". */
    private final String name;
    private final byte[] buffer = new byte[8192];
    private int used;
    private boolean failed;

    public TextSink(OutputStream out) {
        this(out, "the output");
    }

    public TextSink(OutputStream out, String name) {
        this.out = out;
        this.name = name;
    }

    /** stdout, named so in the sentence when a write to it fails. */
    public static TextSink stdout(OutputStream out) {
        return new TextSink(out, "stdout");
    }

    /** stderr, named so in the sentence when a write to it fails. */
    public static TextSink stderr(OutputStream err) {
        return new TextSink(err, "stderr");
    }

    public TextSink write(String text) {
        if (failed) {
            return this;
        }
        // Encoding whole strings keeps surrogate pairs together; tokens never split them.
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (used + bytes.length > buffer.length) {
            drain();
            if (bytes.length > buffer.length) {
                writeThrough(bytes);
                return this;
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
        return this;
    }

    public void flush() {
        if (failed) {
            return;
        }
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** True once a write failed: the sink drops everything since, and its owner knows which stream broke. */
    public boolean failed() {
        return failed;
    }

    private void drain() {
        if (used > 0) {
            try {
                out.write(buffer, 0, used);
            } catch (IOException e) {
                throw failure(e);
            } finally {
                used = 0;
            }
        }
    }

    private void writeThrough(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private RuntimeException failure(IOException e) {
        failed = true;
        used = 0;
        return BrokenPipe.is(e) ? new OutputClosedException(e) : new OutputFailedException(name, e);
    }
}
