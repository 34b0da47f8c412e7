package dev.arena.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text to a byte stream, buffered, flushed whenever the caller says a piece is
 * complete. Unlike {@link java.io.PrintStream}, which swallows errors, a write to a closed
 * pipe surfaces as {@link OutputClosedException} so the request can be stopped.
 */
public final class TextSink {

    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int used;

    public TextSink(OutputStream out) {
        this.out = out;
    }

    public TextSink write(String text) {
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
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }

    private void drain() {
        if (used > 0) {
            try {
                out.write(buffer, 0, used);
            } catch (IOException e) {
                throw new OutputClosedException(e);
            } finally {
                used = 0;
            }
        }
    }

    private void writeThrough(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }
}
