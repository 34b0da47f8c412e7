package dev.arena.sse;

/** A line or event grew past {@link SseParser#MAX_EVENT_BYTES}: the stream is not a sane event stream. */
public final class EventTooLargeException extends RuntimeException {

    public EventTooLargeException(int limit) {
        super("an event line longer than " + limit / (1024 * 1024) + " MiB");
    }
}
