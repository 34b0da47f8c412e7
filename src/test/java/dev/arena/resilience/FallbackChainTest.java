package dev.arena.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.arena.catalog.Catalog;
import dev.arena.catalog.CostEstimator;
import dev.arena.catalog.ModelJson;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.NetworkException;
import dev.arena.openrouter.OpenRouterClient;
import dev.arena.openrouter.StallException;
import dev.arena.openrouter.StreamErrorException;
import dev.arena.openrouter.Usage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fallback chain over the real client and the fake OpenRouter: retries, fallbacks, continuations, waits. */
class FallbackChainTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final List<String> M1_M2 = List.of("m1", "m2");

    private FakeOpenRouter fake;
    private OpenRouterClient client;
    private final Events events = new Events();

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        // 5 s, not the 500 ms of the stall test: on a busy machine a slow first connection must
        // not turn into an unexpected StallException and an extra retry.
        client = client(Duration.ofSeconds(5));
    }

    private OpenRouterClient client(Duration idle) {
        return new OpenRouterClient(
                new ClientSettings(URI.create(fake.baseUrl()), "sk-or-v1-test", idle, line -> {}));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    // ---- helpers ----

    private FallbackChain chain(Rate rate, RetryPolicy policy) {
        return new FallbackChain(client, new RateLimits(rate, Map.of()), policy);
    }

    private static RetryPolicy retries(int n) {
        return new RetryPolicy(n, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    private FallbackChain chain(int retries) {
        return chain(Rate.parse("100/s"), retries(retries));
    }

    private FallbackChain chain() {
        return chain(2);
    }

    private static ChatRequest request() {
        return new ChatRequest("ignored", List.of(Message.system("Be brief."), Message.user("Say hello")), null, null, null);
    }

    private Answer answer(FallbackChain chain, List<String> models) throws Exception {
        return assertTimeoutPreemptively(BOUND, () -> chain.answer(request(), models, events, new Cancellation(), RequestTag.chat("test")));
    }

    private ChainFailedException chainFails(FallbackChain chain, List<String> models) {
        return assertTimeoutPreemptively(BOUND, () -> assertThrows(ChainFailedException.class,
                () -> chain.answer(request(), models, events, new Cancellation(), RequestTag.chat("test"))));
    }

    /** Everything the chain tells its listener, as short strings, in order. */
    static final class Events implements ChainListener {
        final List<String> list = Collections.synchronizedList(new ArrayList<>());
        final List<Duration> retryDelays = Collections.synchronizedList(new ArrayList<>());
        final List<Long> retryAtNanos = Collections.synchronizedList(new ArrayList<>());
        final List<Long> attemptAtNanos = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onAttempt(String model, boolean continuing) {
            attemptAtNanos.add(System.nanoTime());
            list.add("attempt " + model + (continuing ? " continuing" : ""));
        }

        @Override
        public void onContent(String text) {
            list.add("content " + text);
        }

        @Override
        public void onReasoning(String text) {
            list.add("reasoning " + text);
        }

        @Override
        public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
            retryDelays.add(delay);
            retryAtNanos.add(System.nanoTime());
            list.add("retry " + failure.model() + " " + retry + "/" + maxRetries);
        }

        @Override
        public void onFallback(ApiException failure, String nextModel, boolean continuing) {
            list.add("fallback " + failure.model() + "->" + nextModel + " continuing=" + continuing);
        }

        @Override
        public void onWait(String model, Duration wait, String reason) {
            list.add("wait " + model + " " + reason);
        }

        List<String> snapshot() {
            synchronized (list) {
                return List.copyOf(list);
            }
        }

        List<String> without(String prefix) {
            return snapshot().stream().filter(e -> !e.startsWith(prefix)).toList();
        }
    }

    private static List<String> messageTexts(JsonObject body) {
        JsonArray messages = body.getAsJsonArray("messages");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonObject m = messages.get(i).getAsJsonObject();
            out.add(m.get("role").getAsString() + ": " + m.get("content").getAsString());
        }
        return out;
    }

    // ---- tests ----

    @Test
    void aCostTheServerDidNotReportIsPricedOnceForTheAnswerAndItsRecord() throws Exception {
        CostEstimator prices = new CostEstimator(new Catalog(ModelJson.parseList(
                "{\"data\":[{\"id\":\"m1\",\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\"}}]}"),
                Catalog.Source.CACHE, null, null));
        fake.script("m1", Reply.stream("Hello").ollamaStyle());
        List<RequestOutcome> recorded = Collections.synchronizedList(new ArrayList<>());
        // Recording and cutting after pricing keep the prices.
        FallbackChain chain = chain().pricedWith(prices).recordingTo((tag, request, models, at) -> recorded::add)
                .cuttingAnswersAt(1_000);

        Usage usage = answer(chain, M1_M2).completion().usage();

        assertTrue(usage.costEstimated(), usage.toString());
        assertEquals(usage.promptTokens() * 0.000001 + usage.completionTokens() * 0.000002, usage.cost(), 1e-12);
        assertEquals(List.of(usage), recorded.stream().map(RequestOutcome::usage).toList(), "the record has the same cost");
        fake.script("m1", Reply.stream("Hello").ollamaStyle());
        assertEquals(null, answer(chain(), M1_M2).completion().usage().cost(), "an unpriced chain estimates nothing");
    }

    @Test
    void successOnFirstTry() throws Exception {
        fake.script("m1", Reply.stream("Hel", "lo").servedModel("vendor/m1-2025"));
        Answer answer = answer(chain(), M1_M2);

        assertEquals("Hello", answer.text());
        assertEquals("vendor/m1-2025", answer.answeringModel());
        assertEquals("stop", answer.completion().finishReason());
        assertEquals(List.of(), answer.failures());
        assertEquals(List.of("attempt m1", "content Hel", "content lo"), events.snapshot());
        assertTrue(fake.requestsFor("m2").isEmpty());
        // The request's own model is replaced by the chain's.
        assertEquals(1, fake.requests().size());
    }

    @Test
    void serverErrorThenSuccessOnTheSameModel() throws Exception {
        fake.script("m1", Reply.errorMessage(500, "Internal Server Error"), Reply.stream("Hel", "lo"));
        Answer answer = answer(chain(), M1_M2);

        assertEquals("Hello", answer.text());
        assertEquals("m1", answer.answeringModel());
        assertEquals(1, answer.failures().size());
        assertEquals(500, ((HttpStatusException) answer.failures().get(0)).status());
        assertEquals(List.of("attempt m1", "retry m1 1/2", "attempt m1", "content Hel", "content lo"), events.snapshot());
        assertEquals(2, fake.requestsFor("m1").size());
        assertTrue(fake.requestsFor("m2").isEmpty());
    }

    @Test
    void rateLimitedRetryWaitsForRetryAfter() throws Exception {
        fake.script("m1", Reply.errorMessage(429, "Rate limit exceeded").header("Retry-After", "1"), Reply.stream("ok"));
        Answer answer = answer(chain(), M1_M2);

        assertEquals("ok", answer.text());
        assertEquals("m1", answer.answeringModel());
        assertEquals(List.of(Duration.ofSeconds(1)), events.retryDelays, () -> "failures: " + answer.failures());
        assertEquals(List.of("attempt m1", "retry m1 1/2", "attempt m1", "content ok"), events.without("wait"));
        long waitedMillis = (events.attemptAtNanos.get(1) - events.retryAtNanos.get(0)) / 1_000_000;
        assertTrue(waitedMillis >= 900, "retried after only " + waitedMillis + "ms");
    }

    @Test
    void retryAfterLongerThanWorthWaitingFallsBackAtOnce() throws Exception {
        fake.script("m1", Reply.errorMessage(429, "Rate limit exceeded").header("Retry-After", "120"));
        fake.script("m2", Reply.stream("from m2"));
        long start = System.nanoTime();
        Answer answer = answer(chain(), M1_M2);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("from m2", answer.text());
        assertEquals("m2", answer.answeringModel());
        assertEquals(1, fake.requestsFor("m1").size());
        assertEquals(List.of("attempt m1", "fallback m1->m2 continuing=false", "attempt m2", "content from m2"),
                events.snapshot());
        assertTrue(elapsedMillis < 5_000, "took " + elapsedMillis + "ms");
        HttpStatusException failure = (HttpStatusException) answer.failures().get(0);
        assertEquals(Duration.ofSeconds(120), failure.retryAfter().orElseThrow());
    }

    @Test
    void unknownModelIsNotRetriedAndFallsBack() throws Exception {
        fake.script("m2", Reply.stream("from m2"));
        Answer answer = answer(chain(), M1_M2);

        assertEquals("from m2", answer.text());
        assertEquals("m2", answer.answeringModel());
        assertEquals(1, fake.requestsFor("m1").size());
        assertEquals(1, answer.failures().size());
        HttpStatusException failure = (HttpStatusException) answer.failures().get(0);
        assertEquals(400, failure.status());
        assertEquals("m1", failure.model());
        assertTrue(failure.serverMessage().contains("is not a valid model ID"), failure.serverMessage());
        assertEquals(List.of("attempt m1", "fallback m1->m2 continuing=false", "attempt m2", "content from m2"),
                events.snapshot());
    }

    @Test
    void allModelsFailing() {
        fake.script("m1", Reply.errorMessage(500, "m1 down"));
        fake.script("m2", Reply.errorMessage(500, "m2 down"));
        ChainFailedException e = chainFails(chain(), M1_M2);

        List<String> failures = e.failures().stream()
                .map(f -> f.model() + " " + ((HttpStatusException) f).status()).toList();
        assertEquals(List.of("m1 500", "m1 500", "m1 500", "m2 500", "m2 500", "m2 500"), failures);
        assertEquals("", e.partialAnswer());
        assertEquals("m2", e.lastFailure().model());
        assertEquals(3, fake.requestsFor("m1").size());
        assertEquals(3, fake.requestsFor("m2").size());
        assertEquals(List.of(
                "attempt m1", "retry m1 1/2", "attempt m1", "retry m1 2/2", "attempt m1",
                "fallback m1->m2 continuing=false",
                "attempt m2", "retry m2 1/2", "attempt m2", "retry m2 2/2", "attempt m2"), events.snapshot());
    }

    @Test
    void accountProblemStopsAtOnce() {
        fake.script("m1", Reply.errorMessage(401, "User not found."));
        fake.script("m2", Reply.stream("never"));
        FallbackChain chain = chain();
        HttpStatusException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(HttpStatusException.class,
                () -> chain.answer(request(), M1_M2, events, new Cancellation(), RequestTag.chat("test"))));

        assertEquals(401, e.status());
        assertTrue(e.isAccountProblem());
        assertEquals(1, fake.requestsFor("m1").size());
        assertTrue(fake.requestsFor("m2").isEmpty());
        assertEquals(List.of("attempt m1"), events.snapshot());
    }

    @Test
    void resetAfterTextContinuesOnTheNextModel() throws Exception {
        fake.script("m1", Reply.stream("Hello", " wor").resetAfter(1));
        fake.script("m2", Reply.stream(" world", "!"));
        Answer answer = answer(chain(), M1_M2);

        assertEquals("Hello world!", answer.text());
        assertEquals("m2", answer.answeringModel());
        assertEquals(1, fake.requestsFor("m1").size()); // not retried: it would start over
        assertEquals(1, answer.failures().size());
        assertInstanceOf(NetworkException.class, answer.failures().get(0));
        assertEquals(List.of("attempt m1", "content Hello", "fallback m1->m2 continuing=true",
                "attempt m2 continuing", "content  world", "content !"), events.snapshot());

        JsonObject sentToM2 = fake.requestsFor("m2").get(0).json();
        assertEquals(List.of("system: Be brief.", "user: Say hello", "assistant: Hello"), messageTexts(sentToM2));
        assertEquals("m2", sentToM2.get("model").getAsString());
    }

    @Test
    void errorEventAfterTextContinuesOnTheNextModel() throws Exception {
        fake.script("m1", Reply.stream("Hel", "lo", " there").errorAfter(2, "server_error", "Provider returned error"));
        fake.script("m2", Reply.stream(" world"));
        Answer answer = answer(chain(), M1_M2);

        assertEquals("Hello world", answer.text());
        assertEquals(1, fake.requestsFor("m1").size());
        StreamErrorException failure = (StreamErrorException) answer.failures().get(0);
        assertEquals("server_error", failure.code());
        assertEquals(List.of("system: Be brief.", "user: Say hello", "assistant: Hello"),
                messageTexts(fake.requestsFor("m2").get(0).json()));
        assertTrue(events.snapshot().contains("fallback m1->m2 continuing=true"), events.snapshot().toString());
    }

    @Test
    void failureAfterTextWithNoModelLeftKeepsThePartialAnswer() {
        fake.script("m1", Reply.stream("Hello", " wor").resetAfter(1));
        ChainFailedException e = chainFails(chain(), List.of("m1"));

        assertEquals("Hello", e.partialAnswer());
        assertEquals(1, e.failures().size());
        assertInstanceOf(NetworkException.class, e.lastFailure());
        assertEquals(1, fake.requestsFor("m1").size());
        assertEquals(List.of("attempt m1", "content Hello"), events.snapshot());
    }

    @Test
    void stallBeforeFirstTokenFallsBack() throws Exception {
        fake.script("m1", Reply.stallBeforeHeaders());
        fake.script("m2", Reply.stream("from m2"));
        client = client(Duration.ofMillis(1500));
        Answer answer = answer(chain(0), M1_M2);

        assertEquals("from m2", answer.text());
        assertEquals("m2", answer.answeringModel());
        assertInstanceOf(StallException.class, answer.failures().get(0));
        assertEquals(List.of("attempt m1", "fallback m1->m2 continuing=false", "attempt m2", "content from m2"),
                events.snapshot());
    }

    @Test
    void rateLimitMakesTheSecondRequestWait() throws Exception {
        fake.script("m1", Reply.stream("one"), Reply.stream("two"));
        FallbackChain chain = chain(Rate.parse("1/s"), retries(2));

        assertEquals("one", answer(chain, List.of("m1")).text());
        assertTrue(events.snapshot().stream().noneMatch(e -> e.startsWith("wait")), events.snapshot().toString());
        events.list.clear();

        assertEquals("two", answer(chain, List.of("m1")).text());
        List<String> second = events.snapshot();
        assertTrue(second.get(0).startsWith("wait m1 "), second.toString());
        assertTrue(second.get(0).contains("1/s"), second.get(0));
        assertEquals(List.of("attempt m1", "content two"), events.without("wait"));
    }

    @Test
    void cancelDuringBackoffEndsPromptly() throws Exception {
        fake.script("m1", Reply.errorMessage(500, "down"));
        FallbackChain chain = chain(Rate.parse("100/s"),
                new RetryPolicy(2, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5)));
        Cancellation cancel = new Cancellation();
        Thread canceller = new Thread(() -> {
            long deadline = System.nanoTime() + 5_000_000_000L;
            try {
                while (events.retryAtNanos.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancel.cancel();
        });
        canceller.start();
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThrows(CancelledException.class,
                () -> chain.answer(request(), M1_M2, events, cancel, RequestTag.chat("test"))));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        canceller.join();

        assertTrue(elapsedMillis < 6_000, "took " + elapsedMillis + "ms");
        assertEquals(List.of("attempt m1", "retry m1 1/2"), events.snapshot());
        assertEquals(1, fake.requestsFor("m1").size());
        assertFalse(events.snapshot().stream().anyMatch(e -> e.startsWith("fallback")));
    }
}
