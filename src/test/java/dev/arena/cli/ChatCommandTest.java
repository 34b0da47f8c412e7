package dev.arena.cli;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** arena chat run in-process: option handling, key sources and base URLs, without a subprocess. */
class ChatCommandTest {

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();
    private String stdin;

    @TempDir
    Path home;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        // No developer's cache or config file: each test starts with none.
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun run(String... args) {
        return CliRun.of(stdin, false, env, args);
    }

    @Test
    void aLocalServerNeedsNoKey() {
        fake.script("llama3.2", Reply.stream("local ", "answer").ollamaStyle());
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "-m", "llama3.2", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("local answer\n", r.out());
        assertNull(fake.requestsFor("llama3.2").get(0).header("authorization"));
        assertTrue(r.err().contains("cost unknown"), r.toString());
    }

    @Test
    void baseUrlFromTheEnvironment() {
        fake.script("m", Reply.stream("via env"));
        env.put("ARENA_BASE_URL", fake.baseUrl());
        CliRun r = run("chat", "-m", "m", "hi");
        assertEquals("via env\n", r.out(), r.toString());
    }

    @Test
    void keyFromAFileWinsOverTheEnvironment(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("key");
        Files.writeString(keyFile, "sk-or-v1-from-file-000000\n");
        env.put("OPENROUTER_API_KEY", "sk-or-v1-from-env-000000");
        fake.requireKey("sk-or-v1-from-file-000000").script("m", Reply.stream("ok"));
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "--api-key-file", keyFile.toString(), "-m", "m", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("Bearer sk-or-v1-from-file-000000", fake.requestsFor("m").get(0).header("authorization"));
    }

    @Test
    void aMissingOrEmptyKeyFileIsAConfigurationError(@TempDir Path dir) throws Exception {
        CliRun missing = run("chat", "--api-key-file", dir.resolve("nope").toString(), "hi");
        assertEquals(3, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("does not exist"), missing.toString());
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        CliRun blank = run("chat", "--api-key-file", empty.toString(), "hi");
        assertEquals(3, blank.exitCode(), blank.toString());
        assertTrue(blank.err().contains("is empty"), blank.toString());
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void aKeyWithControlCharactersIsRefusedBeforeAnyRequest() {
        env.put("OPENROUTER_API_KEY", "sk-or-v1-abc\r\nX-Injected: 1");
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "hi");
        assertEquals(3, r.exitCode(), r.toString());
        assertFalse(r.err().contains("abc"), "the key is not echoed: " + r);
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void badValuesAreUsageErrorsWithOneSentence() {
        String[][] cases = {
            {"chat", "--base-url", "ftp://example.com", "hi"},
            {"chat", "--base-url", "not a url", "hi"},
            {"chat", "--idle-timeout", "soon", "hi"},
            {"chat", "--idle-timeout", "0s", "hi"},
            {"chat", "--rate-limit", "ten", "hi"},
            {"chat", "--rate-limit", "m=0/min", "hi"},
            {"chat", "--retries", "-1", "hi"},
            {"chat", "--max-tokens", "0", "hi"},
            {"chat", "--temperature", "2.5", "hi"},
            {"chat", "--temperature", "warm", "hi"},
            {"chat", "--temperature", "NaN", "hi"},
            {"chat", "--idle-timeout", "99999999999h", "hi"},
            {"chat", "--rate-limit", "99999999999999999999/min", "hi"},
            {"chat", "-m", " ", "hi"},
        };
        env.put("OPENROUTER_API_KEY", "sk-or-v1-test-000000");
        for (String[] args : cases) {
            CliRun r = run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r);
            assertTrue(r.err().startsWith("arena: "), r.toString());
            assertEquals(2, r.err().lines().count(), "a sentence and a hint:\n" + r);
        }
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void perModelRateLimitMakesTheUserWait() {
        // Two requests to one model allowed 1 per second: the fallback to the same model waits and says so.
        fake.script("m", Reply.errorMessage(500, "boom"), Reply.stream("second try"));
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "-m", "m", "--rate-limit", "m=1/s", "--retries", "1", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("second try\n", r.out());
        assertTrue(r.err().contains("rate limit of 1/s"), r.toString());
    }

    @Test
    void aPerModelRateLimitMayNameTheModelByItsAlias() {
        // gpt-4o-mini is a built-in alias of openai/gpt-4o-mini.
        fake.script("openai/gpt-4o-mini", Reply.errorMessage(500, "boom"), Reply.stream("second try"));
        CliRun r = run("chat", "--no-validate", "--base-url", fake.baseUrl(), "-m", "openai/gpt-4o-mini",
                "--rate-limit", "gpt-4o-mini=1/s", "--retries", "1", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("rate limit of 1/s"), "the alias' limit applies to the model: " + r);
    }

    @Test
    void quietSilencesNoticesButNotErrors() {
        fake.script("m", Reply.stream("hush"));
        CliRun ok = run("chat", "-q", "--base-url", fake.baseUrl(), "-m", "m", "hi");
        assertEquals("hush\n", ok.out());
        assertEquals("", ok.err());
        CliRun failed = run("chat", "-q", "--no-validate", "--base-url", fake.baseUrl(), "-m", "unknown/model", "hi");
        assertEquals(1, failed.exitCode());
        assertTrue(failed.err().contains("not a valid model ID"), failed.toString());
    }

    @Test
    void duplicateModelsInTheChainAreAskedOnce() {
        CliRun r = run("chat", "--no-validate", "--base-url", fake.baseUrl(), "-m", "gone/a", "--fallback", "gone/a, gone/b,gone/a", "hi");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(1, fake.requestsFor("gone/a").size());
        assertEquals(1, fake.requestsFor("gone/b").size());
        assertTrue(r.err().contains("all 2 models"), r.toString());
    }

    @Test
    void stdinIsReadOnlyWhenItIsNotATerminal() {
        fake.script("m", Reply.stream("ok"));
        stdin = "material";
        run("chat", "--base-url", fake.baseUrl(), "-m", "m");
        assertTrue(fake.requestsFor("m").get(0).body().contains("\"content\":\"material\""), fake.requestsFor("m").get(0).body());
    }

    @Test
    void aPromptOnStdinOverItsLimitIsAUsageErrorAndNothingIsSent() {
        fake.script("m", Reply.stream("ok"));
        stdin = "x".repeat(ChatCommand.STDIN_LIMIT + 1);
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "-m", "m", "--no-validate");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("arena: the prompt on stdin is larger than 16 MiB\n"), r.err());
        assertTrue(fake.requests().isEmpty());
        stdin = "x".repeat(ChatCommand.STDIN_LIMIT);
        assertEquals(ExitCode.OK, run("chat", "--base-url", fake.baseUrl(), "-m", "m", "--no-validate").exitCode());
    }
}
