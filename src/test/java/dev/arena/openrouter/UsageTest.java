package dev.arena.openrouter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageTest {

    @Test
    void sumAddsTokensAndCosts() {
        Usage sum = Usage.sum(new Usage(10, 20, 0.25), new Usage(1, 2, 0.5));
        assertEquals(new Usage(11, 22, 0.75), sum);
        assertEquals(33, sum.totalTokens());
    }

    @Test
    void anUnreportedCostIsLeftOutAndNullOnlyWhenNoneWasReported() {
        assertEquals(new Usage(11, 22, 0.25), Usage.sum(new Usage(10, 20, 0.25), new Usage(1, 2, null)));
        assertEquals(new Usage(11, 22, 0.5), Usage.sum(new Usage(10, 20, null), new Usage(1, 2, 0.5)));
        assertNull(Usage.sum(new Usage(10, 20, null), new Usage(1, 2, null)).cost());
        assertEquals(new Usage(1, 2, 0.0), Usage.sum(Usage.NONE, new Usage(1, 2, 0.0)), "a zero cost is a cost");
    }

    @Test
    void nullCountsAsNone() {
        assertEquals(new Usage(1, 2, 0.5), Usage.sum(null, new Usage(1, 2, 0.5)));
        assertEquals(new Usage(1, 2, 0.5), Usage.sum(new Usage(1, 2, 0.5), null));
        assertEquals(Usage.NONE, Usage.sum(null, null));
    }

    @ParameterizedTest(name = "{0} in, {1} out, ${2}")
    @CsvSource({
        "-1, 2, 0.5", "1, -2, 0.5", "1, 2, -0.5", "1000000001, 2, 0.5", "1, 1e300, 0.5", "1, 2, 1000000.01",
        "NaN, 2, 0.5", "1, NaN, 0.5", "1, 2, NaN", "Infinity, 2, 0.5", "1, 2, Infinity", "1, 2, -Infinity",
    })
    void numbersNoCompletionHasAreInvalid(double prompt, double completion, double cost) {
        Usage usage = Usage.checked(prompt, completion, cost);
        assertSame(Usage.INVALID, usage);
        assertTrue(usage.invalid());
        assertFalse(usage.isNone(), "invalid is not 'not reported'");
        assertEquals(0, usage.totalTokens(), "no sum ever adds what cannot be right");
        assertNull(usage.cost());
    }

    @Test
    void plausibleNumbersAreKeptAndFractionsCut() {
        assertEquals(new Usage(1_000_000_000, 0, 1_000_000.0), Usage.checked(1e9, 0, 1e6));
        assertEquals(new Usage(12, 3, null), Usage.checked(12.7, 3, null));
        assertFalse(Usage.checked(0, 0, 0.0).invalid());
    }

    @Test
    void anInvalidPartMakesTheSumInvalidAndAnAbsurdEstimateIsInvalid() {
        assertSame(Usage.INVALID, Usage.sum(new Usage(1, 2, 0.5), Usage.INVALID));
        assertSame(Usage.INVALID, Usage.sum(Usage.INVALID, null));
        assertSame(Usage.INVALID, new Usage(10, 20, null).withEstimatedCost(1e300));
        assertSame(Usage.INVALID, new Usage(10, 20, null).withEstimatedCost(Double.POSITIVE_INFINITY));
        assertEquals(new Usage(10, 20, 0.01, true), new Usage(10, 20, null).withEstimatedCost(0.01));
    }
}
