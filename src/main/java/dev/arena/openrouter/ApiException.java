package dev.arena.openrouter;

import java.time.Duration;
import java.util.Optional;

/**
 * A model could not give (all of) its answer. Subclasses say why; {@link #retryable()}
 * tells the fallback chain whether asking the same model again may help.
 */
public abstract class ApiException extends Exception {

    private final String model;

    protected ApiException(String model, String message, Throwable cause) {
        super(message, cause);
        this.model = model;
    }

    /** The model that was asked. */
    public String model() {
        return model;
    }

    /** True when the same model may well succeed if asked again after a pause. */
    public abstract boolean retryable();

    /** How long the server asked us to wait before the next request, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
