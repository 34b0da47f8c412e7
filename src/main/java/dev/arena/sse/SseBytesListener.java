package dev.arena.sse;

/**
 * Receives each event an {@link SseParser} dispatches with its data still as UTF-8 bytes, so a
 * consumer that can read the bytes itself (a JSON scanner, an exact-match test) does not pay for
 * decoding every event into a String first. {@link SseEvent} is the decoded form of the same call.
 */
@FunctionalInterface
public interface SseBytesListener {

    /**
     * One dispatched event.
     *
     * <p>{@code data[offset .. offset+length)} holds the event's data lines joined with LF, without
     * the final LF, exactly as received: decoding it as UTF-8 (malformed bytes becoming U+FFFD)
     * gives {@link SseEvent#data()}. The array is the parser's own buffer, reused for later events,
     * so the bytes are valid only during this call: copy what must outlive it, and do not write to
     * the array.
     *
     * @param type the event type; {@code "message"} when the stream gave none
     * @param lastEventId the last event ID so far, or {@code null}; see {@link SseEvent#id()}
     * @param retry a reconnection time from a {@code retry} field since the last dispatch, or
     *     {@code null}; see {@link SseEvent#retry()}
     */
    void onEvent(String type, byte[] data, int offset, int length, String lastEventId, Integer retry);
}
