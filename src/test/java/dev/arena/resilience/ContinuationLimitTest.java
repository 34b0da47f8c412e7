package dev.arena.resilience;

import dev.arena.fake.BenchWorkloads;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.Completion;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.OpenRouterClient;
import dev.arena.fake.QuietChainListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Memory stays flat on long answers: past the limit the text is not kept, and so cannot be continued. */
class ContinuationLimitTest {

    private FakeOpenRouter fake;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private FallbackChain chain(int limit) {
        return chain(limit, null);
    }

    private FallbackChain chain(int limit, String apiKey) {
        OpenRouterClient client = new OpenRouterClient(
                new ClientSettings(URI.create(fake.baseUrl()), apiKey, Duration.ofSeconds(5), l -> { }));
        return new FallbackChain(client, new RateLimits(Rate.parse("100/s"), Map.of()),
                new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)), limit);
    }

    private static final ChainListener QUIET = QuietChainListener.QUIET;

    private static ChatRequest request() {
        return new ChatRequest("ignored", List.of(Message.user("hi")), null, null, null);
    }

    @Test
    void withinTheLimitAFailureIsContinuedByTheNextModel() throws Exception {
        fake.script("a", Reply.stream("12345", "67890").resetAfter(1));
        fake.script("b", Reply.stream("!"));
        Answer answer = chain(10).answer(request(), List.of("a", "b"), QUIET, new Cancellation(), RequestTag.chat("test"));
        assertEquals("12345!", answer.text());
    }

    @Test
    void pastTheLimitAFailureEndsTheChainWithoutAskingAnotherModel() {
        fake.script("a", Reply.stream("12345", "67890", "abc").resetAfter(2));
        fake.script("b", Reply.stream("never"));
        ChainFailedException e = assertThrows(ChainFailedException.class,
                () -> chain(8).answer(request(), List.of("a", "b"), QUIET, new Cancellation(), RequestTag.chat("test")));
        assertTrue(fake.requestsFor("b").isEmpty(), "b cannot be told the whole answer");
        assertEquals("12345", e.partialAnswer(), "only what fits the limit is kept");
    }

    @Test
    void anAnswerCutAtItsLimitEndsThereAsCutWithoutHalfACharacter() throws Exception {
        fake.script("a", Reply.stream("ab", "c\uD83D\uDE00d", "never shown"));
        StringBuilder shown = new StringBuilder();
        Answer answer = chain(100).cuttingAnswersAt(4).answer(request(), List.of("a"), shownInto(shown), new Cancellation(), RequestTag.chat("test"));
        assertEquals("abc", answer.text(), "the emoji would be split at 4 chars, so the cut is before it");
        assertEquals("abc", shown.toString());
        assertTrue(answer.completion().cut(), answer.completion().toString());
        assertEquals(Completion.CUT, answer.completion().finishReason());
    }

    @Test
    void anEndlessStreamIsClosedAtTheLimit() throws Exception {
        fake.script("endless", Reply.endlessStream());
        fake.script("after", Reply.stream("the connection is free again"));
        FallbackChain chain = chain(Integer.MAX_VALUE).cuttingAnswersAt(50_000);
        Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> chain.answer(request(), List.of("endless"), QUIET, new Cancellation(), RequestTag.chat("test")));
        String text = answer.text();
        assertTrue(text.length() == 50_000 || text.length() == 49_999 && Character.isHighSurrogate(
                BenchWorkloads.floodText(50_000).charAt(49_999)), "50,000 chars or one less before an emoji: " + text.length());
        assertTrue(BenchWorkloads.floodText(50_000).startsWith(text), "what was received, in order");
        assertTrue(answer.completion().cut());
        assertEquals("the connection is free again",
                chain.answer(request(), List.of("after"), QUIET, new Cancellation(), RequestTag.chat("test")).text());
    }

    @Test
    void anEndlessStreamIsClosedAtTheLimitWhenAKeyIsSentToo() {
        // With a key, the client passes the answer through the key's redactor: it must still
        // hear that the answer has all it takes, or the endless stream is read for ever.
        fake.script("endless", Reply.endlessStream());
        FallbackChain chain = chain(Integer.MAX_VALUE, "sk-or-v1-0123456789abcdef").cuttingAnswersAt(50_000);
        Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> chain.answer(request(), List.of("endless"), QUIET, new Cancellation(), RequestTag.chat("test")));
        assertTrue(answer.completion().cut());
        assertTrue(answer.text().length() >= 49_999 && answer.text().length() <= 50_000, "length " + answer.text().length());
    }

    @Test
    void aSmallerLimitOfTheChainStays() {
        FallbackChain chain = chain(10).cuttingAnswersAt(100).cuttingAnswersAt(1000);
        assertEquals(100, chain.answerLimit());
        assertEquals(Integer.MAX_VALUE, chain(10).answerLimit(), "no limit unless asked");
    }

    private static ChainListener shownInto(StringBuilder shown) {
        return new ChainListener() {
            @Override
            public void onAttempt(String model, boolean continuing) {
            }

            @Override
            public void onContent(String text) {
                shown.append(text);
            }

            @Override
            public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
            }

            @Override
            public void onFallback(ApiException failure, String nextModel, boolean continuing) {
            }

            @Override
            public void onWait(String model, Duration wait, String reason) {
            }
        };
    }
}
