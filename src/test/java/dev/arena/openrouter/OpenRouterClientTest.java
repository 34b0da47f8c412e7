package dev.arena.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.RecordedRequest;
import dev.arena.fake.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The streaming client against the fake OpenRouter: the wire variants it must read, the errors it
 * must map, and the faults (resets, stalls, cancels) it must survive. Built as the CLI builds it.
 */
class OpenRouterClientTest {

    private static final String MODEL = "m1";
    private static final String KEY = "sk-or-v1-test";
    /**
     * Short, so stall tests end fast; used only where a stall is expected. Everything else gets
     * {@link #IDLE}, so that a busy machine's slow first connection is never mistaken for a stall.
     */
    // Long enough that a loaded machine delivers the piece before the stall, short enough to keep the test quick.
    private static final Duration STALL_IDLE = Duration.ofMillis(1500);
    private static final Duration IDLE = Duration.ofSeconds(5);
    /** Loose upper bound for anything that should end "about the idle timeout" on a busy machine. */
    private static final Duration SLOW_BOUND = Duration.ofSeconds(5);

    private FakeOpenRouter fake;
    private final List<String> debug = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startFake() {
        fake = FakeOpenRouter.start();
    }

    @AfterEach
    void closeFake() {
        fake.close();
    }

    // ---- helpers ----

    private OpenRouterClient client() {
        return client(KEY, IDLE);
    }

    private OpenRouterClient client(String key, Duration idle) {
        return new OpenRouterClient(
                new ClientSettings(URI.create(fake.baseUrl()), key, idle, debug::add));
    }

    private static ChatRequest request() {
        return new ChatRequest(MODEL, List.of(Message.system("Be brief."), Message.user("Say hello")), null, null, null);
    }

    /** Records what the handler receives, in order, tagged by kind. */
    private static class Recorder implements StreamHandler {
        final List<String> content = Collections.synchronizedList(new ArrayList<>());
        final List<String> reasoning = Collections.synchronizedList(new ArrayList<>());
        final List<String> all = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onContent(String text) {
            content.add(text);
            all.add("content " + text);
        }

        @Override
        public void onReasoning(String text) {
            reasoning.add(text);
            all.add("reasoning " + text);
        }

        String text() {
            synchronized (content) {
                return String.join("", content);
            }
        }
    }

    private Completion stream(Reply reply, Recorder recorder) throws Exception {
        fake.script(MODEL, reply);
        return client().stream(request(), recorder, new Cancellation());
    }

    private <T extends Throwable> T streamFails(Class<T> type, Reply reply, Recorder recorder) {
        return streamFails(type, reply, recorder, IDLE);
    }

    private <T extends Throwable> T streamFails(Class<T> type, Reply reply, Recorder recorder, Duration idle) {
        fake.script(MODEL, reply);
        OpenRouterClient client = client(KEY, idle);
        return assertTimeoutPreemptively(SLOW_BOUND,
                () -> assertThrows(type, () -> client.stream(request(), recorder, new Cancellation())));
    }

    private HttpStatusException httpError(Reply reply) {
        return streamFails(HttpStatusException.class, reply, new Recorder());
    }

    // ---- the normal stream ----

    @Test
    void normalStreamDeliversPiecesInOrderAndReportsHowItEnded() throws Exception {
        Recorder recorder = new Recorder();
        Completion completion = stream(Reply.stream("Hel", "lo", " world")
                .servedModel("openai/gpt-4o-mini-2024-07-18")
                .usage(13, 16, 0.000093), recorder);

        assertEquals(List.of("Hel", "lo", " world"), recorder.content);
        assertEquals(List.of(), recorder.reasoning);
        assertEquals("openai/gpt-4o-mini-2024-07-18", completion.servedModel());
        assertEquals("stop", completion.finishReason());
        assertEquals(13, completion.usage().promptTokens());
        assertEquals(16, completion.usage().completionTokens());
        assertEquals(29, completion.usage().totalTokens());
        assertEquals(0.000093, completion.usage().cost(), 1e-12);
        assertNotNull(completion.generationId());
        assertTrue(completion.generationId().startsWith("gen-"), completion.generationId());
        // The id is the one from the response header: the debug log lists the headers.
        assertTrue(debug.stream().anyMatch(line -> line.equalsIgnoreCase("< x-generation-id: " + completion.generationId())),
                () -> "X-Generation-Id header not matching " + completion.generationId() + " in " + debug);
    }

    @Test
    void servedModelDefaultsToTheRequestedOneWhenChunksNameIt() throws Exception {
        Completion completion = stream(Reply.stream("ok"), new Recorder());
        assertEquals(MODEL, completion.servedModel());
    }

    // ---- what is sent ----

    @Test
    void requestBodyCarriesModelMessagesAndStreamOptionsButNoUnsetParameters() throws Exception {
        stream(Reply.stream("ok"), new Recorder());

        List<RecordedRequest> requests = fake.requestsFor(MODEL);
        assertEquals(1, requests.size());
        RecordedRequest sent = requests.get(0);
        assertEquals("POST", sent.method());
        assertEquals("/api/v1/chat/completions", sent.path());
        JsonObject body = sent.json();
        assertEquals(MODEL, body.get("model").getAsString());
        JsonArray messages = body.getAsJsonArray("messages");
        assertEquals(2, messages.size());
        assertEquals("system", messages.get(0).getAsJsonObject().get("role").getAsString());
        assertEquals("Be brief.", messages.get(0).getAsJsonObject().get("content").getAsString());
        assertEquals("user", messages.get(1).getAsJsonObject().get("role").getAsString());
        assertEquals("Say hello", messages.get(1).getAsJsonObject().get("content").getAsString());
        assertTrue(body.get("stream").getAsBoolean());
        assertTrue(body.getAsJsonObject("stream_options").get("include_usage").getAsBoolean());
        assertFalse(body.has("temperature"));
        assertFalse(body.has("max_tokens"));
        assertFalse(body.has("seed"));

        assertEquals("Bearer " + KEY, sent.header("authorization"));
        assertTrue(sent.header("content-type").startsWith("application/json"), sent.header("content-type"));
        // The key never reaches the debug log.
        assertTrue(debug.stream().noneMatch(line -> line.contains(KEY)), debug.toString());
    }

    @Test
    void requestBodyCarriesParametersWhenSet() throws Exception {
        fake.script(MODEL, Reply.stream("ok"));
        ChatRequest request = new ChatRequest(MODEL, List.of(Message.user("hi")), 0.7, 256, 42L);
        client().stream(request, new Recorder(), new Cancellation());

        JsonObject body = fake.requestsFor(MODEL).get(0).json();
        assertEquals(0.7, body.get("temperature").getAsDouble(), 1e-9);
        assertEquals(256, body.get("max_tokens").getAsInt());
        assertEquals(42L, body.get("seed").getAsLong());
    }

    @Test
    void noKeyMeansNoAuthorizationHeader() throws Exception {
        fake.script(MODEL, Reply.stream("ok"));
        Recorder recorder = new Recorder();
        client(null, IDLE).stream(request(), recorder, new Cancellation());

        assertEquals("ok", recorder.text());
        assertNull(fake.requestsFor(MODEL).get(0).header("authorization"));
    }

    @Test
    void requiredKeyIsAccepted() throws Exception {
        fake.requireKey(KEY);
        Recorder recorder = new Recorder();
        stream(Reply.stream("ok"), recorder);
        assertEquals("ok", recorder.text());
    }

    // ---- wire variants ----

    @Test
    void crlfLineEnds() throws Exception {
        Recorder recorder = new Recorder();
        stream(Reply.stream("Hel", "lo").crlf(), recorder);
        assertEquals(List.of("Hel", "lo"), recorder.content);
    }

    @Test
    void crlfSplitIntoSingleBytes() throws Exception {
        Recorder recorder = new Recorder();
        stream(Reply.stream("Hel", "lo").crlf().writeInPiecesOf(1), recorder);
        assertEquals(List.of("Hel", "lo"), recorder.content);
    }

    @Test
    void dataWithoutSpaceAfterColon() throws Exception {
        Recorder recorder = new Recorder();
        stream(Reply.stream("Hel", "lo").noSpace(), recorder);
        assertEquals(List.of("Hel", "lo"), recorder.content);
    }

    @Test
    void keepAliveCommentsBetweenChunksAreSkipped() throws Exception {
        Recorder recorder = new Recorder();
        stream(Reply.stream("a", "b", "c").commentEvery(1), recorder);
        assertEquals(List.of("a", "b", "c"), recorder.content);
    }

    @Test
    void multiByteTextSplitAcrossReadsArrivesIntact() throws Exception {
        Recorder recorder = new Recorder();
        stream(Reply.stream("héllo ", "wörld ", "日本語 ", "😀").writeInPiecesOf(1), recorder);
        assertEquals("héllo wörld 日本語 😀", recorder.text());
        assertEquals(List.of("héllo ", "wörld ", "日本語 ", "😀"), recorder.content);
        assertFalse(recorder.text().contains("\uFFFD"));
    }

    @Test
    void anEmojiWhoseHalvesComeInTwoChunksIsHandedOnWhole() throws Exception {
        // JSON lets a server escape each half of a surrogate pair in its own chunk.
        String chunk = "data: {\"choices\":[{\"delta\":{\"content\":\"%s\"}}]}\n\n";
        Recorder recorder = new Recorder();
        stream(Reply.raw(chunk.formatted("smile \\ud83d") + chunk.formatted("\\ude00 ok")
                + chunk.formatted("end \\ud83d") + "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n"), recorder);
        assertEquals(List.of("smile ", "\ud83d\ude00 ok", "end ", "\ud83d"), recorder.content,
                "a half that no other half follows is passed on as it came, when the stream ends");
    }

    @Test
    void theHalvesOfAnEmojiStayTogetherWhenAKeyIsRedactedToo() throws Exception {
        String chunk = "data: {\"choices\":[{\"delta\":{\"content\":\"%s\"}}]}\n\n";
        Recorder recorder = new Recorder();
        stream(Reply.raw(chunk.formatted("a \\ud83d") + chunk.formatted("\\ude00 " + KEY) + "data: [DONE]\n\n"), recorder);
        assertEquals("a \ud83d\ude00 [redacted]", recorder.text());
        assertTrue(recorder.content.stream().noneMatch(p -> Character.isHighSurrogate(p.charAt(p.length() - 1))), recorder.content.toString());
    }

    @Test
    void streamWithoutDoneStillSucceeds() throws Exception {
        Recorder recorder = new Recorder();
        Completion completion = stream(Reply.stream("Hel", "lo").withoutDone(), recorder);
        assertEquals("Hello", recorder.text());
        assertEquals("stop", completion.finishReason());
    }

    @Test
    void streamWithoutUsageReportsNone() throws Exception {
        Recorder recorder = new Recorder();
        Completion completion = stream(Reply.stream("Hel", "lo").withoutUsage(), recorder);
        assertEquals("Hello", recorder.text());
        assertEquals(Usage.NONE, completion.usage());
        assertNull(completion.usage().cost());
    }

    @Test
    void ollamaStyleStream() throws Exception {
        Recorder recorder = new Recorder();
        Completion completion = stream(Reply.stream("Hel", "lo").ollamaStyle(), recorder);
        assertEquals(List.of("Hel", "lo"), recorder.content);
        assertEquals(MODEL, completion.servedModel());
        assertEquals("stop", completion.finishReason());
        assertNull(completion.generationId()); // Ollama sends no X-Generation-Id
        assertEquals(10, completion.usage().promptTokens()); // asked for with include_usage
        assertEquals(2, completion.usage().completionTokens());
        assertNull(completion.usage().cost()); // Ollama reports no cost
    }

    @Test
    void reasoningIsDeliveredSeparatelyFromContent() throws Exception {
        Recorder recorder = new Recorder();
        stream(Reply.stream("Hel", "lo").reasoning("think", "harder"), recorder);
        assertEquals(List.of("think", "harder"), recorder.reasoning);
        assertEquals(List.of("Hel", "lo"), recorder.content);
        assertEquals(List.of("reasoning think", "reasoning harder", "content Hel", "content lo"), recorder.all);
    }

    // ---- errors before the stream ----

    @Test
    void unauthorizedIsAnAccountProblem() {
        HttpStatusException e = httpError(Reply.errorMessage(401, "User not found."));
        assertEquals(401, e.status());
        assertEquals("User not found.", e.serverMessage());
        assertEquals(MODEL, e.model());
        assertTrue(e.isAccountProblem());
        assertFalse(e.retryable());
    }

    @Test
    void wrongKeyGetsTheFakes401() {
        fake.requireKey("sk-or-v1-other");
        HttpStatusException e = httpError(Reply.stream("never"));
        assertEquals(401, e.status());
        assertEquals("User not found.", e.serverMessage());
        assertTrue(e.isAccountProblem());
    }

    @Test
    void paymentRequiredIsAnAccountProblem() {
        HttpStatusException e = httpError(Reply.errorMessage(402, "Insufficient credits"));
        assertEquals(402, e.status());
        assertEquals("Insufficient credits", e.serverMessage());
        assertTrue(e.isAccountProblem());
        assertFalse(e.retryable());
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        HttpStatusException e = httpError(Reply.errorMessage(429, "Rate limit exceeded").header("Retry-After", "2"));
        assertEquals(429, e.status());
        assertEquals("Rate limit exceeded", e.serverMessage());
        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        assertTrue(e.retryable());
        assertFalse(e.isAccountProblem());
    }

    @Test
    void serverErrorsAreRetryable() {
        for (int status : new int[] {500, 502, 503}) {
            HttpStatusException e = httpError(Reply.errorMessage(status, "upstream trouble " + status));
            assertEquals(status, e.status());
            assertEquals("upstream trouble " + status, e.serverMessage());
            assertTrue(e.retryable(), "status " + status);
            assertFalse(e.isAccountProblem());
            assertTrue(e.retryAfter().isEmpty());
        }
    }

    @Test
    void unknownModelIsABadRequestNotWorthRetrying() {
        // Nothing scripted for the model: the fake answers as OpenRouter does for an unknown id.
        OpenRouterClient client = client();
        HttpStatusException e = assertThrows(HttpStatusException.class,
                () -> client.stream(request(), new Recorder(), new Cancellation()));
        assertEquals(400, e.status());
        assertEquals("m1 is not a valid model ID", e.serverMessage());
        assertTrue(e.getMessage().contains("is not a valid model ID"), e.getMessage());
        assertFalse(e.retryable());
        assertFalse(e.isAccountProblem());
    }

    @Test
    void htmlErrorBodyBecomesTheMessage() {
        HttpStatusException e = httpError(Reply.error(502,
                "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>Bad Gateway</body>\n</html>\n"));
        assertEquals(502, e.status());
        assertEquals("<html> <head><title>502 Bad Gateway</title></head> <body>Bad Gateway</body> </html>", e.serverMessage());
        assertTrue(e.retryable());
    }

    @Test
    void errorMetadataIsKept() {
        HttpStatusException e = httpError(Reply.error(403,
                "{\"error\":{\"code\":403,\"message\":\"Input flagged\",\"metadata\":{\"reasons\":[\"violence\"],"
                        + "\"flagged_input\":\"...\",\"provider_name\":\"OpenAI\",\"model_slug\":\"m1\"}}}"));
        assertEquals(403, e.status());
        assertEquals("Input flagged", e.serverMessage());
        JsonObject metadata = e.metadata();
        assertEquals("violence", metadata.getAsJsonArray("reasons").get(0).getAsString());
        assertEquals("OpenAI", metadata.get("provider_name").getAsString());
        assertFalse(e.retryable());
    }

    // ---- network faults ----

    @Test
    void resetBeforeHeadersIsARetryableNetworkFailure() {
        NetworkException e = streamFails(NetworkException.class, Reply.resetBeforeHeaders(), new Recorder());
        assertEquals(MODEL, e.model());
        assertTrue(e.retryable());
    }

    @Test
    void nothingListeningSaysCannotConnect() {
        OpenRouterClient client = client();
        fake.close();
        NetworkException e = assertTimeoutPreemptively(SLOW_BOUND,
                () -> assertThrows(NetworkException.class, () -> client.stream(request(), new Recorder(), new Cancellation())));
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void resetMidStreamKeepsWhatArrived() {
        Recorder recorder = new Recorder();
        NetworkException e = streamFails(NetworkException.class, Reply.stream("one ", "two ", "three").resetAfter(2), recorder);
        assertEquals(List.of("one ", "two "), recorder.content);
        assertTrue(e.retryable());
    }

    @Test
    void stallBeforeHeadersIsCutAfterTheIdleTimeout() {
        long start = System.nanoTime();
        StallException e = streamFails(StallException.class, Reply.stallBeforeHeaders(), new Recorder(), STALL_IDLE);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= STALL_IDLE.toMillis() - 50, "cut too early: " + elapsedMillis + "ms");
        assertEquals(MODEL, e.model());
        assertEquals("no data for 1.5s (idle timeout)", e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void stallMidStreamIsCutAfterTheIdleTimeout() {
        Recorder recorder = new Recorder();
        long start = System.nanoTime();
        StallException e = streamFails(StallException.class, Reply.stream("Hel", "lo").stallAfter(1), recorder, STALL_IDLE);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= STALL_IDLE.toMillis() - 50, "cut too early: " + elapsedMillis + "ms");
        assertEquals(List.of("Hel"), recorder.content);
        assertEquals(MODEL, e.model());
    }

    // ---- errors inside the stream ----

    @Test
    void errorEventWithNumericCode() {
        Recorder recorder = new Recorder();
        StreamErrorException e = streamFails(StreamErrorException.class,
                Reply.stream("Hel", "lo", " there").errorAfter(2, 429, "Rate limit exceeded"), recorder);
        assertEquals(List.of("Hel", "lo"), recorder.content);
        assertEquals("429", e.code());
        assertTrue(e.getMessage().contains("Rate limit exceeded"), e.getMessage());
        assertEquals(MODEL, e.model());
        assertTrue(e.retryable());
    }

    @Test
    void errorEventWithStringCode() {
        Recorder recorder = new Recorder();
        StreamErrorException e = streamFails(StreamErrorException.class,
                Reply.stream("Hel", "lo").errorAfter(1, "server_error", "Provider returned error"), recorder);
        assertEquals(List.of("Hel"), recorder.content);
        assertEquals("server_error", e.code());
        assertEquals("error in stream (server_error): Provider returned error", e.getMessage());
    }

    @Test
    void emptyBodyIsMalformed() {
        MalformedResponseException e = streamFails(MalformedResponseException.class, Reply.raw(""), new Recorder());
        assertEquals(MODEL, e.model());
        assertFalse(e.retryable());
    }

    @Test
    void onlyACommentIsMalformed() {
        MalformedResponseException e = streamFails(MalformedResponseException.class,
                Reply.raw(": only a comment\n\n"), new Recorder());
        assertFalse(e.retryable());
    }

    @Test
    void junkDataLineAmidGoodChunksIsSkipped() throws Exception {
        String good1 = "{\"model\":\"m1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}";
        String good2 = "{\"model\":\"m1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}";
        Recorder recorder = new Recorder();
        Completion completion = stream(Reply.raw("data: " + good1 + "\n\n"
                + "data: : OPENROUTER PROCESSING\n\n"
                + "data: " + good2 + "\n\n"
                + "data: [DONE]\n\n"), recorder);
        assertEquals(List.of("Hel", "lo"), recorder.content);
        assertEquals("stop", completion.finishReason());
        assertTrue(debug.stream().anyMatch(line -> line.contains("skipped")), debug.toString());
    }

    // ---- cancellation ----

    @Test
    void cancelWhileStalledEndsPromptly() throws Exception {
        fake.script(MODEL, Reply.stream("Hel", "lo").stallAfter(1));
        OpenRouterClient client = client(KEY, Duration.ofSeconds(10));
        Cancellation cancel = new Cancellation();
        CountDownLatch firstPiece = new CountDownLatch(1);
        Recorder recorder = new Recorder() {
            @Override
            public void onContent(String text) {
                super.onContent(text);
                firstPiece.countDown();
            }
        };
        Thread canceller = new Thread(() -> {
            try {
                if (firstPiece.await(5, TimeUnit.SECONDS)) {
                    Thread.sleep(200); // let the reader block on the stalled socket
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancel.cancel();
        });
        long start = System.nanoTime();
        canceller.start();
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(CancelledException.class, () -> client.stream(request(), recorder, cancel)));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        canceller.join();
        assertEquals(List.of("Hel"), recorder.content);
        assertTrue(elapsedMillis < 5_000, "cancel took " + elapsedMillis + "ms");
    }

    @Test
    void cancelWhileWaitingForHeadersEndsPromptly() throws Exception {
        fake.script(MODEL, Reply.stallBeforeHeaders());
        OpenRouterClient client = client(KEY, Duration.ofSeconds(10));
        Cancellation cancel = new Cancellation();
        Thread canceller = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (fake.requests().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancel.cancel();
        });
        canceller.start();
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(CancelledException.class, () -> client.stream(request(), new Recorder(), cancel)));
        canceller.join();
    }

    @Test
    void cancelBeforeStartSendsNothing() {
        fake.script(MODEL, Reply.stream("never"));
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThrows(CancelledException.class, () -> client().stream(request(), new Recorder(), cancel));
        assertEquals(List.of(), fake.requests());
    }

    // ---- the handler's own failures, and reuse ----

    @Test
    void handlerExceptionPropagatesAndTheClientStillWorks() throws Exception {
        fake.script(MODEL, Reply.stream("Hel", "lo").delayMillis(20), Reply.stream("again"));
        OpenRouterClient client = client();
        IllegalStateException boom = new IllegalStateException("output closed");
        StreamHandler throwing = new StreamHandler() {
            @Override
            public void onContent(String text) {
                throw boom;
            }
        };
        IllegalStateException thrown = assertTimeoutPreemptively(SLOW_BOUND,
                () -> assertThrows(IllegalStateException.class, () -> client.stream(request(), throwing, new Cancellation())));
        assertSame(boom, thrown);

        Recorder recorder = new Recorder();
        Completion completion = assertTimeoutPreemptively(SLOW_BOUND,
                () -> client.stream(request(), recorder, new Cancellation()));
        assertEquals("again", recorder.text());
        assertEquals("stop", completion.finishReason());
        assertEquals(2, fake.requestsFor(MODEL).size());
    }

    @Test
    void sequentialRequestsOnOneClientSucceed() throws Exception {
        fake.script(MODEL, Reply.stream("one"), Reply.stream("two"), Reply.stream("three"), Reply.stream("four"));
        OpenRouterClient client = client();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Recorder recorder = new Recorder();
            client.stream(request(), recorder, new Cancellation());
            answers.add(recorder.text());
        }
        assertEquals(List.of("one", "two", "three", "four"), answers);
        assertEquals(4, fake.requests().size());
        assertTrue(fake.connectionsAccepted() >= 1 && fake.connectionsAccepted() <= 4,
                "connections: " + fake.connectionsAccepted());
    }
}
