package dev.arena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code debate --dry-run --json}: the plan as one JSON line a program parses, the key never in it. */
class DebateDryRunJsonTest {

    @TempDir
    Path dir;

    private CliRun dryRun(Map<String, String> env) {
        IsolatedDirs.under(dir, env);
        return CliRun.of("", false, env, "debate", "--dry-run", "--json", "--rounds", "1", "--judge", "j/judge",
                "--base-url", "http://127.0.0.1:9/v1", "--pro", "p/pro", "--con", "c/con", "Cats beat dogs");
    }

    @Test
    void thePlanIsOneDryRunEventWithEveryRequestAndTheKeyRedacted() {
        Map<String, String> env = new HashMap<>();
        env.put("OPENROUTER_API_KEY", "sk-or-v1-secret-123456");
        CliRun r = dryRun(env);
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(1, r.lines().size(), "one line of JSON: " + r);
        assertFalse(r.out().contains("sk-or-v1-secret-123456"), r.out());
        JsonObject e = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("dry_run", e.get("type").getAsString());
        assertTrue(e.has("time"));
        assertEquals("http://127.0.0.1:9/v1/chat/completions", e.get("endpoint").getAsString());
        assertEquals("Bearer [redacted]", e.get("authorization").getAsString());
        assertTrue(e.get("key_problem").isJsonNull());
        JsonArray requests = e.getAsJsonArray("requests");
        assertEquals(4, requests.size(), "two turns and the judge's two readings: " + e);
        JsonObject first = requests.get(0).getAsJsonObject();
        assertEquals("p/pro", first.getAsJsonArray("models").get(0).getAsString());
        JsonObject body = first.getAsJsonObject("body");
        assertEquals("p/pro", body.get("model").getAsString());
        assertTrue(body.get("stream").getAsBoolean());
        assertTrue(body.getAsJsonObject("stream_options").get("include_usage").getAsBoolean());
        assertTrue(body.getAsJsonArray("messages").toString().contains("Cats beat dogs"), body.toString());
        assertEquals("j/judge", requests.get(3).getAsJsonObject().getAsJsonObject("body").get("model").getAsString());
    }

    @Test
    void withoutAKeyAuthorizationIsNullAndTheProblemSaysWhy() {
        CliRun r = dryRun(new HashMap<>());
        assertEquals(0, r.exitCode(), r.toString());
        JsonObject e = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(e.get("authorization").isJsonNull(), e.toString());
        assertTrue(e.get("key_problem").getAsString().contains("OPENROUTER_API_KEY"), e.toString());
    }
}
