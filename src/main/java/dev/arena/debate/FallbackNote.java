package dev.arena.debate;

/** A model of a turn failed and another took over; kept in the transcript and the summary. */
public record FallbackNote(String fromModel, String toModel, String reason, boolean continuing) {
}
