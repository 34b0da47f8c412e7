package dev.arena.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every string a server controls, run in-process against a fake server that fills each one
 * with an OSC title, a screen clear and the key itself: neither the sequences nor the key
 * reach stdout, stderr or a transcript.
 */
class HostileServerTest {

    static final String KEY = "sk-or-v1-0123456789abcdef0123456789abcdef";
    /** Sets the window title, then clears the screen. */
    static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[2J";

    @TempDir
    Path home;

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("ARENA_BASE_URL", fake.baseUrl());
        env.put("OPENROUTER_API_KEY", KEY);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun run(String... args) {
        return CliRun.of("", false, env, args);
    }

    /** Neither the key (in any case) nor an escape character, raw or as a JSON escape. */
    static void assertClean(String what, String text) {
        assertFalse(text.toLowerCase(Locale.ROOT).contains(KEY.toLowerCase(Locale.ROOT)), what + " holds the key: " + text);
        assertFalse(text.contains("\u001b") || text.contains("\u0007"), what + " holds an escape sequence: " + text);
        assertFalse(text.contains("\\u001b"), what + " holds an escaped ESC: " + text);
        assertFalse(text.contains("pwned"), what + " holds the OSC title's payload: " + text);
    }

    private static void assertClean(CliRun r) {
        assertClean("stdout", r.out());
        assertClean("stderr", r.err());
    }

    @Test
    void aServedModelNameWithSequencesAndTheKeyReachesNeitherTheUsageLineNorJson() {
        fake.script("m", Reply.stream("Hello").servedModel("evil/" + HOSTILE + KEY));
        CliRun plain = run("chat", "-m", "m", "hi");
        assertEquals(0, plain.exitCode(), plain.toString());
        assertEquals("Hello\n", plain.out());
        assertTrue(plain.err().startsWith("arena: evil/[redacted] · "), plain.toString());
        assertClean(plain);

        CliRun json = run("chat", "--json", "-m", "m", "hi");
        assertEquals(0, json.exitCode(), json.toString());
        JsonObject end = JsonParser.parseString(json.lines().get(json.lines().size() - 1)).getAsJsonObject();
        assertEquals("evil/[redacted]", end.get("model").getAsString());
        assertClean(json);
    }

    @Test
    void theKeyEchoedInTheAnswerIsRemovedHoweverItIsSplitOrCased() {
        fake.script("m", Reply.stream("your key is SK-OR-V1-0123", "456789ABCDEF0123456789", "abcdef", "!"));
        CliRun plain = run("chat", "-m", "m", "hi");
        assertEquals("your key is [redacted]!\n", plain.out(), plain.toString());
        CliRun json = run("chat", "--json", "-m", "m", "hi");
        StringBuilder deltas = new StringBuilder();
        json.lines().stream().map(l -> JsonParser.parseString(l).getAsJsonObject())
                .filter(e -> e.get("type").getAsString().equals("delta"))
                .forEach(e -> deltas.append(e.get("content").getAsString()));
        assertEquals("your key is [redacted]!", deltas.toString());
        assertClean(json);
    }

    @Test
    void anErrorMessageWithSequencesAndTheKeyIsOneCleanSentence() {
        fake.script("m", Reply.errorMessage(500, "invalid key " + KEY + HOSTILE + " for this\nrequest"));
        CliRun r = run("chat", "--retries", "0", "-m", "m", "hi");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("HTTP 500: invalid key [redacted] for this request"), r.toString());
        assertClean(r);

        fake.script("e", Reply.stream("x").errorAfter(1, "server_error", HOSTILE + "echo " + KEY));
        CliRun event = run("chat", "--retries", "0", "-m", "e", "hi");
        assertEquals(1, event.exitCode(), event.toString());
        assertTrue(event.err().contains("echo [redacted]"), event.toString());
        assertClean(event);
    }

    @Test
    void debugLogsOfHeadersAndBodiesAreStrippedAndRedacted() {
        // OSC 52 writes the clipboard, OSC 0 the title, ESC[6n makes the terminal type its cursor position.
        String body = "{\"error\":{\"message\":\"\u001b]52;c;ZXZpbA==\u0007\u001b]0;pwned\u0007\u001b[6n"
                + "\\u0073k-or-v1-0123456789abcdef0123456789ABCDEF\"}}";
        fake.script("m", Reply.error(502, body).header("X-Echo", "pwned " + KEY));
        CliRun r = run("chat", "--debug", "--retries", "0", "-m", "m", "hi");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("arena[debug]: < {\"error\":{\"message\":\"[redacted]\"}}"), r.toString());
        assertTrue(r.err().contains("[redacted]"), r.toString());
        assertFalse(r.err().contains("[6n") || r.err().contains("52;c"), r.toString());
        assertFalse(r.err().toLowerCase(Locale.ROOT).contains(KEY.toLowerCase(Locale.ROOT)), r.toString());
        assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), r.toString());
    }

    /**
     * A debug log quotes the server's JSON as it came: an escape written as {@code \\u001b}
     * there is plain text to a terminal; a raw one and the key must not be there.
     */
    private static void assertInert(String log) {
        assertFalse(log.contains("\u001b") || log.contains("\u0007"), log);
        assertFalse(log.toLowerCase(Locale.ROOT).contains(KEY.toLowerCase(Locale.ROOT)), log);
    }

    @Test
    void modelsDebugLogsTheRequestAndResponseWithoutTheKeyOrSequences() {
        fake.modelsReply(Reply.error(502, "{\"error\":{\"message\":\"" + json(HOSTILE) + KEY + "\"}}")
                .header("X-Echo", "pwned " + KEY));
        env.put("ARENA_BASE_URL", fake.baseUrl()); // not OpenRouter: a failure is an error, not the built-in list
        CliRun r = run("models", "--debug", "--refresh");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("arena[debug]: > GET " + fake.baseUrl() + "/models (Authorization: Bearer [redacted])"),
                r.toString());
        assertTrue(r.err().contains("arena[debug]: < HTTP 502"), r.toString());
        assertTrue(r.err().contains("arena[debug]: < {\"error\""), r.toString());
        assertInert(r.err());

        CliRun show = run("models", "show", "--debug", "--refresh", "evil/m");
        assertEquals(1, show.exitCode(), show.toString());
        assertTrue(show.err().contains("arena[debug]: > GET "), show.toString());
        CliRun quiet = run("models", "--refresh");
        assertFalse(quiet.err().contains("arena[debug]"), "no log without --debug: " + quiet);
    }

    @Test
    void debugLogsEachStreamEventRedactedStrippedAndCut() {
        String longPiece = "x".repeat(dev.arena.openrouter.DebugText.MAX_CHARS + 100);
        fake.script("m", Reply.stream("Hi " + HOSTILE + KEY, longPiece));
        CliRun r = run("chat", "--debug", "-m", "m", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> data = r.err().lines().filter(l -> l.startsWith("arena[debug]: < data: ")).toList();
        assertTrue(data.size() >= 3, "one line per event: " + r);
        assertTrue(data.stream().anyMatch(l -> l.contains("Hi ") && l.contains("[redacted]")), r.toString());
        assertTrue(data.stream().anyMatch(l -> l.endsWith(" more characters)")), "a long event is cut: " + r);
        assertTrue(data.stream().allMatch(l -> l.length() < dev.arena.openrouter.DebugText.MAX_CHARS + 100), r.toString());
        assertTrue(data.get(data.size() - 1).contains("[DONE]"), r.toString());
        assertInert(r.err());
    }

    @Test
    void modelNamesAndDescriptionsReachNoOutputWithSequencesOrTheKey() throws java.io.IOException {
        fake.models("{\"data\":[{\"id\":\"evil/m\",\"name\":\"Evil " + json(HOSTILE) + KEY + "\","
                + "\"description\":\"Says " + json(HOSTILE) + "\\u0073k-or-v1-0123456789abcdef0123456789abcdef\","
                + "\"context_length\":1000,\"pricing\":{\"prompt\":\"0\",\"completion\":\"0\"}}]}");
        CliRun rows = run("models");
        assertEquals(0, rows.exitCode(), rows.toString());
        assertEquals("evil/m\tEvil [redacted]\t1000\t0\t0\n", rows.out());
        assertClean(rows);

        CliRun show = run("models", "show", "evil/m");
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().contains("name:                 Evil [redacted]"), show.toString());
        assertTrue(show.out().contains("Says [redacted]"), show.toString());
        assertClean(show);

        CliRun json = run("models", "--json");
        assertEquals("Evil " + HOSTILE + "[redacted]",
                JsonParser.parseString(json.out()).getAsJsonArray().get(0).getAsJsonObject().get("name").getAsString(),
                "JSON keeps the text as the server sent it, without the key");
        assertFalse(json.out().contains(KEY), json.toString());

        try (java.util.stream.Stream<Path> cached = java.nio.file.Files.walk(home.resolve("cache"))) {
            List<Path> files = cached.filter(java.nio.file.Files::isRegularFile).toList();
            assertFalse(files.isEmpty(), "the list was cached");
            for (Path file : files) {
                String text = java.nio.file.Files.readString(file);
                assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains(KEY.toLowerCase(java.util.Locale.ROOT)), file + ": " + text);
                assertTrue(text.contains("[redacted]"), "the cache holds the list without the key: " + text);
            }
        }
    }

    @Test
    void aFailedModelListQuotingTheKeyAndSequencesIsOneCleanNotice() {
        fake.modelsReply(Reply.errorMessage(500, "key " + KEY + " refused" + HOSTILE));
        CliRun r = run("models", "--ids");
        // Not OpenRouter: no built-in list to fall back on, so an error.
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("(HTTP 500: key [redacted] refused)"), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertClean(r);
    }

    @Test
    void aJudgesRationaleWithSequencesAndTheKeyReachesNoOutputNorTranscript() throws Exception {
        fake.script("p", Reply.stream("Pro says " + KEY));
        fake.script("c", Reply.stream("Con says no").servedModel("c/" + HOSTILE + KEY));
        String scores = "\"scores\":{\"A\":{\"argument_strength\":8,\"rebuttal\":7,\"evidence\":6,\"clarity\":9},"
                + "\"B\":{\"argument_strength\":5,\"rebuttal\":5,\"evidence\":5,\"clarity\":5}}";
        // The key JSON-escaped inside the verdict: decoded only when arena reads the verdict.
        fake.script("j", Reply.stream("{\"winner\":\"A\"," + scores + ",\"rationale\":\"A " + json(HOSTILE)
                + "quoted \\u0073k-or-v1-0123456789abcdef0123456789abcdef.\"}"));
        for (String file : List.of("t.md", "t.json", "t.jsonl")) {
            Path out = home.resolve(file);
            CliRun r = run("debate", "--pro", "p", "--con", "c", "--judge", "j", "--rounds", "1", "-o", out.toString(),
                    "Tabs beat spaces");
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.out().contains("A quoted [redacted]."), r.toString());
            assertTrue(r.out().contains("Pro says [redacted]"), r.toString());
            assertClean(r);
            String transcript = Files.readString(out);
            assertFalse(transcript.toLowerCase(Locale.ROOT).contains(KEY.toLowerCase(Locale.ROOT)), transcript);
            assertFalse(transcript.contains("\u001b") || transcript.contains("\u0007"), transcript);
            assertTrue(transcript.contains("[redacted]"), transcript);
        }
    }

    @Test
    void jsonOnATerminalEscapesC1AndBidiControlsAndStaysValidJson() {
        String[] pieces = {"a\u009b31mb\u0085", "\u202eevil\u202c", "\u2066x\u2069\u200e\u200f\u061c", "\u001b[2Jend"};
        fake.script("m", Reply.stream(pieces).servedModel("m\u009d0;t\u009c"));
        CliRun chat = CliRun.of("", true, env, "chat", "--json", "-m", "m", "hi");
        assertEquals(0, chat.exitCode(), chat.toString());
        assertEquals(String.join("", pieces), concatenated(chat, "delta", "content"), "escaped, the text reads the same");

        fake.script("p", Reply.stream(pieces));
        fake.script("c", Reply.stream("plain"));
        CliRun debate = CliRun.of("", true, env, "debate", "--json", "--pro", "p", "--con", "c", "--rounds", "1", "Tabs");
        assertEquals(0, debate.exitCode(), debate.toString());
        assertEquals(String.join("", pieces) + "plain", concatenated(debate, "delta", "content"));
        fake.models("{\"data\":[{\"id\":\"evil/m\",\"name\":\"a\u009b31mb \u202eevil\u202c ==\","
                + "\"description\":\"\u200f\u061c x\",\"context_length\":1000}]}");
        CliRun models = CliRun.of("", true, env, "models", "--json", "--refresh");
        assertEquals(0, models.exitCode(), models.toString());
        assertEquals("a\u009b31mb \u202eevil\u202c ==", JsonParser.parseString(models.out()).getAsJsonArray().get(0)
                .getAsJsonObject().get("name").getAsString(), "escaped, the name reads the same");
        assertTrue(models.out().contains("\"a\\u009b31mb \\u202eevil\\u202c ==\""), "no HTML escaping of '=' either: " + models.out());
        for (CliRun r : List.of(chat, debate, models)) {
            for (int i = 0; i < r.out().length(); i++) {
                char c = r.out().charAt(i);
                boolean c1 = c >= 0x80 && c <= 0x9F;
                boolean bidi = c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
                assertFalse(c < 0x20 && c != '\n' || c1 || bidi,
                        "U+" + Integer.toHexString(c) + " raw on the terminal: " + r.out());
            }
        }
        for (CliRun r : List.of(chat, debate)) {
            assertTrue(r.out().contains("\\u009b31mb\\u0085") && r.out().contains("\\u202eevil\\u202c"), r.out());
        }
    }

    /** The {@code field} of every event of {@code type}, in order; every line must parse as JSON. */
    private static String concatenated(CliRun r, String type, String field) {
        StringBuilder text = new StringBuilder();
        for (String line : r.lines()) {
            JsonObject event = JsonParser.parseString(line).getAsJsonObject();
            if (event.get("type").getAsString().equals(type)) {
                text.append(event.get(field).getAsString());
            }
        }
        return text.toString();
    }

    /** {@code text} as it goes inside a JSON string. */
    private static String json(String text) {
        String quoted = new com.google.gson.JsonPrimitive(text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }
}
