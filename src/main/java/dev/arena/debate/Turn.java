package dev.arena.debate;

import dev.arena.openrouter.Usage;

import java.time.Instant;
import java.util.List;

/**
 * One fighter's turn in one round. {@code modelAsked} is the fighter's own model, the first of
 * its chain; {@code answeringModel} is the model that produced the (end of the) text, which
 * differs from it when a fallback answered.
 * {@code error} is null for a completed turn; a failed turn keeps whatever text arrived.
 */
public record Turn(int round, Side side, Phase phase, String modelAsked, String answeringModel, String text, Usage usage,
                   Instant startedAt, Instant endedAt, List<FallbackNote> fallbacks, String error) {

    public Turn {
        fallbacks = List.copyOf(fallbacks);
    }

    public boolean failed() {
        return error != null;
    }
}
