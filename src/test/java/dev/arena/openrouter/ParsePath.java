package dev.arena.openrouter;

import dev.arena.sse.SseParser;

/**
 * A public, test-only door into the production parse path, for benchmarks: event-stream bytes go
 * through the parser {@link StreamState#parser} wires to {@link ChunkDecoder}, as
 * {@code OpenRouterClient.readEvents} does, fed in reads of the client's size, and the content
 * pieces reach a {@link StreamHandler} that only adds up their lengths.
 */
public final class ParsePath {

    /** The client's read size ({@code OpenRouterClient.READ_BUFFER}). */
    public static final int READ_SIZE = 16 * 1024;

    private ParsePath() {
    }

    /**
     * Parses a whole stream body and returns the total number of content characters (UTF-16 units),
     * so that nothing can be optimised away.
     */
    public static long contentChars(byte[] body) {
        long[] chars = {0};
        parse(body, text -> chars[0] += text.length());
        return chars[0];
    }

    /** Parses a whole stream body and returns its content text, for tests of the benchmark streams. */
    public static String content(byte[] body) {
        StringBuilder text = new StringBuilder();
        parse(body, text::append);
        return text.toString();
    }

    private static void parse(byte[] body, StreamHandler handler) {
        ChunkDecoder decoder = new ChunkDecoder();
        StreamState state = new StreamState("bench/model", null);
        SseParser parser = state.parser(decoder, handler, skipped -> { }, null);
        for (int off = 0; off < body.length && !state.done(); off += READ_SIZE) {
            parser.feed(body, off, Math.min(READ_SIZE, body.length - off));
        }
        parser.finish();
        try {
            state.finish();
        } catch (ApiException e) {
            throw new IllegalStateException("the benchmark stream did not end properly", e);
        }
    }

    /**
     * The SSE layer alone, as the parse path uses it: bytes to events whose data stays bytes,
     * returning the total length of their data in bytes.
     */
    public static long sseDataBytes(byte[] body) {
        long[] bytes = {0};
        SseParser parser = new SseParser((type, data, offset, length, lastEventId, retry) -> bytes[0] += length);
        for (int off = 0; off < body.length; off += READ_SIZE) {
            parser.feed(body, off, Math.min(READ_SIZE, body.length - off));
        }
        parser.finish();
        return bytes[0];
    }
}
