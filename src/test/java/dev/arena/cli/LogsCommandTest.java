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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** arena logs in-process, over stores filled by real chats and debates against the fake server. */
class LogsCommandTest {

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();

    @TempDir
    Path home;

    private Path db;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        db = home.resolve("data/arena/arena.db");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun run(String... args) {
        return CliRun.of(null, false, env, args);
    }

    private CliRun onTerminal(String... args) {
        return CliRun.of(null, true, env, args);
    }

    /** One recorded one-shot chat: {@code model} answers {@code answer} to {@code prompt}. */
    private void chat(String model, String prompt, Reply answer) {
        fake.script(model, answer);
        CliRun r = run("chat", "--base-url", fake.baseUrl(), "-m", model, prompt);
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(r.err().contains("warning"), r.toString());
    }

    private void chat(String model, String prompt, String answer) {
        chat(model, prompt, Reply.stream(answer));
    }

    private void debate(String motion) {
        fake.script("d/pro", Reply.stream("Pro argues."));
        fake.script("d/con", Reply.stream("Con replies."));
        String scores = "\"scores\":{\"A\":{\"argument_strength\":8,\"rebuttal\":7,\"evidence\":6,\"clarity\":9},"
                + "\"B\":{\"argument_strength\":5,\"rebuttal\":5,\"evidence\":5,\"clarity\":5}}";
        fake.script("d/judge", Reply.stream("{\"winner\":\"A\"," + scores + ",\"rationale\":\"A was sharper.\"}"));
        CliRun r = run("debate", "--base-url", fake.baseUrl(), "--pro", "d/pro", "--con", "d/con", "--rounds", "1",
                "--judge", "d/judge", motion);
        assertEquals(0, r.exitCode(), r.toString());
    }

    /** The titles of a pipe's lines (the last tab-separated field, or the one before a snippet). */
    private static List<String> titles(CliRun r, int field) {
        List<String> titles = new ArrayList<>();
        r.lines().forEach(line -> titles.add(line.split("\t", -1)[field]));
        return titles;
    }

    private static List<JsonObject> json(CliRun r) {
        return r.lines().stream().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    }

    private void sql(String statement) throws Exception {
        // A fast chat leaves its record in the journal: move it in, as any reading arena does.
        dev.arena.store.StoreReader.open(db, home.resolve("cache")).ifPresent(dev.arena.store.StoreReader::close);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void noStoreSaysSoExitsZeroAndCreatesNothing() {
        for (String[] args : new String[][] {{"logs"}, {"logs", "--json"}, {"logs", "-q", "cats"}}) {
            CliRun r = run(args);
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("", r.out());
            assertEquals("arena: nothing is recorded yet (the store would be " + db + ")\n", r.err());
        }
        assertFalse(Files.exists(home.resolve("data")), "a reading command creates no file");
    }

    @Test
    void listsTheLatestEntriesNewestLastTenByDefault() {
        for (int i = 1; i <= 12; i++) {
            chat("m/a", "question " + i, Reply.stream("answer " + i).withoutUsage());
        }
        CliRun r = run("logs");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> expected = new ArrayList<>();
        for (int i = 3; i <= 12; i++) {
            expected.add("question " + i);
        }
        assertEquals(expected, titles(r, 6));
        assertEquals(List.of("question 11", "question 12"), titles(run("logs", "-n", "2"), 6));
        assertEquals(12, run("logs", "-n", "0").lines().size());
        String[] fields = r.lines().get(0).split("\t");
        assertEquals(26, fields[0].length(), r.lines().get(0));
        assertTrue(fields[1].matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"), fields[1]);
        assertEquals(List.of("chat", "m/a", "1", "unknown"), List.of(fields).subList(2, 6));
        assertEquals("", r.err());
    }

    @Test
    void badCountsAndModelsAreUsageErrors() {
        CliRun r = run("logs", "-n", "-1");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("arena: -n must be 0 (all) or more, not -1\n"), r.toString());
        CliRun word = run("logs", "-n", "abc");
        assertEquals(2, word.exitCode(), word.toString());
        assertTrue(word.err().startsWith("arena: Invalid value for option '-n': 'abc' is not a whole number\n"), word.toString());
        CliRun blank = run("logs", "-m", " ");
        assertEquals(2, blank.exitCode(), blank.toString());
        assertTrue(blank.err().startsWith("arena: -m must not be empty\n"), blank.toString());
    }

    @Test
    void anEmptyStoreSaysSo() throws Exception {
        dev.arena.store.Database.open(db, home.resolve("cache")).close();
        CliRun r = run("logs");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.out());
        assertEquals("arena: the store " + db + " holds no conversation or debate yet\n", r.err());
    }

    @Test
    void jsonLinesHaveStableKeysAndTheSums() {
        chat("m/priced", "what costs", Reply.stream("a little").usage(10, 20, 0.0012));
        debate("Tabs beat spaces");
        List<JsonObject> entries = json(run("logs", "--json"));
        assertEquals(2, entries.size());
        Set<String> keys = Set.of("id", "kind", "title", "name", "created_at", "updated_at", "models", "requests",
                "cost_usd", "cost_estimated");
        JsonObject chat = entries.get(0);
        assertEquals(keys, chat.keySet());
        assertEquals("chat", chat.get("kind").getAsString());
        assertEquals("what costs", chat.get("title").getAsString());
        assertTrue(chat.get("name").isJsonNull());
        assertEquals("[\"m/priced\"]", chat.get("models").toString());
        assertEquals(1, chat.get("requests").getAsInt());
        assertEquals(0.0012, chat.get("cost_usd").getAsDouble(), 1e-12);
        assertFalse(chat.get("cost_estimated").getAsBoolean());
        assertTrue(Instant.parse(chat.get("created_at").getAsString())
                .compareTo(Instant.parse(chat.get("updated_at").getAsString())) <= 0);
        JsonObject debate = entries.get(1);
        assertEquals(keys, debate.keySet());
        assertEquals("debate", debate.get("kind").getAsString());
        assertEquals("Tabs beat spaces", debate.get("title").getAsString());
        assertEquals("[\"d/pro\",\"d/con\"]", debate.get("models").toString());
        assertEquals(4, debate.get("requests").getAsInt(), "two turns, two judge readings");
        assertTrue(debate.get("cost_usd").getAsDouble() > 0, debate.toString());
    }

    @Test
    void modelFilterMatchesTheModelAskedOrTheAnsweringOneAndResolvesAliases() {
        chat("openai/gpt-4o-mini", "via the alias", "a");
        chat("m/other", "another", "b");
        chat("m/asked", "fell back", Reply.stream("c").servedModel("m/served"));
        assertEquals(List.of("via the alias"), titles(run("logs", "-m", "gpt-4o-mini"), 6));
        assertEquals(List.of("fell back"), titles(run("logs", "-m", "m/asked"), 6));
        assertEquals(List.of("fell back"), titles(run("logs", "-m", "m/served"), 6));
        CliRun none = run("logs", "-m", "m/none");
        assertEquals(0, none.exitCode(), none.toString());
        assertEquals("", none.out());
        assertEquals("arena: no entry matches\n", none.err());
    }

    @Test
    void sinceTakesADurationOrALocalDate() throws Exception {
        chat("m/a", "old one", "a");
        chat("m/a", "new one", "b");
        String threeDaysAgo = Instant.now().minus(3, ChronoUnit.DAYS).toString();
        sql("UPDATE conversations SET updated_at = '" + threeDaysAgo + "' WHERE title = 'old one'");
        assertEquals(List.of("new one"), titles(run("logs", "--since", "2d"), 6));
        assertEquals(List.of("new one"), titles(run("logs", "--since", "30m"), 6));
        assertEquals(List.of("old one", "new one"), titles(run("logs", "--since", "4d"), 6));
        LocalDate yesterday = LocalDate.now(ZoneId.systemDefault()).minusDays(1);
        assertEquals(List.of("new one"), titles(run("logs", "--since", yesterday.toString()), 6));
        assertEquals(List.of("new one"), titles(run("logs", "--since", yesterday + "T00:00"), 6));
        assertEquals(List.of("old one", "new one"), titles(run("logs", "--since", yesterday.minusDays(3).toString()), 6));
        for (String bad : new String[] {"soon", "2026-13-40", "yesterday", "-2h"}) {
            CliRun r = run("logs", "--since", bad);
            assertEquals(2, r.exitCode(), r.toString());
            assertTrue(r.err().startsWith("arena: Invalid value for option '--since': '" + bad
                    + "' is neither a duration (30m, 2h, 3d) nor a date (2026-11-30, 2026-11-30T12:00)\n"), r.toString());
        }
    }

    @Test
    void debatesOrChatsButNotBoth() {
        chat("m/a", "a chat", "a");
        debate("A motion");
        assertEquals(List.of("A motion"), titles(run("logs", "--debates"), 6));
        assertEquals("d/pro vs d/con", run("logs", "--debates").lines().get(0).split("\t")[3]);
        assertEquals(List.of("a chat"), titles(run("logs", "--chats"), 6));
        CliRun both = run("logs", "--debates", "--chats");
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().startsWith("arena: --debates and --chats cannot be combined"), both.toString());
    }

    @Test
    void searchPutsTheBestMatchFirstWithASnippet() {
        chat("m/a", "tell me of dogs", "Dogs bark. Somewhere a cat sleeps, but this is about dogs, walks and many other things"
                + " that have nothing to do with it at all.");
        chat("m/a", "cats", "Cats purr; cats nap; cats rule.");
        chat("m/a", "unrelated", "Nothing here.");
        CliRun r = run("logs", "-q", "cats");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("cats"), titles(r, 6), "a cat is not cats: FTS5 matches whole words");
        CliRun star = run("logs", "-q", "cat*");
        assertEquals(0, star.exitCode(), star.toString());
        assertEquals(List.of("tell me of dogs"), titles(star, 6), "* is text (dropped as punctuation), not a prefix operator");
        chat("m/a", "one more", "A cat, and cats.");
        List<JsonObject> hits = json(run("logs", "-q", "cats", "--json"));
        assertEquals(List.of("cats", "one more"), hits.stream().map(h -> h.get("title").getAsString()).toList());
        assertEquals(List.of(1, 2), hits.stream().map(h -> h.get("rank").getAsInt()).toList());
        assertTrue(hits.get(0).get("snippet").getAsString().contains("[cats]"), hits.get(0).toString());
        assertEquals(List.of("cats"), titles(run("logs", "-q", "cats", "-n", "1"), 6));
        assertEquals(List.of("unrelated", "one more"), titles(run("logs", "-n", "2"), 6), "without -q, newest last");
        String snippet = run("logs", "-q", "cats").lines().get(0).split("\t")[7];
        assertTrue(snippet.contains("[cats]"), snippet);
        List<String> terminal = onTerminal("logs", "-q", "cats").lines();
        assertEquals(5, terminal.size(), "a header, then each entry and its snippet: " + terminal);
        assertTrue(terminal.get(1).endsWith("  cats"), terminal.get(1));
        assertTrue(terminal.get(2).startsWith("    ") && terminal.get(2).contains("[Cats] purr"), terminal.get(2));
    }

    @Test
    void searchWordsMustAllOccurAndFtsSyntaxIsJustText() {
        chat("m/a", "near and far", "AND NEAR (x* \"quoted");
        chat("m/a", "other", "x only");
        CliRun r = run("logs", "-q", "\"AND (x* NEAR");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("near and far"), titles(r, 6));
        CliRun odd = run("logs", "-q", "\" ( ) * ^ : NOT OR -");
        assertEquals(0, odd.exitCode(), odd.toString());
        assertFalse(odd.err().contains("syntax"), odd.toString());
        for (String empty : new String[] {"", "   "}) {
            CliRun e = run("logs", "-q", empty);
            assertEquals(2, e.exitCode(), e.toString());
            assertTrue(e.err().startsWith("arena: -q needs words to search for"), e.toString());
        }
    }

    @Test
    void onATerminalColumnsAlignTitlesAreCutAndEscapesStripped() {
        chat("m/a", "\u001b]52;c;ZXZpbA==\u0007clip \u001b[31mred\u001b[0m and a title long enough to be cut at a hundred columns wide, which it is", "a");
        env.put("COLUMNS", "100");
        CliRun r = onTerminal("logs");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> lines = r.lines();
        assertEquals(2, lines.size(), r.toString());
        assertTrue(lines.get(0).matches("ID +TIME +KIND +MODELS +REQ +COST +TITLE"), lines.get(0));
        assertFalse(r.out().contains("\u001b"), r.toString());
        assertEquals(100, lines.get(1).codePointCount(0, lines.get(1).length()), lines.get(1));
        assertTrue(lines.get(1).endsWith("…"), lines.get(1));
        assertTrue(lines.get(1).contains("  clip red and a title"), lines.get(1));
        assertEquals(lines.get(0).indexOf("TITLE"), lines.get(1).indexOf("clip"));
        CliRun pipe = run("logs");
        assertTrue(pipe.out().endsWith("\tclip red and a title long enough to be cut at a hundred columns wide, which it is\n"), pipe.toString());
    }

    @Test
    void pathFollowsDbThenArenaDbThenTheDefault() {
        assertEquals(db + "\n", run("logs", "path").out());
        env.put("ARENA_DB", home.resolve("env.db").toString());
        assertEquals(home.resolve("env.db") + "\n", run("logs", "path").out());
        assertEquals(home.resolve("flag.db") + "\n", run("logs", "--db", home.resolve("flag.db").toString(), "path").out());
        assertEquals(home.resolve("flag.db") + "\n", run("logs", "path", "--db", home.resolve("flag.db").toString()).out());
        assertFalse(Files.exists(home.resolve("env.db")));
    }

    @Test
    void theDbFlagChoosesTheStoreToList() {
        Path other = home.resolve("other.db");
        fake.script("m/a", Reply.stream("a"));
        assertEquals(0, run("chat", "--base-url", fake.baseUrl(), "--db", other.toString(), "-m", "m/a", "elsewhere").exitCode());
        assertEquals(List.of("elsewhere"), titles(run("logs", "--db", other.toString()), 6));
        assertEquals("arena: nothing is recorded yet (the store would be " + db + ")\n", run("logs").err());
    }

    @Test
    void statusSaysWhetherAndWhyThenWhatTheStoreHolds() {
        CliRun empty = run("logs", "status");
        assertEquals(0, empty.exitCode(), empty.toString());
        assertEquals("logging:   on (the default)\nfile:      " + db + " (not created yet: nothing is recorded)\n", empty.out());
        chat("m/a", "one", "a");
        debate("two");
        CliRun r = run("logs", "status");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> lines = r.lines();
        assertEquals(List.of("logging:   on (the default)", "file:      " + db), lines.subList(0, 2));
        assertTrue(lines.get(2).matches("size: {6}\\d+\\.\\d (KiB|MiB)"), lines.get(2));
        assertTrue(lines.get(3).matches("schema: {4}[1-9]\\d*"), lines.get(3)); // later migrations raise it
        assertEquals(List.of("chats:     1", "debates:   1", "requests:  5"), lines.subList(4, 7));
    }

    @Test
    void offLeavesTheMarkerOnRemovesItAndStatusTellsWhy() {
        chat("m/a", "before", "a");
        Path marker = home.resolve("state/arena/logs-off");
        CliRun off = run("logs", "off");
        assertEquals(0, off.exitCode(), off.toString());
        assertEquals("logging is off: arena records nothing until arena logs on\n", off.out());
        assertTrue(Files.exists(marker));
        assertEquals(0, run("logs", "off").exitCode(), "off twice is fine");
        assertEquals("logging:   off (arena logs off left " + marker + ")", run("logs", "status").lines().get(0));
        chat("m/a", "while off", "b");
        assertEquals(List.of("before"), titles(run("logs"), 6));
        CliRun on = run("logs", "on");
        assertEquals(0, on.exitCode(), on.toString());
        assertEquals("logging is on: arena records every run in " + db + "\n", on.out());
        assertFalse(Files.exists(marker));
        chat("m/a", "after", "c");
        assertEquals(List.of("before", "after"), titles(run("logs"), 6));
    }

    @Test
    void theEnvironmentAndTheConfigFileDecideOverTheMarker() throws Exception {
        env.put("ARENA_LOG", "true");
        CliRun off = run("logs", "off");
        assertEquals(0, off.exitCode(), off.toString());
        assertEquals("", off.out());
        assertEquals("arena: $ARENA_LOG is true, which decides over arena logs on/off: logging stays on\n", off.err());
        assertEquals("logging:   on ($ARENA_LOG is true)", run("logs", "status").lines().get(0));
        chat("m/a", "recorded anyway", "a");
        assertEquals(List.of("recorded anyway"), titles(run("logs"), 6));
        env.remove("ARENA_LOG");
        Path config = home.resolve("config/arena/config.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "# mine\nlog=false\n");
        assertEquals("logging:   off (log=false in " + config + " line 2)", run("logs", "status").lines().get(0));
        CliRun on = run("logs", "on");
        assertEquals("arena: log=false in " + config + " line 2, which decides over arena logs on/off: logging stays off\n", on.err());
        env.put("ARENA_LOG", "maybe");
        CliRun bad = run("logs", "status");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().startsWith("arena: $ARENA_LOG: 'maybe' is not true or false\n"), bad.toString());
    }

    @Test
    void aCorruptStoreIsExitThreeWithTheSentence() throws Exception {
        Files.createDirectories(db.getParent());
        Files.write(db, "this is not a database, only some garbage bytes that fill a page or so".repeat(80).getBytes());
        String sentence = "arena: " + db + " is not a database arena can read (damaged, or another kind of file)\n";
        for (String[] args : new String[][] {{"logs"}, {"logs", "-q", "x"}}) {
            CliRun r = run(args);
            assertEquals(3, r.exitCode(), r.toString());
            assertEquals("", r.out());
            assertEquals(sentence, r.err());
        }
        CliRun status = run("logs", "status");
        assertEquals(3, status.exitCode(), status.toString());
        assertTrue(status.out().startsWith("logging:   on (the default)\nfile:      " + db + "\nsize:  "), status.toString());
        assertEquals(sentence, status.err());
    }

    @Test
    void aStoreFromANewerArenaIsExitThree() throws Exception {
        chat("m/a", "one", "a");
        sql("INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00Z')");
        CliRun r = run("logs");
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().matches("arena: the store " + java.util.regex.Pattern.quote(db.toString())
                + " comes from a newer arena \\(schema 999; this one knows up to \\d+\\), so it was left as it is\n"), r.err());
    }

    @Test
    void theHelpListsTheSubcommands() {
        CliRun r = run("logs", "--help");
        assertEquals(0, r.exitCode(), r.toString());
        Set<String> commands = new TreeSet<>();
        for (String c : new String[] {"path", "status", "on", "off"}) {
            if (r.out().contains("\n  " + c + " ")) {
                commands.add(c);
            }
        }
        assertEquals(new TreeSet<>(Set.of("path", "status", "on", "off")), commands, r.out());
        assertFalse(r.out().contains("--no-log"), "logs records nothing: " + r.out());
    }
}
