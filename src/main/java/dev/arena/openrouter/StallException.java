package dev.arena.openrouter;

import java.time.Duration;

/** Nothing arrived, not even a keep-alive comment, for the idle timeout; the stream was cut. */
public final class StallException extends ApiException {

    public StallException(String model, Duration idle) {
        super(model, "no data for " + Durations.format(idle) + " (idle timeout)", null);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
