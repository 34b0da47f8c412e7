package dev.arena.resilience;

import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.Completion;

import java.time.Duration;
import java.util.List;

/**
 * A finished answer: its whole text, the model that finished it (as the server named it),
 * how it ended, how long it took, and every failure that was fallen back from on the way.
 */
public record Answer(String text, String answeringModel, Completion completion, Duration elapsed,
                     List<ApiException> failures) {

    public Answer {
        failures = List.copyOf(failures);
    }
}
