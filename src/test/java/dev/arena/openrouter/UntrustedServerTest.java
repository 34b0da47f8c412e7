package dev.arena.openrouter;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server is not trusted: not with the terminal, not with the key, not to end its streams properly. */
class UntrustedServerTest {

    private FakeOpenRouter fake;
    private FakeOpenRouter elsewhere;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        elsewhere = FakeOpenRouter.start();
    }

    @AfterEach
    void stop() {
        fake.close();
        elsewhere.close();
    }

    private Completion ask(String model) throws Exception {
        OpenRouterClient client = new OpenRouterClient(
                new ClientSettings(URI.create(fake.baseUrl()), "sk-or-v1-untrusted-test", Duration.ofSeconds(5), l -> { }));
        return client.stream(new ChatRequest(model, List.of(Message.user("hi")), null, null, null), text -> { },
                new Cancellation());
    }

    @Test
    void escapeSequencesInAnErrorBodyNeverReachTheMessage() {
        fake.script("m", Reply.error(502, "<html>\u001b]52;c;ZXZpbA==\u0007\u001b[2J Bad\n gateway\u009b31m</html>"));
        HttpStatusException e = assertThrows(HttpStatusException.class, () -> ask("m"));
        assertEquals("HTTP 502: <html> Bad gateway</html>", e.getMessage());
    }

    @Test
    void escapeSequencesInAStreamErrorEventAreRemovedToo() {
        fake.script("m", Reply.stream("a").errorAfter(0, 500, "boom\u001b[2J\u001b]0;pwned\u0007"));
        StreamErrorException e = assertThrows(StreamErrorException.class, () -> ask("m"));
        assertTrue(e.getMessage().endsWith(": boom"), e.getMessage());
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyStaysWithTheServerTheUserChose() {
        elsewhere.script("m", Reply.stream("should never be reached"));
        fake.script("m", Reply.error(307, "").header("Location", elsewhere.baseUrl() + "/chat/completions"));
        HttpStatusException e = assertThrows(HttpStatusException.class, () -> ask("m"));
        assertEquals(307, e.status());
        assertTrue(e.getMessage().contains("redirects to " + elsewhere.baseUrl()), e.getMessage());
        assertTrue(elsewhere.requests().isEmpty());
    }

    @Test
    void aStreamCutWithoutDoneOrFinishReasonIsAFailureNotAnAnswer() {
        fake.script("m", Reply.raw("data: {\"choices\":[{\"delta\":{\"content\":\"Hello, this is the first \"}}]}\n\n"));
        NetworkException e = assertThrows(NetworkException.class, () -> ask("m"));
        assertTrue(e.getMessage().contains("ended early"), e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void aFinishReasonOfErrorIsAFailure() {
        fake.script("m", Reply.raw("data: {\"choices\":[{\"delta\":{\"content\":\"x\"},\"finish_reason\":\"error\"}]}\n\ndata: [DONE]\n\n"));
        assertThrows(StreamErrorException.class, () -> ask("m"));
    }

    @Test
    void aFinishReasonWithoutDoneIsAnAnswer() throws Exception {
        fake.script("m", Reply.raw("data: {\"model\":\"m-1\",\"choices\":[{\"delta\":{\"content\":\"x\"},\"finish_reason\":\"stop\"}]}\n\n"));
        assertEquals("stop", ask("m").finishReason());
    }

    @Test
    void aWebPageInsteadOfAStreamSaysSo() {
        fake.script("m", Reply.error(200, "<html><body>Please log in</body></html>").header("Content-Type", "text/html; charset=utf-8"));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> ask("m"));
        assertTrue(e.getMessage().contains("web page"), e.getMessage());
        assertFalse(e.retryable());
    }
}
