package dev.arena.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));

    /** Jitter is random, so each attempt is sampled many times; all samples must fall in the band. */
    @ParameterizedTest(name = "attempt {0}: base {1} ms")
    @CsvSource({"1, 500", "2, 1000", "3, 2000", "4, 4000", "5, 8000", "6, 8000", "7, 8000", "30, 8000", "2000, 8000"})
    void backoffStaysInJitterBand(int attempt, long exactMillis) {
        long min = Math.round(exactMillis * 0.75);
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        for (int i = 0; i < 2000; i++) {
            long ms = POLICY.backoff(attempt).toMillis();
            assertTrue(ms >= min && ms <= exactMillis, "attempt " + attempt + " gave " + ms + " ms");
            lowest = Math.min(lowest, ms);
            highest = Math.max(highest, ms);
        }
        // The jitter really varies the delay rather than always picking one end of the band.
        assertTrue(highest - lowest >= exactMillis / 10, "band used: " + lowest + ".." + highest);
    }

    @Test
    void backoffGrowsOnAverage() {
        double previous = 0;
        for (int attempt = 1; attempt <= 4; attempt++) {
            double sum = 0;
            for (int i = 0; i < 500; i++) {
                sum += POLICY.backoff(attempt).toMillis();
            }
            double mean = sum / 500;
            assertTrue(mean > previous * 1.5, "attempt " + attempt + " mean " + mean + " after " + previous);
            previous = mean;
        }
    }

    @Test
    void zeroBaseDelayMeansNoWait() {
        RetryPolicy p = new RetryPolicy(2, Duration.ZERO, Duration.ofSeconds(8), Duration.ofSeconds(30));
        assertEquals(Duration.ZERO, p.backoff(3));
    }

    @ParameterizedTest
    @CsvSource({"0, true", "29999, true", "30000, true", "30001, false", "60000, false"})
    void worthWaitingUpToMaxRetryAfterInclusive(long millis, boolean worth) {
        assertEquals(worth, POLICY.worthWaiting(Duration.ofMillis(millis)));
    }

    @Test
    void defaultPolicyWaitsUpTo30s() {
        assertTrue(RetryPolicy.DEFAULT.worthWaiting(Duration.ofSeconds(30)));
        assertFalse(RetryPolicy.DEFAULT.worthWaiting(Duration.ofSeconds(31)));
        assertEquals(2, RetryPolicy.DEFAULT.maxRetries());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -100, Integer.MIN_VALUE})
    void negativeRetriesRejected(int retries) {
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(retries, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.withMaxRetries(retries));
    }

    @Test
    void withMaxRetriesKeepsTheDelays() {
        RetryPolicy p = POLICY.withMaxRetries(0);
        assertEquals(0, p.maxRetries());
        assertEquals(POLICY.baseDelay(), p.baseDelay());
        assertEquals(POLICY.maxDelay(), p.maxDelay());
        assertEquals(POLICY.maxRetryAfter(), p.maxRetryAfter());
    }
}
