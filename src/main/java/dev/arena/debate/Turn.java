package dev.arena.debate;

import dev.arena.openrouter.Usage;

import java.time.Instant;
import java.util.List;

/**
 * One fighter's turn in one round. {@code answeringModel} is the model that produced the
 * (end of the) text, which differs from the fighter's own when a fallback answered.
 * {@code error} is null for a completed turn; a failed turn keeps whatever text arrived.
 */
public record Turn(int round, Side side, Phase phase, String answeringModel, String text, Usage usage,
                   Instant startedAt, Instant endedAt, List<FallbackNote> fallbacks, String error) {

    public Turn {
        fallbacks = List.copyOf(fallbacks);
    }

    public boolean failed() {
        return error != null;
    }
}
