package dev.arena.repl;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.OpenRouterClient;
import dev.arena.resilience.FallbackChain;
import dev.arena.resilience.Rate;
import dev.arena.resilience.RateLimits;
import dev.arena.resilience.RetryPolicy;
import dev.arena.store.RequestRecorder;
import dev.arena.store.StoreWriter;
import dev.arena.text.Redactor;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interactive chat against a server whose served model name holds an OSC title, a screen clear and the key. */
class HostileServerReplTest {

    private static final String KEY = "sk-or-v1-0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;
    private FakeOpenRouter fake;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theServedModelNameReachesNeitherTheScreenNorTheStoreRaw() throws Exception {
        fake.script("m", Reply.stream("Hi ", "there").servedModel("evil/\u001b]0;pwned\u0007\u001b[2J" + KEY));
        FallbackChain chain = new FallbackChain(new OpenRouterClient(
                new ClientSettings(URI.create(fake.baseUrl()), KEY, Duration.ofSeconds(5), line -> { })),
                new RateLimits(Rate.parse("1000/s"), Map.of()), RetryPolicy.DEFAULT.withMaxRetries(0));
        SessionStore store = new SessionStore(dir.resolve("state/arena"), dir.resolve("data/arena"), dir.resolve("state/arena/locks"));
        Path db = dir.resolve("data/arena/arena.db");
        StoreWriter writer = new StoreWriter(db, dir.resolve("cache"), java.time.Duration.ZERO);
        Redactor redactor = new Redactor(KEY);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Terminal terminal = new DumbTerminal("test", "dumb",
                new ByteArrayInputStream("hello\n\u0004".getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        SessionStart fresh = new StoredSessions(store, db, dir.resolve("cache"), redactor)
                .open(SessionChoice.fresh(), new ChatSession("m"), s -> { }, writer, line -> { });
        FallbackChain recording = chain.recordingTo(new RequestRecorder(writer, redactor));
        UnaryOperator<String> ids = id -> id;
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new Repl(terminal, store, recording, Exception::getMessage, ids, List::of, false, true, dir).run(fresh));

        String shown = screen.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, shown);
        assertTrue(shown.contains("evil/[redacted] · 10 in, 2 out tokens"), shown);
        assertFalse(shown.contains(KEY) || shown.contains("pwned") || shown.contains("\u001b]") || shown.contains("\u001b[2J"), shown);
        assertTrue(shown.contains("saved as conversation " + fresh.kept().id()), "the session was kept: " + shown);
        try (Stream<Path> files = Files.walk(dir)) {
            java.util.List<Path> written = files.filter(Files::isRegularFile).toList();
            assertTrue(written.contains(db), "the store was written: " + written);
            for (Path file : written) {
                // The store is binary: its bytes as Latin-1 still spell any ASCII key they hold.
                String saved = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(saved.contains(KEY), file + " holds the key");
            }
        }
    }
}
