package dev.arena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeModels;
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

/** arena models run in-process against the fake, with the cache in a temporary directory. */
class ModelsCommandTest {

    @TempDir
    Path cacheHome;

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        env.put("XDG_CACHE_HOME", cacheHome.toString());
        env.put("XDG_CONFIG_HOME", cacheHome.resolve("no-config").toString());
        env.put("ARENA_BASE_URL", fake.baseUrl());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun run(String... args) {
        return CliRun.of(null, terminal, env, args);
    }

    @Test
    void onAPipeTabSeparatedRowsSortedByName() {
        CliRun r = run("models");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of(
                "anthropic/claude-sonnet-4.5\tAnthropic: Claude Sonnet 4.5\t1000000\t3\t15",
                "openrouter/auto\tAuto Router\t2000000\t-\t-",
                "deepseek/deepseek-r1-0528:free\tDeepSeek: R1 0528 (free)\t163840\t0\t0",
                "mistralai/mistral-large\tMistral Large\t128000\t2\t6",
                "openai/gpt-4o-mini\tOpenAI: GPT-4o-mini\t128000\t0.15\t0.6"), r.lines());
        assertEquals("", r.err(), r.toString());
        assertFalse(r.out().contains("\u001b"));
    }

    @Test
    void quietModelsSayNothingButTheListAndTakeTheOtherCommandsFlags() {
        CliRun noisy = run("models", "--search", "nothing-like-this");
        assertTrue(noisy.err().contains("no model matches the filters"), noisy.toString());
        CliRun quiet = run("models", "-q", "--no-color", "--search", "nothing-like-this");
        assertEquals(0, quiet.exitCode(), quiet.toString());
        assertEquals("", quiet.err(), quiet.toString());

        CliRun show = run("models", "--quiet", "show", "--no-color", "-q", "openai/gpt-4o-mini");
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().startsWith("id:                   openai/gpt-4o-mini"), show.toString());
        assertFalse(show.out().contains("\u001b"), show.toString());
    }

    @Test
    void onATerminalAnAlignedTableThatFitsTheWidth() {
        terminal = true;
        env.put("COLUMNS", "80");
        CliRun r = run("models", "--sort", "price");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> lines = r.lines();
        assertTrue(lines.get(0).startsWith("ID "), r.toString());
        assertTrue(lines.get(0).contains("PROMPT/M"), r.toString());
        assertTrue(lines.get(1).startsWith("deepseek/deepseek-r1-0528:free"), r.toString());
        assertTrue(lines.get(1).contains("free"), r.toString());
        assertTrue(lines.get(2).contains("$0.15") && lines.get(2).contains("$0.60") && lines.get(2).contains("128,000"), r.toString());
        lines.forEach(line -> assertTrue(line.length() <= 80, "too wide: " + line));
        assertTrue(r.out().contains("Anthropic: C…"), "the name column is cut to fit: " + r);
        env.put("COLUMNS", "70");
        CliRun narrow = run("models");
        narrow.lines().forEach(line -> assertTrue(line.length() <= 70, "too wide: " + line));
        assertFalse(narrow.out().contains("NAME"), "no room for names: " + narrow);
    }

    @Test
    void filters() {
        assertEquals(List.of("deepseek/deepseek-r1-0528:free"), run("models", "--ids", "--free").lines());
        assertEquals(List.of("openai/gpt-4o-mini"), run("models", "--ids", "--search", "GPT").lines());
        assertEquals(List.of("deepseek/deepseek-r1-0528:free", "openai/gpt-4o-mini"),
                run("models", "--ids", "--max-price", "0.6", "--sort", "price").lines());
        assertEquals(List.of("anthropic/claude-sonnet-4.5", "openrouter/auto"), run("models", "--ids", "--min-context", "200000").lines());
        assertEquals(List.of("anthropic/claude-sonnet-4.5", "deepseek/deepseek-r1-0528:free"),
                run("models", "--ids", "--supports", "reasoning").lines());
        CliRun none = run("models", "--search", "nothing-like-this");
        assertEquals(0, none.exitCode());
        assertEquals("", none.out());
        assertTrue(none.err().contains("no model matches"), none.toString());
    }

    @Test
    void jsonIsAnArrayInOpenRoutersShape() {
        CliRun r = run("models", "--json", "--free");
        JsonArray models = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(1, models.size());
        assertEquals("deepseek/deepseek-r1-0528:free", models.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("0", models.get(0).getAsJsonObject().getAsJsonObject("pricing").get("prompt").getAsString());
    }

    @Test
    void theListIsCachedAndRefreshFetchesAgain() {
        run("models");
        run("models", "--ids");
        assertEquals(1, fake.modelsRequests().size(), "the second run used the cache");
        run("models", "--refresh");
        assertEquals(2, fake.modelsRequests().size());
    }

    @Test
    void offlineTheStaleCacheIsUsedAndWithoutItTheServerIsAnError() {
        run("models");
        fake.modelsReply(Reply.errorMessage(503, "down for maintenance"));
        CliRun cached = run("models", "--refresh", "--ids");
        assertEquals(0, cached.exitCode(), cached.toString());
        assertEquals(5, cached.lines().size());
        assertTrue(cached.err().contains("down for maintenance") && cached.err().contains("cached list from"), cached.toString());

        env.put("XDG_CACHE_HOME", cacheHome.resolve("empty").toString());
        CliRun none = run("models", "--ids");
        assertEquals(1, none.exitCode(), "OpenRouter's built-in list is not this server's: " + none);
        assertEquals("", none.out(), none.toString());
        assertTrue(none.err().startsWith("arena: could not fetch the model list from " + fake.baseUrl()), none.toString());
    }

    @Test
    void anUnreachableServerIsAnErrorWhoseMessageKeepsThePort() {
        CliRun r = run("models", "--base-url", "http://127.0.0.1:1/v1");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.out(), "no built-in OpenRouter models for another server: " + r);
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().startsWith("arena: could not fetch the model list from http://127.0.0.1:1/v1 ("), r.toString());
    }

    @Test
    void withJsonAFailureIsOneErrorEventOnStdout() {
        CliRun r = run("models", "--json", "--base-url", "http://127.0.0.1:1/v1");
        assertEquals(1, r.exitCode(), r.toString());
        JsonObject event = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("error", event.get("type").getAsString(), r.toString());
        assertEquals(1, event.get("exit_code").getAsInt());
        assertTrue(event.get("message").getAsString().startsWith("could not fetch the model list from http://127.0.0.1:1/v1 ("), r.toString());

        CliRun show = run("models", "show", "--json", "no/such-model");
        assertEquals(1, show.exitCode(), show.toString());
        JsonObject missing = JsonParser.parseString(show.out()).getAsJsonObject();
        assertEquals("error", missing.get("type").getAsString(), show.toString());
        assertEquals(1, missing.get("exit_code").getAsInt());
        assertEquals("arena: " + missing.get("message").getAsString() + "\n", show.err(), "the same sentence on stderr");
    }

    @Test
    void aModelListLargerThan32MiBIsRefusedInOneSentenceAndTheCacheServes() {
        String sentence = "the model list from 127.0.0.1 is larger than 32 MiB; check that the base URL points at a model server";
        fake.modelsReply(Reply.largeModelList(33L * 1024 * 1024));
        CliRun none = run("models", "--ids");
        assertEquals(1, none.exitCode(), none.toString());
        assertEquals(List.of("arena: could not fetch the model list from " + fake.baseUrl() + " (" + sentence
                + ") and there is no cached list; is the server running at that URL?"), none.err().lines().toList(), none.toString());

        fake.modelsReply(Reply.json(FakeModels.OPENROUTER));
        assertEquals(0, run("models").exitCode());
        fake.modelsReply(Reply.largeModelList(33L * 1024 * 1024));
        CliRun cached = run("models", "--refresh", "--ids");
        assertEquals(0, cached.exitCode(), cached.toString());
        assertEquals(5, cached.lines().size(), cached.toString());
        assertTrue(cached.err().startsWith("arena: could not fetch the model list (" + sentence + "); using the cached list from"),
                cached.toString());
    }

    @Test
    void aListJustUnderTheLimitIsRead() {
        fake.modelsReply(Reply.largeModelList(31L * 1024 * 1024));
        CliRun r = run("models", "--ids");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.err(), r.toString());
        assertTrue(r.lines().size() > 30_000, "about a thousand bytes a model: " + r.lines().size());
    }

    @Test
    void aCreatedDateNoCalendarHoldsIsLeftOut() {
        fake.models("{\"data\":[{\"id\":\"far/future\",\"created\":1e25,\"context_length\":4096}]}");
        CliRun r = run("models", "show", "far/future");
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(r.out().contains("created:"), r.toString());
        assertTrue(r.out().contains("context:              4,096 tokens"), r.toString());
    }

    @Test
    void ollamaListsIdsOnly() {
        fake.models(FakeModels.OLLAMA);
        CliRun r = run("models");
        assertEquals(List.of("llama3.2:latest\tllama3.2:latest\t-\t-\t-", "qwen2.5-coder:7b\tqwen2.5-coder:7b\t-\t-\t-"), r.lines());
    }

    @Test
    void showPrintsOneModel() {
        CliRun r = run("models", "show", "mistralai/mistral-large");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("price per 1M tokens:  $2.00 prompt, $6.00 completion"), r.toString());
        assertTrue(r.out().contains("context:              128,000 tokens"), r.toString());
        assertTrue(r.out().contains("supported parameters: max_tokens, temperature, tools"), r.toString());
        assertTrue(r.out().contains("expires:              2026-03-01"), r.toString());
        CliRun mini = run("models", "show", "openai/gpt-4o-mini");
        assertTrue(mini.out().contains("max completion:       16,384 tokens"), mini.toString());
        CliRun variant = run("models", "show", "openai/gpt-4o-mini:nitro");
        assertEquals(0, variant.exitCode(), "a variant shows its model, as chat accepts it: " + variant);
        assertTrue(variant.out().contains("max completion:       16,384 tokens"), variant.toString());
    }

    @Test
    void showTakesTheServerOptionsBeforeOrAfterShow() {
        env.remove("ARENA_BASE_URL");
        assertEquals(0, run("models", "--base-url", fake.baseUrl(), "show", "openai/gpt-4o-mini").exitCode());
        assertEquals(0, run("models", "show", "--base-url", fake.baseUrl(), "openai/gpt-4o-mini").exitCode());
    }

    @Test
    void anUnknownIdSuggestsTheNearestOnes() {
        CliRun r = run("models", "show", "gpt4o-mini");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no model 'gpt4o-mini'") && r.err().contains("did you mean openai/gpt-4o-mini?"), r.toString());
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("models", "--sort", "cheapest").exitCode());
        assertEquals(2, run("models", "--json", "--ids").exitCode());
        assertEquals(2, run("models", "--max-price", "-1").exitCode());
        assertEquals(2, run("models", "--base-url", "ftp://x").exitCode());
        assertEquals(2, run("models", "show").exitCode());
    }

    @Test
    void aMissingKeyFileIsAConfigurationError() {
        CliRun r = run("models", "--api-key-file", cacheHome.resolve("nope").toString());
        assertEquals(3, r.exitCode(), r.toString());
    }

    @Test
    void theKeyIsSentWhenSet() {
        fake.requireKey("sk-or-v1-models-key");
        env.put("OPENROUTER_API_KEY", "sk-or-v1-models-key");
        CliRun r = run("models", "--ids");
        assertEquals(5, r.lines().size(), r.toString());
        assertEquals("Bearer sk-or-v1-models-key", fake.modelsRequests().get(0).header("authorization"));
    }

    @Test
    void serverTextCannotDriveTheTerminal() {
        fake.models("{\"data\":[{\"id\":\"evil/model\",\"name\":\"Evil\\u001b]52;c;aGk=\\u0007\\tName\\nTwo\"}]}");
        CliRun r = run("models");
        assertEquals(List.of("evil/model\tEvil Name Two\t-\t-\t-"), r.lines());
    }

    @Test
    void chatEstimatesTheCostFromTheCachedPrices() {
        fake.models("{\"data\":[{\"id\":\"llama3.2\",\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\"}}]}");
        fake.script("llama3.2", Reply.stream("local ", "answer").ollamaStyle());
        CliRun before = run("chat", "--no-validate", "-m", "llama3.2", "hi");
        assertTrue(before.err().contains("cost unknown"), "no cache yet, no estimate: " + before);
        assertEquals(0, fake.modelsRequests().size(), "without the id check, chat never fetches the list");
        CliRun after = run("chat", "-m", "llama3.2", "hi");
        assertEquals(0, after.exitCode(), after.toString());
        assertTrue(after.err().contains("(estimated)") && after.err().contains("~$0.0000"), after.toString());
        run("chat", "-m", "llama3.2", "hi");
        assertEquals(1, fake.modelsRequests().size(), "the id check fetched the list once; then the cache is fresh");
        CliRun json = run("chat", "--json", "-m", "llama3.2", "hi");
        assertTrue(json.out().contains("\"cost_estimated\":true"), json.toString());
    }
}
