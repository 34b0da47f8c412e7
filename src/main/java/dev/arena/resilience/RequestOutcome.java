package dev.arena.resilience;

import dev.arena.openrouter.Usage;

import java.time.Instant;
import java.util.List;

/**
 * How one request through a chain ended, for the record. {@code text} is what was kept of the
 * answer (its first characters when it grew past the chain's limit) and {@code textChars} how
 * many characters were shown in all; {@code fallbacks} are the failures the chain moved on from.
 * Model, provider, generation id and usage are null when no answer came.
 */
public record RequestOutcome(Ending ending, String answeringModel, String provider, String generationId,
                             String text, long textChars, String reasoning, Usage usage,
                             Instant firstTokenAt, Instant endedAt, int retries, List<Failure> fallbacks,
                             String finishReason, String error) {

    public enum Ending {
        COMPLETE, CUT, FAILED, INTERRUPTED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A model of the chain that failed, and why, in one sentence. */
    public record Failure(String model, String error) {
    }

    public RequestOutcome {
        fallbacks = List.copyOf(fallbacks);
    }
}
