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

/** With --json, every failure ends stdout with an error event (message, exit_code), those before the run began too. */
class JsonErrorEventsTest {

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

    /** The last line of stdout, which must be the error event with the exit code the run gave. */
    private static JsonObject errorEvent(CliRun r, String typeKey) {
        List<String> lines = r.lines();
        assertFalse(lines.isEmpty(), "an error event on stdout: " + r);
        JsonObject last = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals("error", last.get(typeKey).getAsString(), r.toString());
        assertEquals(r.exitCode(), last.get("exit_code").getAsInt(), r.toString());
        assertTrue(r.err().contains("arena: " + last.get("message").getAsString()), "stderr has the same sentence: " + r);
        return last;
    }

    @Test
    void anUnknownModelIdIsAnErrorEventOfChatDebateAndTournament() {
        CliRun chat = run("chat", "--json", "--base-url", fake.baseUrl(), "-m", "openai/gpt-4o-mimi", "hi");
        assertEquals(2, chat.exitCode(), chat.toString());
        assertTrue(errorEvent(chat, "type").get("message").getAsString().contains("'openai/gpt-4o-mimi'"), chat.toString());
        assertEquals(1, chat.lines().size(), "nothing else on stdout: " + chat);

        CliRun debate = run("debate", "--json", "--base-url", fake.baseUrl(), "--judge", "antropic/claude-sonnet-4.5", "T");
        assertEquals(2, debate.exitCode(), debate.toString());
        JsonObject e = errorEvent(debate, "type");
        assertTrue(e.get("message").getAsString().contains("'antropic/claude-sonnet-4.5' (--judge)"), debate.toString());
        assertTrue(e.has("time"), "the shape of the debate's events: " + e);

        CliRun tournament = run("tournament", "--json", "--base-url", fake.baseUrl(), "--db", dir.resolve("a.db").toString(),
                "--models", "openai/gpt-4o-mimi,openai/gpt-4o-mini", "--motion", "M", "--judges", "openai/gpt-4o-mini");
        assertEquals(2, tournament.exitCode(), tournament.toString());
        assertTrue(errorEvent(tournament, "event").has("at"), "the shape of the tournament's events: " + tournament);
    }

    @Test
    void aBadSettingIsAnErrorEventEvenWhenItComesBeforeJson() {
        CliRun r = run("debate", "--rounds", "0", "--json", "--base-url", fake.baseUrl(), "T");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(errorEvent(r, "type").get("message").getAsString().contains("--rounds"), r.toString());
    }

    @Test
    void noKeyIsAnErrorEvent() {
        env.remove("OPENROUTER_API_KEY");
        CliRun r = run("chat", "--json", "hi");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(errorEvent(r, "type").get("message").getAsString().contains("OPENROUTER_API_KEY"), r.toString());
    }

    @Test
    void aDebateThatFailsEndsItsEventsWithTheErrorAfterDebateEnd() {
        fake.script("p/pro", Reply.errorMessage(400, "no such thing"));
        CliRun r = run("debate", "--json", "--no-validate", "--base-url", fake.baseUrl(), "--pro", "p/pro", "--con", "c/con",
                "--rounds", "1", "T");
        assertEquals(1, r.exitCode(), r.toString());
        errorEvent(r, "type");
        String beforeLast = r.lines().get(r.lines().size() - 2);
        assertEquals("debate_end", JsonParser.parseString(beforeLast).getAsJsonObject().get("type").getAsString(), r.toString());
    }

    @Test
    void aChatThatCannotStartIsAnErrorEvent() {
        CliRun r = run("chat", "--json", "-c", "--base-url", fake.baseUrl(), "--no-validate", "-m", "m/x", "hi");
        assertEquals(1, r.exitCode(), "nothing to continue: " + r);
        errorEvent(r, "type");
        assertEquals(1, r.lines().size(), r.toString());
    }

    @Test
    void withoutJsonStdoutHasNoEvent() {
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "-m", "openai/gpt-4o-mimi", "--", "--json");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("", r.out(), "--json after -- is the prompt's: " + r);
    }
}
