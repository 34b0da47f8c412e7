package dev.arena.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.Completion;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.StreamErrorException;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.Answer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoticesTest {

    private static final ApiException RATE_LIMITED =
            new HttpStatusException("openai/gpt-4o", 429, "Rate limit exceeded", null, null);

    private static Answer answer(Usage usage, Duration elapsed) {
        return new Answer("text", "openai/gpt-4o-mini", new Completion("openai/gpt-4o-mini", "stop", usage, "gen-1", null),
                elapsed, List.of());
    }

    @Test
    void retry() {
        assertEquals("openai/gpt-4o failed (HTTP 429: Rate limit exceeded); retry 1/2 in 500ms",
                Notices.retry(RATE_LIMITED, Duration.ofMillis(500), 1, 2));
        assertEquals("openai/gpt-4o failed (HTTP 429: Rate limit exceeded); retry 2/2 in 1.5s",
                Notices.retry(RATE_LIMITED, Duration.ofMillis(1500), 2, 2));
    }

    @Test
    void fallback() {
        assertEquals("openai/gpt-4o failed (HTTP 429: Rate limit exceeded); falling back to anthropic/claude-3.5-haiku",
                Notices.fallback(RATE_LIMITED, "anthropic/claude-3.5-haiku", false));
    }

    @Test
    void fallbackThatContinuesAPartialAnswer() {
        ApiException midStream = new StreamErrorException("openai/gpt-4o", "server_error", "Provider disconnected");
        assertEquals("openai/gpt-4o failed (error in stream (server_error): Provider disconnected); "
                        + "mistralai/mistral-small continues the answer",
                Notices.fallback(midStream, "mistralai/mistral-small", true));
    }

    @Test
    void waiting() {
        assertEquals("waiting 3m05s before asking openai/gpt-4o: rate limit of 10/min for this model",
                Notices.waiting("openai/gpt-4o", Duration.ofSeconds(185), "rate limit of 10/min for this model"));
        assertEquals("waiting 300ms before asking m: the server asked to wait 300ms (rate limited)",
                Notices.waiting("m", Duration.ofMillis(300), "the server asked to wait 300ms (rate limited)"));
    }

    @Test
    void usageWithCost() {
        assertEquals("openai/gpt-4o-mini · 13 in, 16 out tokens · $0.000093 · 1.4s",
                Notices.usage(answer(new Usage(13, 16, 0.000093), Duration.ofMillis(1400))));
    }

    @Test
    void anEstimatedCostIsMarked() {
        assertEquals("openai/gpt-4o-mini · 100 in, 20 out tokens · ~$0.000120 (estimated) · 1.4s",
                Notices.usage(answer(new Usage(100, 20, null).withEstimatedCost(0.00012), Duration.ofMillis(1400))));
    }

    @Test
    void usageWithoutCost() {
        assertEquals("openai/gpt-4o-mini · 26 in, 5 out tokens · cost unknown · 42s",
                Notices.usage(answer(new Usage(26, 5, null), Duration.ofSeconds(42))));
    }

    @Test
    void usageNotReported() {
        assertEquals("openai/gpt-4o-mini · tokens not reported · cost unknown · 999ms",
                Notices.usage(answer(Usage.NONE, Duration.ofMillis(999))));
    }

    @Test
    void freeModelCostsZero() {
        assertEquals("openai/gpt-4o-mini · 10 in, 20 out tokens · $0 · 2m00s",
                Notices.usage(answer(new Usage(10, 20, 0.0), Duration.ofMinutes(2))));
    }

    @ParameterizedTest
    @CsvSource({
        "0, $0",
        "0.000093, $0.000093",
        "0.0000001, $0.000000",
        "0.000001, $0.000001",
        "0.0012345, $0.001235",
        "0.009999, $0.009999",
        "0.01, $0.0100",
        "0.012345, $0.0123",
        "0.5, $0.5000",
        "1.23456, $1.2346",
        "12, $12.0000",
    })
    void costFormatting(double usd, String expected) {
        assertEquals(expected, Notices.cost(usd));
    }
}
