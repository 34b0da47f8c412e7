package dev.arena.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate bin/bench reads from a model's arrivals, on arrivals shaped as arena's token bucket lets them go. */
class RequestRateTest {

    /** A full bucket of 30 at once, then one request each 2 s, {@code paced} of them, starting after {@code idle} ms. */
    private static List<Long> bucketPaced(int paced, long idle) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            times.add((long) i);
        }
        for (int i = 1; i <= paced; i++) {
            times.add(idle + i * 2_000L);
        }
        return times;
    }

    @Test
    void aModelKeptAskingRunsAtTheLimitPastTheBurstWhileItsBusiestMinuteHoldsTheBurstToo() {
        RequestRate rate = RequestRate.of("m", bucketPaced(54, 0), 30);
        assertEquals(84, rate.requests());
        assertEquals(108.0, rate.spanSeconds(), 1e-9);
        assertEquals(30.0, rate.pastBurstPerMinute(), 1e-9);
        assertEquals(83 * 60 / 108.0, rate.overallPerMinute(), 1e-9);
        assertEquals(30 + 29, rate.busiestMinute(), "the burst and the 29 paced requests within 60 s of the first");
    }

    @Test
    void aModelLeftIdleWithAFullBucketRunsBelowTheLimit() {
        RequestRate rate = RequestRate.of("m", bucketPaced(54, 60_000), 30);
        assertEquals(54 * 60 / 168.0, rate.pastBurstPerMinute(), 1e-9);
        assertTrue(rate.pastBurstPerMinute() < 27);
    }
}
