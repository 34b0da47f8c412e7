package dev.arena.fake;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongToIntFunction;

/**
 * A benchmark stream in OpenRouter's shape (two processing comments, role chunk, content chunks,
 * finish chunk, usage chunk, {@code [DONE]}) that costs the server next to nothing, however long.
 *
 * <p>Each distinct content event is encoded once per request; the stream is then those byte arrays
 * written again and again. In bulk mode they go through a 64 KB {@link BufferedOutputStream} into
 * the chunked body, so a flood is sent in 64 KB HTTP chunks as fast as the socket takes them; else
 * every event is its own HTTP chunk, optionally on a fixed schedule (event {@code i} at
 * {@code (i + 1) * interval} after the preamble, by the clock, so sleeps do not add up).
 */
final class BenchReply extends Reply {

    private static final int BULK_CHUNK = 64 * 1024;

    private final String[] distinct;
    private final LongToIntFunction pieceIndex;
    private final long count;
    private final int intervalMillis;
    private final boolean bulk;

    BenchReply(String[] distinct, LongToIntFunction pieceIndex, long count, int intervalMillis, boolean bulk) {
        this.distinct = distinct;
        this.pieceIndex = pieceIndex;
        this.count = count;
        this.intervalMillis = intervalMillis;
        this.bulk = bulk;
    }

    @Override
    boolean serve(Exchange exchange) throws IOException {
        Chunks chunks = Chunks.openRouter(exchange.model());
        HttpConnection connection = exchange.connection();
        connection.startChunked(200, StreamReply.headers(chunks.id()));
        OutputStream body = connection.chunkedBody();
        if (bulk) {
            OutputStream out = new BufferedOutputStream(body, BULK_CHUNK);
            writeBody(chunks, distinct, pieceIndex, count, out);
            out.flush();
        } else {
            byte[][] events = contentEvents(chunks, distinct);
            for (byte[] event : preamble(chunks)) {
                body.write(event);
            }
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                if (intervalMillis > 0) {
                    sleepUntil(start + TimeUnit.MILLISECONDS.toNanos(intervalMillis) * (i + 1));
                }
                body.write(events[pieceIndex.applyAsInt(i)]);
            }
            for (byte[] event : tail(chunks, count)) {
                body.write(event);
            }
        }
        connection.endChunked();
        return true;
    }

    /** The whole event stream, without HTTP framing, into {@code out} (which should buffer). */
    static void writeBody(Chunks chunks, String[] distinct, LongToIntFunction pieceIndex, long count,
            OutputStream out) throws IOException {
        byte[][] events = contentEvents(chunks, distinct);
        for (byte[] event : preamble(chunks)) {
            out.write(event);
        }
        for (long i = 0; i < count; i++) {
            out.write(events[pieceIndex.applyAsInt(i)]);
        }
        for (byte[] event : tail(chunks, count)) {
            out.write(event);
        }
    }

    private static byte[][] contentEvents(Chunks chunks, String[] distinct) {
        byte[][] events = new byte[distinct.length][];
        for (int k = 0; k < distinct.length; k++) {
            events[k] = event("data: " + chunks.content(distinct[k]));
        }
        return events;
    }

    private static byte[][] preamble(Chunks chunks) {
        byte[] comment = event(": OPENROUTER PROCESSING");
        return new byte[][] {comment, comment, event("data: " + chunks.role())};
    }

    private static byte[][] tail(Chunks chunks, long count) {
        int completion = (int) Math.min(Integer.MAX_VALUE, count);
        BigDecimal cost = BigDecimal.valueOf(10L + completion, 6).stripTrailingZeros();
        return new byte[][] {
            event("data: " + chunks.finish()),
            event("data: " + chunks.usage(10, completion, 0, cost.scale() < 0 ? cost.setScale(0) : cost)),
            event("data: [DONE]"),
        };
    }

    private static byte[] event(String line) {
        return (line + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Parks until the clock reaches {@code deadline}; the fake closing (an interrupt) ends the reply. */
    private static void sleepUntil(long deadline) throws IOException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("fake OpenRouter closed");
            }
        }
    }
}
