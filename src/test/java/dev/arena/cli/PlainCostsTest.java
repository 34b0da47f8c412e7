package dev.arena.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import dev.arena.repl.ChatSession;
import dev.arena.repl.SessionFormat;
import dev.arena.openrouter.Usage;
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

/** A cost of $0.00003 is written 0.00003 in every JSON arena writes, never Gson's 3.0E-5. */
class PlainCostsTest {

    private static final double COST = 0.00003;

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

    private CliRun run(String... args) {
        return CliRun.of("", false, env, args);
    }

    private static void assertPlain(String json) {
        assertFalse(json.contains("E-"), "no exponent: " + json);
        assertTrue(json.contains("0.00003"), "the plain decimal: " + json);
    }

    @Test
    void chatEventsAndTheLogsExportWriteThePlainDecimal() {
        fake.script("m/cheap", Reply.stream("hi").usage(3, 2, COST));
        CliRun chat = run("chat", "--json", "--no-validate", "--base-url", fake.baseUrl(), "-m", "m/cheap", "hi");
        assertEquals(0, chat.exitCode(), chat.toString());
        String usage = chat.lines().stream().filter(l -> l.contains("\"type\":\"usage\"")).findFirst().orElseThrow();
        assertPlain(usage);
        assertEquals(COST, JsonParser.parseString(usage).getAsJsonObject().get("cost").getAsDouble());

        CliRun logs = run("logs", "--json");
        assertEquals(0, logs.exitCode(), logs.toString());
        assertTrue(logs.out().contains("\"cost_usd\":0.00003"), logs.toString());
        assertPlain(logs.out());
    }

    @Test
    void debateEventsAndTranscriptsWriteThePlainDecimal() throws Exception {
        fake.script("p/pro", Reply.stream("pro").usage(3, 2, COST));
        fake.script("c/con", Reply.stream("con").usage(3, 2, COST));
        Path json = dir.resolve("t.json");
        CliRun r = run("debate", "--json", "--no-validate", "--base-url", fake.baseUrl(), "--pro", "p/pro", "--con", "c/con",
                "--rounds", "1", "--out", json.toString(), "T");
        assertEquals(0, r.exitCode(), r.toString());
        String turnEnd = r.lines().stream().filter(l -> l.contains("\"type\":\"turn_end\"")).findFirst().orElseThrow();
        assertTrue(turnEnd.contains("\"cost\":0.00003"), turnEnd);
        assertFalse(r.out().contains("E-"), r.out());
        String document = Files.readString(json);
        assertPlain(document);
        JsonParser.parseString(document); // still JSON
    }

    @Test
    void aSavedSessionWritesThePlainDecimalAndReadsItBack() {
        ChatSession s = new ChatSession("m/cheap");
        s.addUsage(new Usage(3, 2, COST));
        String saved = SessionFormat.toJson(s);
        assertPlain(saved);
        JsonObject usage = JsonParser.parseString(saved).getAsJsonObject().getAsJsonObject("usage");
        assertEquals(COST, usage.get("cost").getAsDouble());
        assertEquals(COST, SessionFormat.fromJson(saved).cost());
    }
}
