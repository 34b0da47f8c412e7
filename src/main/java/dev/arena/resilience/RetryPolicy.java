package dev.arena.resilience;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to retry one model before falling back to the next: exponential
 * backoff with jitter, and a cap on how long a server's Retry-After may hold us.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries cannot be negative");
        }
    }

    public RetryPolicy withMaxRetries(int retries) {
        return new RetryPolicy(retries, baseDelay, maxDelay, maxRetryAfter);
    }

    /** The pause before retry number {@code attempt} (1-based): base * 2^(attempt-1), capped, minus up to 25% jitter. */
    public Duration backoff(int attempt) {
        double exact = Math.min(baseDelay.toMillis() * Math.pow(2, attempt - 1), maxDelay.toMillis());
        double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(exact * jitter));
    }

    /** A server may ask for a pause longer than is worth waiting; then the next model is tried instead. */
    public boolean worthWaiting(Duration retryAfter) {
        return retryAfter.compareTo(maxRetryAfter) <= 0;
    }
}
