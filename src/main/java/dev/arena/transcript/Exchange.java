package dev.arena.transcript;

import dev.arena.openrouter.Usage;

import java.time.Duration;
import java.time.Instant;

/**
 * One prompt of a chat and its answer, as the store keeps it. {@code model} is the model that
 * answered (null when none did); {@code status} is the request's: complete, cut (at arena's
 * length limit), failed, interrupted, or running (another arena is still on it); {@code error}
 * says why it did not complete.
 */
public record Exchange(String prompt, String modelAsked, String model, String answer, Usage usage, Instant sentAt,
                       Instant firstTokenAt, Instant endedAt, String status, String error) {

    /** The statuses of an answer that was received to its end (a cut one is kept, and marked). */
    public boolean answered() {
        return status.equals("complete") || status.equals("cut");
    }

    /** The model to name for the answer: the one that answered, else the one asked. */
    public String speaker() {
        return model != null ? model : modelAsked;
    }

    /** From sending the prompt to the end of the answer, as a chat's usage line counts it. */
    public Duration elapsed() {
        return TranscriptText.between(sentAt, endedAt);
    }
}
