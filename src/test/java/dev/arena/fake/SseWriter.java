package dev.arena.fake;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes server-sent events into a chunked body, each event as one HTTP chunk, or, when a piece
 * size is set, the whole body cut into pieces of that many bytes regardless of event or UTF-8
 * character boundaries, the way a slow network hands bytes to a client.
 */
final class SseWriter {

    private final HttpConnection connection;
    private final String lineEnd;
    private final String dataPrefix;
    private final int pieceSize;
    private final int delayMillis;
    private byte[] unsent = new byte[0];
    private boolean first = true;

    /**
     * @param pieceSize bytes per TCP write, or 0 for one write per event
     * @param delayMillis pause before every event but the first
     */
    SseWriter(HttpConnection connection, String lineEnd, String dataPrefix, int pieceSize, int delayMillis) {
        this.connection = connection;
        this.lineEnd = lineEnd;
        this.dataPrefix = dataPrefix;
        this.pieceSize = pieceSize;
        this.delayMillis = delayMillis;
    }

    /** OpenRouter's keep-alive comment, which clients must skip. */
    void comment() throws IOException {
        event(": OPENROUTER PROCESSING");
    }

    void data(String payload) throws IOException {
        event(dataPrefix + payload);
    }

    void done() throws IOException {
        data("[DONE]");
    }

    /** Sends any bytes still held back by the piece size, e.g. before stalling or resetting. */
    void flush() throws IOException {
        if (unsent.length > 0) {
            connection.sendChunk(unsent);
            unsent = new byte[0];
        }
    }

    /** Flushes, then ends the HTTP body properly, so the connection can be kept alive. */
    void end() throws IOException {
        flush();
        connection.endChunked();
    }

    private void event(String line) throws IOException {
        if (!first) {
            pause(delayMillis);
        }
        first = false;
        byte[] bytes = (line + lineEnd + lineEnd).getBytes(StandardCharsets.UTF_8);
        if (pieceSize == 0) {
            connection.sendChunk(bytes);
            return;
        }
        byte[] pending = concat(unsent, bytes);
        int offset = 0;
        for (; pending.length - offset >= pieceSize; offset += pieceSize) {
            connection.sendChunk(Arrays.copyOfRange(pending, offset, offset + pieceSize));
            // Without a pause the client's kernel would coalesce the writes into one read.
            pause(1);
        }
        unsent = Arrays.copyOfRange(pending, offset, pending.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Sleeps; an interrupt (the fake closing) ends the reply like a broken connection would. */
    static void pause(int millis) throws IOException {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("fake OpenRouter closed");
        }
    }
}
