package dev.arena.resilience;

import dev.arena.openrouter.ApiException;

import java.time.Duration;

/**
 * What happens while a fallback chain produces one answer, in order, for whoever shows it
 * to the user: the terminal, a pipe, JSON events, a transcript.
 */
public interface ChainListener {

    /** {@code model} is about to be asked; {@code continuing} when it must continue a partial answer. */
    void onAttempt(String model, boolean continuing);

    /** A piece of the answer, to be shown at once. */
    void onContent(String text);

    /** A piece of the model's separate reasoning stream. */
    default void onReasoning(String text) {
    }

    /** The pieces of one network read have all been given: flush what was written (see {@link dev.arena.openrouter.StreamHandler#onReadDone}). */
    default void onReadDone() {
    }

    /** The same model will be asked again after {@code delay}. */
    void onRetry(ApiException failure, Duration delay, int retry, int maxRetries);

    /** {@code failure} ended this model's turn; {@code nextModel} takes over. */
    void onFallback(ApiException failure, String nextModel, boolean continuing);

    /** Nothing is sent for {@code wait}, for {@code reason}. */
    void onWait(String model, Duration wait, String reason);
}
