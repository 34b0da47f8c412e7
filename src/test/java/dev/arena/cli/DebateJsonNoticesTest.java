package dev.arena.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code debate --json}, the run's notices are events of the stream, not text on stderr. */
class DebateJsonNoticesTest {

    @TempDir
    Path dir;

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        IsolatedDirs.under(dir, env);
        env.put("OPENROUTER_API_KEY", "sk-or-v1-test-000000");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aRateLimitWaitIsAWaitEvent() {
        fake.script("p/pro", Reply.stream("first"), Reply.stream("second"));
        fake.script("c/con", Reply.stream("one"), Reply.stream("two"));
        CliRun r = CliRun.of("", false, env, "debate", "--json", "--no-validate", "--base-url", fake.baseUrl(),
                "--pro", "p/pro", "--con", "c/con", "--rounds", "2", "--rate-limit", "p/pro=1/s", "T");
        assertEquals(0, r.exitCode(), r.toString());
        List<JsonObject> waits = r.lines().stream().map(l -> JsonParser.parseString(l).getAsJsonObject())
                .filter(e -> e.get("type").getAsString().equals("wait")).toList();
        assertFalse(waits.isEmpty(), "Pro's second turn waits for its rate limit: " + r);
        JsonObject wait = waits.get(0);
        assertEquals("Pro", wait.get("who").getAsString(), wait.toString());
        assertEquals("p/pro", wait.get("model").getAsString());
        assertTrue(wait.get("wait_ms").getAsLong() > 0 && wait.get("wait_ms").getAsLong() <= 1000, wait.toString());
        assertTrue(wait.has("reason") && wait.has("time"), wait.toString());
        assertEquals("", r.err(), "nothing of the run as text on stderr");
    }
}
