package dev.arena.cli;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The config file and its precedence, model aliases, and the check of model ids before the first request. */
class ConfigAndModelIdsTest {

    @TempDir
    Path home;

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();
    private Path configFile;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        configFile = home.resolve("config/arena/config.properties");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun run(String... args) {
        return CliRun.of(null, false, env, args);
    }

    private void config(String... lines) throws Exception {
        Files.createDirectories(configFile.getParent());
        Files.write(configFile, List.of(lines), StandardCharsets.UTF_8);
    }

    // ---- precedence: flag > environment > file > built-in default

    @Test
    void theBaseUrlComesFromTheFlagThenTheEnvironmentThenTheFileThenOpenRouter() throws Exception {
        assertTrue(run("debate", "--dry-run", "T").out().contains("POST https://openrouter.ai/api/v1/chat/completions"));
        config("base-url=http://from-file.example/v1");
        assertTrue(run("debate", "--dry-run", "T").out().contains("POST http://from-file.example/v1/"));
        env.put("ARENA_BASE_URL", "http://from-env.example/v1");
        assertTrue(run("debate", "--dry-run", "T").out().contains("POST http://from-env.example/v1/"));
        CliRun flag = run("debate", "--dry-run", "--base-url", "http://from-flag.example/v1", "T");
        assertTrue(flag.out().contains("POST http://from-flag.example/v1/"), flag.toString());
    }

    @Test
    void modelsAndNumbersFollowTheSamePrecedence() throws Exception {
        CliRun builtIn = run("debate", "--dry-run", "--rounds", "1", "T");
        assertTrue(builtIn.out().contains("\"model\": \"openai/gpt-4o-mini\""), builtIn.toString());
        assertTrue(builtIn.out().contains("\"max_tokens\": 500"), builtIn.toString());

        config("# my defaults", "pro = anthropic/claude-sonnet-4.5", "max-tokens=300", "rounds=2", "temperature=0.3");
        CliRun file = run("debate", "--dry-run", "T");
        assertTrue(file.out().contains("\"model\": \"anthropic/claude-sonnet-4.5\""), file.toString());
        assertTrue(file.out().contains("\"max_tokens\": 300"), file.toString());
        assertTrue(file.out().contains("\"temperature\": 0.3"), file.toString());
        assertTrue(file.out().contains("### Round 2"), "rounds=2 from the file: " + file);
        assertFalse(file.out().contains("### Round 3"), file.toString());

        env.put("ARENA_PRO", "openai/gpt-4o");
        env.put("ARENA_MAX_TOKENS", "200");
        CliRun fromEnv = run("debate", "--dry-run", "T");
        assertTrue(fromEnv.out().contains("\"model\": \"openai/gpt-4o\""), fromEnv.toString());
        assertTrue(fromEnv.out().contains("\"max_tokens\": 200"), fromEnv.toString());

        CliRun flags = run("debate", "--dry-run", "--pro", "deepseek/deepseek-chat", "--max-tokens", "100", "--rounds", "1", "T");
        assertTrue(flags.out().contains("\"max_tokens\": 100"), flags.toString());
        assertFalse(flags.out().contains("openai/gpt-4o\""), flags.toString());
        assertFalse(flags.out().contains("### Round 2"), flags.toString());
    }

    @Test
    void chatTakesItsModelAndFallbacksFromTheFile() throws Exception {
        fake.script("file/model", Reply.errorMessage(503, "down"));
        fake.script("file/backup", Reply.stream("from the backup"));
        config("base-url=" + fake.baseUrl(), "model=file/model", "fallback=file/backup", "retries=0", "color=false");
        CliRun r = run("chat", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("from the backup\n", r.out());
        assertEquals(1, fake.requestsFor("file/model").size(), "retries=0 from the file");
    }

    @Test
    void helpShowsTheDefaultInEffectAndWhereTheFileIs() throws Exception {
        config("model=openai/gpt-4o");
        assertTrue(run("chat", "--help").out().contains("(default: openai/gpt-4o)"));
        CliRun root = run("--help");
        assertTrue(root.out().contains("config.properties") && root.out().contains("alias.NAME=MODEL"), root.toString());
    }

    // ---- bad values

    @Test
    void aBadValueInTheFileNamesTheFileTheKeyAndTheLine() throws Exception {
        String[][] cases = {
            {"rounds=many", "line 2, rounds: 'many' is not a whole number"},
            {"temperature=3", "line 2, temperature: '3' must be between 0 and 2"},
            {"idle-timeout=soon", "line 2, idle-timeout:"},
            {"rate-limit=20/min,x=fast", "line 2, rate-limit:"},
            {"base-url=ftp://x", "line 2, base-url:"},
            {"color=maybe", "line 2, color:"},
            {"modle=openai/gpt-4o", "line 2, modle: unknown key (did you mean model?)"},
            {"api-key=sk-or-v1-0000000000000000", "line 2, api-key: arena does not read API keys"},
            {"no equals sign", "line 2: expected key=value"},
        };
        for (String[] c : cases) {
            config("# first line", c[0]);
            CliRun r = run("chat", "--base-url", fake.baseUrl(), "hi");
            assertEquals(3, r.exitCode(), c[0] + "\n" + r);
            assertTrue(r.err().startsWith("arena: config file " + configFile + " line 2"), r.toString());
            assertTrue(r.err().contains(c[1]), c[0] + "\n" + r);
            assertEquals(1, r.err().lines().count(), "one line: " + r);
        }
        assertTrue(fake.requests().isEmpty());
        assertEquals(0, run("--help").exitCode(), "help works whatever the file says");
    }

    @Test
    void aKeySetAgainLaterWinsWithAWarningNamingTheFileAndBothLines() throws Exception {
        config("rounds=1", "pro=openai/gpt-4o", "rounds=2");
        CliRun r = run("debate", "--dry-run", "T");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("### Round 2"), "the later rounds=2 is used: " + r);
        assertTrue(r.err().contains("arena: warning: config file " + configFile
                + " line 3, rounds: set again (first on line 1); this line's value is used"), r.toString());
        CliRun models = run("models", "--aliases");
        assertEquals(0, models.exitCode(), "a duplicate no longer breaks every command: " + models);
    }

    @Test
    void aBadEnvironmentValueIsAUsageErrorNamingTheVariable() {
        env.put("ARENA_ROUNDS", "lots");
        CliRun r = run("debate", "--dry-run", "T");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("$ARENA_ROUNDS: 'lots' is not a whole number"), r.toString());
    }

    // ---- permissions

    @Test
    void aKeyFileReadableByOthersGetsAWarning() throws Exception {
        Path key = home.resolve("key");
        Files.writeString(key, "sk-or-v1-0000000000\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        fake.script("m", Reply.stream("ok"));
        config("api-key-file=" + key, "base-url=" + fake.baseUrl());
        CliRun r = run("chat", "-m", "m", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("warning: the key file " + key + " is readable by other users; run: chmod 600"), r.toString());
        assertEquals("Bearer sk-or-v1-0000000000", fake.requestsFor("m").get(0).header("authorization"));

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertFalse(run("chat", "-m", "m", "hi").err().contains("readable by other users"));
    }

    @Test
    void aConfigFileReadableByOthersHoldingAKeyGetsAWarning() throws Exception {
        config("# sk-or-v1-abcdefghijklmnop", "rounds=2");
        Files.setPosixFilePermissions(configFile, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun r = run("debate", "--dry-run", "T");
        assertTrue(r.err().contains("is readable by other users and line 1 looks like an API key"), r.toString());
        Files.setPosixFilePermissions(configFile, PosixFilePermissions.fromString("rw-------"));
        assertFalse(run("debate", "--dry-run", "T").err().contains("readable by other users"));
    }

    // ---- aliases

    @Test
    void builtInAndUserAliasesResolveBeforeTheRequest() throws Exception {
        fake.script("openai/gpt-4o-mini", Reply.stream("built-in alias"));
        fake.script("my/own-model", Reply.stream("user alias"));
        config("base-url=" + fake.baseUrl(), "alias.mine=my/own-model");
        CliRun builtIn = run("chat", "-m", "gpt-4o-mini", "hi");
        assertEquals("built-in alias\n", builtIn.out(), builtIn.toString());
        assertTrue(builtIn.err().contains("openai/gpt-4o-mini ·"), "the resolved id is shown: " + builtIn);
        CliRun user = run("chat", "-m", "mine", "hi");
        assertEquals("user alias\n", user.out(), user.toString());
        CliRun debate = run("debate", "--dry-run", "--no-validate", "--pro", "mine", "--con", "deepseek-r1", "--judge", "gpt-4o", "--rounds", "1", "T");
        assertTrue(debate.out().contains("\"model\": \"my/own-model\"")
                && debate.out().contains("\"model\": \"deepseek/deepseek-r1\"")
                && debate.out().contains("\"model\": \"openai/gpt-4o\""), debate.toString());
    }

    @Test
    void modelsAliasesListsThemWithTheirOrigin() throws Exception {
        config("alias.mine=my/own-model", "alias.gpt-4o=openai/gpt-4o-2024-11-20");
        CliRun r = run("models", "--aliases");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("llama-3.3-70b\tmeta-llama/llama-3.3-70b-instruct\tbuilt-in"), r.out());
        assertTrue(lines.contains("gemini-pro\t~google/gemini-pro-latest\tbuilt-in"), r.out());
        assertTrue(lines.contains("mine\tmy/own-model\t" + configFile), r.out());
        assertTrue(lines.contains("gpt-4o\topenai/gpt-4o-2024-11-20\t" + configFile), "the user's replaces the built-in: " + r.out());
        assertTrue(fake.requests().isEmpty(), "no server needed");
    }

    // ---- validation

    @Test
    void anUnknownIdStopsBeforeAnyRequestWithSuggestions() {
        env.put("OPENROUTER_API_KEY", "sk-or-v1-test-000000");
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "-m", "openai/gpt-4o-mimi", "hi");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("'openai/gpt-4o-mimi' (--model/--fallback) is not a model of 127.0.0.1; did you mean openai/gpt-4o-mini"),
                r.toString());
        assertTrue(r.err().contains("--no-validate"), r.toString());
        assertTrue(fake.requestsFor("openai/gpt-4o-mimi").isEmpty());

        CliRun debate = run("debate", "--base-url", fake.baseUrl(), "--pro", "openai/gpt-4o-mini", "--con", "mistralai/mistral-large",
                "--judge", "antropic/claude-sonnet-4.5", "T");
        assertEquals(2, debate.exitCode(), debate.toString());
        assertTrue(debate.err().contains("'antropic/claude-sonnet-4.5' (--judge)")
                && debate.err().contains("did you mean anthropic/claude-sonnet-4.5"), debate.toString());
        assertEquals(2, fake.modelsRequests().size(),
                "fetched once, then cached; the cached list refusing an id is checked once more against the server");
        assertEquals(fake.modelsRequests().size(), fake.requests().size(), "no chat request was sent");
        assertTrue(r.err().contains("arena models --refresh"), r.toString());
    }

    @Test
    void aModelNewerThanTheCachedListIsFoundByAskingTheServerAgain() {
        fake.models("{\"data\":[{\"id\":\"old/model\"}]}");
        fake.script("old/model", Reply.stream("old"));
        assertEquals(0, run("chat", "--base-url", fake.baseUrl(), "-m", "old/model", "hi").exitCode());
        // As after `ollama pull`: the server now lists a model the cached list does not.
        fake.models("{\"data\":[{\"id\":\"old/model\"},{\"id\":\"new/model\"}]}");
        fake.script("new/model", Reply.stream("new"));
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "-m", "new/model", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("new\n", r.out());
        assertEquals(2, fake.modelsRequests().size());
    }

    @Test
    void noValidateSkipsTheCheck() {
        CliRun r = run("chat", "--no-validate", "--base-url", fake.baseUrl(), "-m", "not/listed", "hi");
        assertEquals(1, r.exitCode(), "the server refuses it instead: " + r);
        assertTrue(fake.modelsRequests().isEmpty());
        assertEquals(1, fake.requestsFor("not/listed").size());
    }

    @Test
    void variantsAndOllamaTagsCountAsListed() {
        fake.script("openai/gpt-4o-mini:nitro", Reply.stream("fast"));
        fake.models("{\"data\":[{\"id\":\"openai/gpt-4o-mini\"},{\"id\":\"llama3.2:latest\"}]}");
        assertEquals(0, run("chat", "--base-url", fake.baseUrl(), "-m", "openai/gpt-4o-mini:nitro", "hi").exitCode());
        fake.script("llama3.2", Reply.stream("local"));
        assertEquals(0, run("chat", "--base-url", fake.baseUrl(), "-m", "llama3.2", "hi").exitCode());
    }

    @Test
    void withOnlyTheBuiltInListIdsAreNotRefusedButTheUserIsWarned() {
        fake.modelsReply(Reply.errorMessage(500, "models down"));
        fake.script("not/in-the-built-in-list", Reply.stream("answered"));
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "-m", "not/in-the-built-in-list", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("answered\n", r.out());
        assertEquals(1, r.err().lines().filter(l -> l.contains("model ids not checked")).count(), r.toString());
    }

    @Test
    void aModelListLargerThan32MiBDoesNotBlockAChat() {
        fake.modelsReply(Reply.largeModelList(33L * 1024 * 1024));
        fake.script("big/chat", Reply.stream("answered"));
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "-m", "big/chat", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("answered\n", r.out());
        assertTrue(r.err().contains("larger than 32 MiB"), r.toString());
        assertEquals(1, r.err().lines().filter(l -> l.contains("model ids not checked")).count(), r.toString());
    }

    @Test
    void anExpiringIdIsAWarning() {
        LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        fake.models("{\"data\":[{\"id\":\"old/model\",\"expiration_date\":\"" + soon + "\"},"
                + "{\"id\":\"gone/model\",\"expiration_date\":\"2020-01-01\"},{\"id\":\"far/model\",\"expiration_date\":\"2999-01-01\"}]}");
        fake.script("old/model", Reply.stream("still here"));
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "-m", "old/model", "--fallback", "gone/model,far/model", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("warning: old/model will be removed on " + soon + " (in 10 days)"), r.toString());
        assertTrue(r.err().contains("warning: gone/model was to be removed on 2020-01-01"), r.toString());
        assertFalse(r.err().contains("far/model"), r.toString());
    }

    @Test
    void aDryRunChecksAgainstTheCacheOnly() {
        CliRun none = run("debate", "--dry-run", "--base-url", fake.baseUrl(), "--pro", "nope/x", "T");
        assertEquals(0, none.exitCode(), none.toString());
        assertTrue(none.err().contains("model ids not checked: there is no cached model list"), none.toString());
        assertTrue(fake.requests().isEmpty(), "a dry run never goes online");
        assertEquals(0, run("models", "--base-url", fake.baseUrl()).exitCode());
        CliRun cached = run("debate", "--dry-run", "--base-url", fake.baseUrl(), "--pro", "nope/x", "T");
        assertEquals(2, cached.exitCode(), cached.toString());
        assertTrue(cached.err().contains("'nope/x' (Pro)"), cached.toString());
    }

    // ---- estimated costs in the debate

    @Test
    void aDebateOnAServerWithoutCostsShowsEstimatedCosts() {
        fake.models("{\"data\":[{\"id\":\"local/pro\",\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\"}},"
                + "{\"id\":\"local/con\",\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\"}}]}");
        fake.script("local/pro", Reply.stream("Pro speaks.").ollamaStyle());
        fake.script("local/con", Reply.stream("Con answers.").ollamaStyle());
        CliRun r = run("debate", "--base-url", fake.baseUrl(), "--pro", "local/pro", "--con", "local/con", "--rounds", "1", "T");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("local/pro") && r.out().contains("(estimated)"), "per-turn line: " + r);
        String summary = r.out().substring(r.out().indexOf("## Summary"));
        assertTrue(summary.matches("(?s).*\\| Pro \\| 1 \\| \\d+ \\| \\d+ \\| ~\\$0\\.\\d+ \\(estimated\\) \\|.*"), summary);

        CliRun json = run("debate", "--json", "--base-url", fake.baseUrl(), "--pro", "local/pro", "--con", "local/con", "--rounds", "1", "T");
        assertTrue(json.out().contains("\"cost_estimated\":true"), json.toString());
    }
}
