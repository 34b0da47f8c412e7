package dev.arena.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Usage numbers no completion has (negative, over 10^9 tokens or $10^6) read "invalid" everywhere they are shown. */
class ServerNumbersTest {

    @TempDir
    Path home;

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("ARENA_BASE_URL", fake.baseUrl());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun run(String... args) {
        return CliRun.of(null, false, env, args);
    }

    @Test
    void chatsUsageLineAndJsonUsageEventSayInvalid() {
        fake.script("m", Reply.stream("answer").usage(10, 3, 1e300), Reply.stream("again").usage(-5, 3, 0.01));
        CliRun line = run("chat", "-m", "m", "hi");
        assertEquals(0, line.exitCode(), line.toString());
        assertTrue(line.err().contains("m · usage invalid · "), line.toString());
        assertFalse(line.err().contains("E300") || line.err().contains("0000000000"), line.toString());

        CliRun json = run("chat", "--json", "-m", "m", "hi");
        assertEquals(0, json.exitCode(), json.toString());
        String usage = json.lines().stream().filter(l -> l.contains("\"usage\"")).findFirst().orElseThrow();
        JsonObject event = JsonParser.parseString(usage).getAsJsonObject();
        assertTrue(event.get("invalid").getAsBoolean(), usage);
        assertTrue(event.get("prompt_tokens").isJsonNull() && event.get("total_tokens").isJsonNull()
                && event.get("cost").isJsonNull(), usage);
    }

    @Test
    void aDebatesTurnLineSummaryAndTranscriptsSayInvalid() throws Exception {
        fake.script("d/pro", Reply.stream("Pro argues.").usage(2_000_000_000, 3, 0.01));
        fake.script("d/con", Reply.stream("Con answers.").usage(10, 3, 0.002));
        Path json = home.resolve("debate.json");
        CliRun r = run("debate", "--pro", "d/pro", "--con", "d/con", "--rounds", "1", "--out", json.toString(), "Numbers");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("*Pro · d/pro · usage invalid · "), r.out());
        assertTrue(r.out().contains("| Pro | 1 | invalid | invalid | invalid |"), r.out());
        assertTrue(r.out().contains("| Con | 1 | 10 | 3 | $0.002000 |"), r.out());
        assertFalse(r.out().contains("2000000000"), r.out());

        JsonObject transcript = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonObject proTurn = transcript.getAsJsonArray("turns").get(0).getAsJsonObject();
        assertTrue(proTurn.get("usage_invalid").getAsBoolean(), proTurn.toString());
        assertTrue(proTurn.get("prompt_tokens").isJsonNull(), "never the server's number, nor a zero nobody reported");
        assertTrue(proTurn.get("completion_tokens").isJsonNull(), proTurn.toString());
        JsonObject proStats = transcript.getAsJsonObject("summary").getAsJsonArray("fighters").get(0).getAsJsonObject();
        assertTrue(proStats.get("usage_invalid").getAsBoolean(), proStats.toString());
        assertTrue(proStats.get("prompt_tokens").isJsonNull(), proStats.toString());
    }

    @Test
    void aHugeRetryAfterNeverThrowsAndReadsInDays() {
        for (String wait : new String[] {"99999999999999999999999", "9".repeat(400), "1e25", "-5", "Fri, 31 Dec 9999 23:59:59 GMT"}) {
            fake.script("busy/" + wait.length(), Reply.errorMessage(429, "slow down").header("Retry-After", wait));
            CliRun r = run("chat", "--no-validate", "--retries", "1", "-m", "busy/" + wait.length(), "hi");
            assertEquals(1, r.exitCode(), wait + ": " + r);
            assertTrue(r.err().startsWith("arena: "), wait + ": " + r);
            assertFalse(r.err().contains("Exception") || r.err().contains("internal error"), wait + ": " + r);
            assertFalse(r.err().matches("(?s).*\\d{7,}m\\d\\ds.*"), "no minutes by the million: " + r);
        }
        assertTrue(run("chat", "--no-validate", "--retries", "1", "-m", "busy/23", "hi").err()
                .contains("the server asked to wait 106751991167d07h"), "the longest wait, in days");
    }
}
