package dev.arena.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;

import static dev.arena.e2e.ArenaProcess.arena;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real bin/arena records chats, and arena logs reads them back on a pipe. */
class LogsEndToEndIT {

    private static final String KEY = "sk-or-v1-e2e-logs-000000";
    private static FakeOpenRouter fake;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        fake = FakeOpenRouter.start().requireKey(KEY);
    }

    @AfterAll
    static void stopServer() {
        fake.close();
    }

    @Test
    void chatsAreListedAndFoundAndAFullStdoutIsExitOne() {
        String db = dir.resolve("arena.db").toString();
        fake.script("e2e/logs", Reply.stream("Otters hold hands while they sleep."), Reply.stream("Crows remember faces."));
        for (String prompt : new String[] {"otters?", "crows?"}) {
            ArenaProcess.Result chat = ArenaProcess.against(fake, KEY, "chat", "-m", "e2e/logs", prompt).env("ARENA_DB", db).run();
            assertEquals(0, chat.exitCode(), chat.toString());
        }
        ArenaProcess.Result list = arena("logs").env("ARENA_DB", db).run();
        assertEquals(0, list.exitCode(), list.toString());
        assertEquals(2, list.stdout().lines().count(), list.toString());
        assertTrue(list.stdout().lines().toList().get(1).endsWith("\tchat\te2e/logs\t1\t$0.000011\tcrows?"), list.toString());
        ArenaProcess.Result found = arena("logs", "--json", "-q", "otters").env("ARENA_DB", db).run();
        assertEquals(0, found.exitCode(), found.toString());
        JsonObject hit = JsonParser.parseString(found.stdout().strip()).getAsJsonObject();
        assertEquals("otters?", hit.get("title").getAsString());
        assertEquals("[otters]?", hit.get("snippet").getAsString(), "the prompt matches best: the shorter text");
        ArenaProcess.Result full = arena("logs").env("ARENA_DB", db).stdout(new File("/dev/full")).run();
        assertEquals(1, full.exitCode(), full.toString());
        assertEquals("arena: cannot write to stdout (no space left on device); what was written is incomplete\n", full.stderr());
    }
}
