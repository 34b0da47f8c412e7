package dev.arena.e2e;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.arena.e2e.ArenaProcess.arena;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real bin/arena models, stdout on a pipe, against the fake OpenRouter. */
class ModelsEndToEndIT {

    private static FakeOpenRouter fake;

    @TempDir
    Path cacheHome;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenRouter.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    private ArenaProcess models(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "models";
        full[1] = "--base-url";
        full[2] = fake.baseUrl();
        System.arraycopy(args, 0, full, 3, args.length);
        return arena(full).env("XDG_CACHE_HOME", cacheHome.toString());
    }

    @Test
    void listsCachesAndFallsBackToTheCacheWhenTheServerFails() throws Exception {
        ArenaProcess.Result r = models("--free", "--ids").run();
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("deepseek/deepseek-r1-0528:free\n", r.stdout(), r.toString());
        try (var files = Files.list(cacheHome.resolve("arena"))) {
            assertEquals(1, files.count(), "one cache file for the base URL");
        }
        ArenaProcess.Result rows = models("--sort", "price").run();
        assertTrue(rows.stdout().startsWith("deepseek/deepseek-r1-0528:free\tDeepSeek: R1 0528 (free)\t163840\t0\t0\n"), rows.toString());

        fake.modelsReply(Reply.errorMessage(502, "upstream down"));
        ArenaProcess.Result stale = models("--refresh", "--ids").run();
        assertEquals(0, stale.exitCode(), stale.toString());
        assertEquals(5, List.of(stale.stdout().split("\n")).size(), stale.toString());
        assertTrue(stale.stderr().contains("upstream down") && stale.stderr().contains("cached list"), stale.toString());
    }

    @Test
    void anUnknownIdExitsOneWithSuggestions() {
        ArenaProcess.Result r = models("show", "openai/gpt-4o-mnii").run();
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("did you mean openai/gpt-4o-mini?"), r.toString());
    }

    @Test
    void aFiftyMegabyteListIsOneSentenceInTheLaunchersHeapAndChatStillAnswers() {
        try (FakeOpenRouter big = FakeOpenRouter.start()) {
            big.modelsReply(Reply.largeModelList(50L * 1024 * 1024)).script("big/chat", Reply.stream("still answered"));
            ArenaProcess.Result models = arena("models", "--base-url", big.baseUrl(), "--ids")
                    .env("XDG_CACHE_HOME", cacheHome.toString()).run();
            // The fake is not OpenRouter's URL: with no cache, a list it cannot take is an error, not the built-in list.
            assertEquals(1, models.exitCode(), models.toString());
            assertTrue(models.stderr().startsWith("arena: could not fetch the model list from " + big.baseUrl()
                    + " (the model list from 127.0.0.1 is larger than 32 MiB; check that the base URL points at a model"
                    + " server) and there is no cached list"), models.toString());
            assertEquals(1, models.stderr().lines().count(), "one sentence, no stack trace: " + models);

            ArenaProcess.Result chat = ArenaProcess.against(big, "sk-or-v1-e2e", "chat", "-m", "big/chat", "hi")
                    .env("XDG_CACHE_HOME", cacheHome.toString()).run();
            assertEquals(0, chat.exitCode(), chat.toString());
            assertEquals("still answered\n", chat.stdout(), chat.toString());
            assertTrue(chat.stderr().contains("model ids not checked"), chat.toString());
        }
    }
}
