package dev.arena.repl;

import dev.arena.catalog.Aliases;
import dev.arena.catalog.CachedModelNames;
import dev.arena.catalog.CatalogCache;
import dev.arena.catalog.ModelInfo;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TAB after {@code /model} and {@code /retry} offers the whole cached catalogue of the chat's
 * server and the aliases, read from the cache file only, once, and only when asked.
 */
class ModelCompletionTest {

    private static final URI BASE = URI.create("http://127.0.0.1:9/v1");
    private static final Aliases ALIASES = Aliases.builtIn().with(Map.of("mine", "my/model"), "config");

    @TempDir
    Path dir;

    /** Caches this catalogue for {@link #BASE} in the test's cache directory, as {@code arena models} does. */
    private void cache(String... ids) throws Exception {
        List<ModelInfo> models = java.util.Arrays.stream(ids).map(ModelInfo::ofId).toList();
        new CatalogCache(dir, BASE, () -> models, CatalogCache.DEFAULT_TTL, Clock.systemUTC()).load(true);
    }

    private static List<String> complete(Supplier<? extends Collection<String>> models, String line) {
        List<Candidate> candidates = new ArrayList<>();
        new SlashCommands(models).complete(null, new ContinuationParser().parse(line, line.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void modelAndRetryOfferTheWholeCachedCatalogueAndTheAliases() throws Exception {
        cache("openai/gpt-4o", "anthropic/claude-sonnet-4.5", "qwen/qwen3-235b:free");
        CachedModelNames names = new CachedModelNames(dir, BASE, ALIASES);
        for (String line : List.of("/model ", "/model qw", "/retry anth")) {
            List<String> offered = complete(names, line);
            assertTrue(offered.containsAll(List.of("openai/gpt-4o", "anthropic/claude-sonnet-4.5", "qwen/qwen3-235b:free")),
                    line + ": " + offered);
            assertTrue(offered.containsAll(List.of("gpt-4o-mini", "claude-sonnet", "mine")), line + ": " + offered);
            assertEquals(offered.stream().distinct().toList(), offered, "each name once: " + offered);
        }
    }

    @Test
    void withoutACacheTheAliasesAreOffered() {
        List<String> offered = complete(new CachedModelNames(dir, BASE, ALIASES), "/model ");
        assertEquals(ALIASES.all().stream().map(Aliases.Alias::name).toList(), offered);
    }

    @Test
    void onlyTheCatalogueOfTheChatsServerIsOffered() throws Exception {
        cache("local/only");
        List<String> offered = complete(new CachedModelNames(dir, URI.create("https://openrouter.ai/api/v1"), ALIASES),
                "/model ");
        assertFalse(offered.contains("local/only"), offered.toString());
    }

    @Test
    void theCacheIsReadOnFirstUseAndThenKept() throws Exception {
        CachedModelNames names = new CachedModelNames(dir, BASE, ALIASES);
        cache("late/arrival"); // written after the chat started, before the first TAB
        assertTrue(names.get().contains("late/arrival"), names.get().toString());
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        assertTrue(names.get().contains("late/arrival"), "a second TAB does not read the file again");
    }

    @Test
    void otherCommandsAndOtherWordsOfferNoModels() throws Exception {
        cache("openai/gpt-4o");
        CachedModelNames names = new CachedModelNames(dir, BASE, ALIASES);
        assertEquals(List.of(), complete(names, "/system "));
        assertEquals(List.of(), complete(names, "/model openai/gpt-4o "));
        assertEquals(List.of(), complete(names, "tell me about "));
    }
}
