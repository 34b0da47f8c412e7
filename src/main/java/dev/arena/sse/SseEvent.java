package dev.arena.sse;

import java.util.Objects;

/**
 * One dispatched Server-Sent Event.
 *
 * @param event the event type; {@code "message"} when the stream gave none (a {@code null} passed
 *     here becomes {@code "message"}, as in the WHATWG spec where an empty type means "message")
 * @param data the data lines of the event joined with {@code "\n"}, never {@code null}
 * @param id the last event ID seen on the stream so far, or {@code null} if there is none. Per the
 *     spec the ID is sticky: it stays the same for later events until another {@code id} field
 *     changes it, and an empty {@code id} field resets it to "none" ({@code null}).
 * @param retry the reconnection time in milliseconds from a {@code retry} field, or {@code null}.
 *     It is reported once, with the first event dispatched after the field, because servers often
 *     send {@code retry} in a block of its own that carries no data and so dispatches nothing.
 */
public record SseEvent(String event, String data, String id, Integer retry) {

    public SseEvent {
        event = event == null ? "message" : event;
        Objects.requireNonNull(data, "data");
    }
}
