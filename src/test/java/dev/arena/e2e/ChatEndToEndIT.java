package dev.arena.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.RecordedRequest;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static dev.arena.e2e.ArenaProcess.arena;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real bin/arena, stdout on a pipe, against the fake OpenRouter: the contract scripts rely on. */
class ChatEndToEndIT {

    private static final String KEY = "sk-or-v1-e2e-secret-key-0123456789";
    private static FakeOpenRouter fake;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenRouter.start().requireKey(KEY);
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    /** arena chat against the fake with the key in the environment. */
    private static ArenaProcess chat(String... args) {
        return ArenaProcess.against(fake, KEY, "chat", args);
    }

    private static void assertNoKeyIn(ArenaProcess.Result r) {
        assertFalse(r.stdout().contains(KEY) || r.stderr().contains(KEY), "the key leaked:\n" + r);
    }

    @Test
    void stdoutCarriesExactlyTheAnswerThenOneNewline() {
        fake.script("e2e/hello", Reply.stream("Hello", ", wörld ", "😀").servedModel("e2e/hello-2025"));
        ArenaProcess.Result r = chat("-m", "e2e/hello", "Say", "hello").run();
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("Hello, wörld 😀\n", r.stdout(), r.toString());
        assertTrue(r.stderr().contains("e2e/hello-2025"), "usage line names the model that answered:\n" + r);
        RecordedRequest sent = fake.requestsFor("e2e/hello").get(0);
        assertEquals("Say hello", sent.json().getAsJsonArray("messages").get(0).getAsJsonObject().get("content").getAsString());
        assertNoKeyIn(r);
    }

    @Test
    void promptFromStdinAndInstructionFromArguments() {
        fake.script("e2e/stdin", Reply.stream("ok"));
        ArenaProcess.Result piped = chat("-m", "e2e/stdin").stdin("What is 2+2?\n").run();
        assertEquals("ok\n", piped.stdout(), piped.toString());
        ArenaProcess.Result both = chat("-m", "e2e/stdin", "-s", "Be brief.", "Summarise this:").stdin("the material\n").run();
        assertEquals(0, both.exitCode(), both.toString());
        List<RecordedRequest> sent = fake.requestsFor("e2e/stdin");
        assertEquals("What is 2+2?", userContent(sent.get(0)));
        assertEquals("Summarise this:\n\nthe material", userContent(sent.get(1)));
        assertEquals("system", sent.get(1).json().getAsJsonArray("messages").get(0).getAsJsonObject().get("role").getAsString());
    }

    @Test
    void missingKeyAgainstOpenRouterIsAConfigurationError() {
        ArenaProcess.Result r = arena("chat", "hello").run();
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("OPENROUTER_API_KEY"), r.toString());
        assertEquals(1, r.stderr().lines().count(), "one sentence:\n" + r);
    }

    /** A JDK whose trust store cannot be read (an empty cacerts on a slim image, say). */
    @Test
    void aBrokenTrustStoreIsOneSentenceNotAStackTrace() {
        ArenaProcess.Result r = arena("chat", "--base-url", "https://127.0.0.1:1/v1", "--no-validate",
                "--retries", "0", "-m", "e2e/tls", "hi")
                .env("OPENROUTER_API_KEY", "sk-or-v1-test")
                .env("ARENA_JAVA_OPTS", "-Djavax.net.ssl.trustStore=/nonexistent -Djavax.net.ssl.trustStoreType=bogus")
                .run();
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("cannot set up the HTTP client"), r.toString());
        assertFalse(r.stderr().contains("Exception"), r.toString());
        assertEquals(1, r.stderr().lines().count(), "one sentence:\n" + r);
    }

    @Test
    void refusedKeyStopsWithoutFallback() {
        fake.script("e2e/fallback-never", Reply.stream("should not be asked"));
        ArenaProcess.Result r = arena("chat", "--base-url", fake.baseUrl(), "--fallback", "e2e/fallback-never", "hi")
                .env("OPENROUTER_API_KEY", "sk-or-v1-wrong-key-0000000000").run();
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("refused the API key"), r.toString());
        assertTrue(fake.requestsFor("e2e/fallback-never").isEmpty());
        assertFalse(r.stderr().contains("sk-or-v1-wrong-key"), r.toString());
    }

    @Test
    void badFlagIsAUsageError() {
        ArenaProcess.Result r = arena("chat", "--no-such-flag", "hi").run();
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("--no-such-flag"), r.toString());
        ArenaProcess.Result temperature = chat("--temperature", "7", "hi").run();
        assertEquals(2, temperature.exitCode(), temperature.toString());
        ArenaProcess.Result noPrompt = chat().run();
        assertEquals(2, noPrompt.exitCode(), noPrompt.toString());
    }

    @Test
    void fallsBackBeforeTheFirstTokenAndSaysWhoAnswered() {
        fake.script("e2e/down", Reply.errorMessage(503, "No provider available"));
        fake.script("e2e/up", Reply.stream("from the backup"));
        ArenaProcess.Result r = chat("-m", "e2e/down", "--fallback", "e2e/up", "--retries", "1", "hi").run();
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("from the backup\n", r.stdout());
        assertTrue(r.stderr().contains("falling back to e2e/up"), r.toString());
        assertEquals(2, fake.requestsFor("e2e/down").size(), "one retry, then fallback");
    }

    @Test
    void aCutAnswerIsContinuedByTheNextModelWithoutRepeats() {
        fake.script("e2e/cut", Reply.stream("The answer", " is", " never shown").resetAfter(2));
        fake.script("e2e/continue", Reply.stream(" forty-two."));
        ArenaProcess.Result r = chat("-m", "e2e/cut", "--fallback", "e2e/continue", "question").run();
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("The answer is forty-two.\n", r.stdout());
        assertTrue(r.stderr().contains("e2e/continue continues the answer"), r.toString());
        assertEquals(1, fake.requestsFor("e2e/cut").size(), "no retry after text was shown");
        var messages = fake.requestsFor("e2e/continue").get(0).json().getAsJsonArray("messages");
        JsonObject last = messages.get(messages.size() - 1).getAsJsonObject();
        assertEquals("assistant", last.get("role").getAsString());
        assertEquals("The answer is", last.get("content").getAsString());
    }

    @Test
    void whenEveryModelFailsThePartialAnswerStaysAndExitIsOne() {
        fake.script("e2e/partial", Reply.stream("Half an", " answer", "...").errorAfter(2, 502, "Provider returned error"));
        ArenaProcess.Result r = chat("-m", "e2e/partial", "q").run();
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("Half an answer\n", r.stdout());
        assertTrue(r.stderr().contains("Provider returned error"), r.toString());
        assertTrue(r.stderr().contains("partial answer was kept"), r.toString());
    }

    @Test
    void unknownModelFailsWithTheServersSentence() {
        ArenaProcess.Result r = chat("--no-validate", "-m", "e2e/no-such-model", "hi").run();
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("e2e/no-such-model is not a valid model ID"), r.toString());
        assertEquals("", r.stdout());
    }

    @Test
    void aStalledStreamIsCutAfterTheIdleTimeout() {
        fake.script("e2e/stall", Reply.stream("partial", " never").stallAfter(1));
        ArenaProcess.Result r = chat("-m", "e2e/stall", "--idle-timeout", "1500ms", "--retries", "0", "hi").run();
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("partial\n", r.stdout());
        assertTrue(r.stderr().contains("no data for 1.5s"), r.toString());
    }

    @Test
    void jsonEventsOnePerLine() {
        fake.script("e2e/json-down", Reply.errorMessage(500, "boom"));
        fake.script("e2e/json", Reply.stream("a", "b").usage(7, 2, 0.00042));
        ArenaProcess.Result r = chat("--json", "-m", "e2e/json-down", "--fallback", "e2e/json", "--retries", "0", "hi").run();
        assertEquals(0, r.exitCode(), r.toString());
        List<JsonObject> events = r.stdout().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).collect(Collectors.toList());
        assertEquals(List.of("start", "fallback", "delta", "delta", "usage", "end"),
                events.stream().map(e -> e.get("type").getAsString()).collect(Collectors.toList()), r.toString());
        assertEquals("e2e/json", events.get(1).get("to").getAsString());
        assertEquals(500, events.get(1).get("status").getAsInt());
        assertEquals("a", events.get(2).get("content").getAsString());
        assertEquals(0.00042, events.get(4).get("cost").getAsDouble(), 1e-12);
        assertEquals(7, events.get(4).get("prompt_tokens").getAsInt());
        assertEquals("e2e/json", events.get(5).get("model").getAsString());
    }

    @Test
    void debugLogRedactsTheKey() {
        fake.script("e2e/debug", Reply.stream("fine"));
        ArenaProcess.Result r = chat("--debug", "-m", "e2e/debug", "hi").run();
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("Authorization: Bearer [redacted]"), r.toString());
        assertTrue(r.stderr().contains("< HTTP 200"), r.toString());
        assertNoKeyIn(r);
    }

    @Test
    void aClosedPipeEndsQuietlyAndCancelsTheRequest() throws Exception {
        String[] pieces = new String[400];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = "token" + i + " ";
        }
        fake.script("e2e/long", Reply.stream(pieces).delayMillis(25));
        String script = "set -o pipefail; '" + ArenaProcess.LAUNCHER + "' chat --base-url " + fake.baseUrl()
                + " -m e2e/long hi | head -c 20";
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectInput(new java.io.File("/dev/null"));
        pb.environment().put("OPENROUTER_API_KEY", KEY);
        // A store of its own: the inherited environment would record into the developer's.
        pb.environment().put("XDG_DATA_HOME", java.nio.file.Files.createTempDirectory("arena-e2e-data-").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int exit = p.waitFor();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals("token0 token1 token2", out);
        assertEquals(0, exit, err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertTrue(seconds < 8, "arena kept reading a stream nobody wanted for " + seconds + " s");
    }

    @Test
    void ctrlCKeepsWhatArrivedAndExits130() throws Exception {
        fake.script("e2e/slow", Reply.stream("first words", " never sent").stallAfter(1));
        ArenaProcess.Running running = chat("-m", "e2e/slow", "--idle-timeout", "60s", "hi").start();
        running.awaitStdout("first words");
        running.signal("INT");
        ArenaProcess.Result r = running.waitFor();
        assertEquals(130, r.exitCode(), r.toString());
        assertEquals("first words\n", r.stdout());
        assertTrue(r.stderr().contains("interrupted"), r.toString());
        assertFalse(r.stderr().contains("Exception"), r.toString());
    }

    @Test
    void helpAndVersion() {
        ArenaProcess.Result help = arena("--help").run();
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("chat") && help.stdout().contains("130"), help.toString());
        ArenaProcess.Result version = arena("--version").run();
        assertTrue(version.stdout().matches("arena \\d+\\.\\d+\\.\\d+.*\\n"), version.toString());
    }

    private static String userContent(RecordedRequest request) {
        var messages = request.json().getAsJsonArray("messages");
        return messages.get(messages.size() - 1).getAsJsonObject().get("content").getAsString();
    }

    /** The launcher and the jar, built for Java 17, must also run on the newest JDK installed here. */
    @Test
    void runsOnANewerJdkWithoutWarnings() {
        Path newer = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        Assumptions.assumeTrue(Files.isExecutable(newer.resolve("bin/java")), "no JDK 25 on this machine");
        fake.script("e2e/jdk25", Reply.stream("still ", "fine"));
        ArenaProcess.Result r = chat("-m", "e2e/jdk25", "hi").env("JAVA_HOME", newer.toString()).run();
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("still fine\n", r.stdout());
        assertFalse(r.stderr().contains("WARNING"), r.toString());
    }
}
