package dev.arena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import dev.arena.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recorded chat read back: logs show's Markdown, the json and jsonl exports, and replay on a pipe. */
class StoredChatCommandsTest {

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();
    private Path db;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        IsolatedDirs.under(dir, env);
        db = dir.resolve("arena.db");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun run(String... args) {
        return CliRun.of("", false, env, args);
    }

    private String chat(String model, String prompt) throws Exception {
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "--db", db.toString(), "--no-validate", "--retries", "0",
                "-m", model, prompt);
        try (dev.arena.store.StoreReader reader = dev.arena.store.StoreReader.open(db, dir.resolve("cache")).orElseThrow();
             Statement s = reader.connection().createStatement();
             ResultSet rows = s.executeQuery("SELECT id FROM conversations ORDER BY created_at DESC LIMIT 1")) {
            assertTrue(rows.next(), r.toString());
            return rows.getString(1);
        }
    }

    @Test
    void logsShowOfAChatIsItsPromptAndAnswerWithTheUsageLine() throws Exception {
        fake.script("s/chat", Reply.stream("Hello ", "**world**.\n"));
        String id = chat("s/chat", "Say hello\nin bold");
        CliRun show = run("logs", "--db", db.toString(), "show", id);
        assertEquals(0, show.exitCode(), show.toString());
        String expected = "(?s)# Chat: Say hello\n\n- Id: " + id + "\n- Model: s/chat\n- Started: [0-9T:.Z-]+\n\n"
                + "## You\n\nSay hello\nin bold\n\n## Answer \\(s/chat\\)\n\nHello \\*\\*world\\*\\*\\.\n\n"
                + "\\*s/chat · 10 in, 2 out tokens · \\$0\\.000012 · \\d+ms · started [0-9T:Z-]+\\*\n";
        assertTrue(show.out().matches(expected), show.out());
        CliRun replay = run("replay", "--db", db.toString(), "--speed", "0", id);
        assertEquals(show.out(), replay.out(), replay.toString());
    }

    @Test
    void aFailedAnswerSaysHowItEnded() throws Exception {
        fake.script("s/bad", Reply.errorMessage(400, "no such thing"));
        String id = chat("s/bad", "hi");
        CliRun show = run("logs", "--db", db.toString(), "show", id);
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().contains("\n\n## Answer (s/bad)\n\n**This answer did not complete (failed):** "), show.out());
        assertTrue(show.out().matches("(?s).*no such thing[^\n]*\n\n\\*s/bad · started [0-9T:Z-]+\\*\n"), show.out());
    }

    @Test
    void aChatExportsAsOneJsonDocumentOrAsJsonLinesEvents() throws Exception {
        fake.script("s/chat", Reply.stream("Hello ", "world"));
        String id = chat("s/chat", "hi");
        CliRun json = run("logs", "--db", db.toString(), "export", id, "--format", "json");
        assertEquals(0, json.exitCode(), json.toString());
        JsonObject doc = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals(id, doc.get("id").getAsString());
        assertEquals("hi", doc.get("title").getAsString());
        JsonArray exchanges = doc.getAsJsonArray("exchanges");
        assertEquals(1, exchanges.size());
        JsonObject x = exchanges.get(0).getAsJsonObject();
        assertEquals("hi", x.get("prompt").getAsString());
        assertEquals("Hello world", x.get("text").getAsString());
        assertEquals("complete", x.get("status").getAsString());
        assertEquals(10, x.get("prompt_tokens").getAsLong());
        assertEquals(2, x.get("completion_tokens").getAsLong());

        CliRun lines = run("logs", "--db", db.toString(), "export", id, "--format", "jsonl");
        assertEquals(0, lines.exitCode(), lines.toString());
        List<JsonObject> events = lines.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        assertEquals(List.of("conversation_start", "prompt", "answer_start", "delta", "answer_end", "conversation_end"),
                events.stream().map(e -> e.get("type").getAsString()).toList());
        assertEquals("Hello world", events.get(3).get("content").getAsString());
        assertEquals("Hello world", events.get(4).get("text").getAsString());
    }
}
