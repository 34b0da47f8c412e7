package dev.arena.openrouter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
