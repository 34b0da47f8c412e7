package dev.arena.resilience;

import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.Durations;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per model, shared by everything in the process that asks that model
 * (both fighters of a debate using one model share it). A 429 with Retry-After pauses the
 * model on top of its bucket. Every wait is announced with its length and its reason.
 */
public final class RateLimits {

    private static final Duration MAX_PAUSE = Duration.ofDays(365L * 100);

    private final Rate defaultRate;
    private final Map<String, Rate> perModel;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Long> pausedUntilNanos = new ConcurrentHashMap<>();

    public RateLimits(Rate defaultRate, Map<String, Rate> perModel) {
        this.defaultRate = defaultRate;
        this.perModel = Map.copyOf(perModel);
    }

    public Rate rateOf(String model) {
        return perModel.getOrDefault(model, defaultRate);
    }

    /** Blocks until {@code model} may be asked again, telling the listener why it waits. */
    public void acquire(String model, ChainListener listener, Cancellation cancel) throws CancelledException {
        while (true) {
            cancel.throwIfCancelled();
            Long until = pausedUntilNanos.get(model);
            long pauseLeft = until == null ? 0 : until - System.nanoTime();
            if (pauseLeft > 0) {
                Duration wait = Duration.ofNanos(pauseLeft);
                listener.onWait(model, wait, "the server asked to wait " + Durations.format(wait) + " (rate limited)");
                cancel.sleep(wait);
                continue;
            }
            ConsumptionProbe probe = bucketOf(model).tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return;
            }
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            listener.onWait(model, wait, "rate limit of " + rateOf(model) + " for this model");
            cancel.sleep(wait);
        }
    }

    /** Holds every request to {@code model} for {@code duration}, as a 429's Retry-After asks. */
    public void pause(String model, Duration duration) {
        // Capped: a Retry-After of ~292 years or more overflows toNanos() with an ArithmeticException.
        long until = System.nanoTime() + (duration.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : duration).toNanos();
        pausedUntilNanos.merge(model, until, Math::max);
    }

    private Bucket bucketOf(String model) {
        return buckets.computeIfAbsent(model, m -> {
            Rate rate = rateOf(m);
            return Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(rate.requests()).refillGreedy(rate.requests(), rate.period()).build())
                    .build();
        });
    }
}
