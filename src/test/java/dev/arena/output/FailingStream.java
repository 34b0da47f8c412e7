package dev.arena.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that takes {@code limit} bytes and then fails every write and flush with
 * {@code message}, as the JDK reports it: "No space left on device" for a full disk,
 * "Broken pipe" for a reader that went away. What it took is kept, to check what survived.
 */
public final class FailingStream extends OutputStream {

    public static final String DISK_FULL = "No space left on device";
    public static final String BROKEN_PIPE = "Broken pipe";

    private final ByteArrayOutputStream taken = new ByteArrayOutputStream();
    private final int limit;
    private final String message;
    private int failures;

    private FailingStream(int limit, String message) {
        this.limit = limit;
        this.message = message;
    }

    public static FailingStream diskFullAfter(int bytes) {
        return new FailingStream(bytes, DISK_FULL);
    }

    public static FailingStream brokenPipeAfter(int bytes) {
        return new FailingStream(bytes, BROKEN_PIPE);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int room = limit - taken.size();
        if (len > room) {
            taken.write(b, off, Math.max(room, 0));
            failures++;
            throw new IOException(message);
        }
        taken.write(b, off, len);
    }

    /** What was written before the failure. */
    public synchronized String text() {
        return taken.toString(StandardCharsets.UTF_8);
    }

    /** How many writes failed: a sink that failed once must not keep trying. */
    public synchronized int failures() {
        return failures;
    }
}
