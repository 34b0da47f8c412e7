package dev.arena.cli;

import com.google.gson.JsonElement;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.RecordedRequest;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One-shot chat going on from a stored conversation (-c, --session, --cid), and old session files imported once. */
class ChatContinueTest {

    @TempDir
    Path home;

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();
    private Path db;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        env.put("HOME", home.toString());
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

    /** arena chat on a pipe, against the fake server, without the model list. */
    private CliRun chat(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"chat", "--base-url", fake.baseUrl(), "--no-validate"}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRun.of("", false, env, all);
    }

    private static List<String> roles(RecordedRequest request) {
        List<String> roles = new ArrayList<>();
        for (JsonElement m : request.json().getAsJsonArray("messages")) {
            roles.add(m.getAsJsonObject().get("role").getAsString() + ":" + m.getAsJsonObject().get("content").getAsString());
        }
        return roles;
    }

    private List<String> column(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        // A fast chat leaves its record in the journal: move it in, as any reading arena does.
        dev.arena.store.StoreReader.open(db, home.resolve("cache")).ifPresent(dev.arena.store.StoreReader::close);
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new Properties());
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private void execute(String sql) throws Exception {
        // A fast chat leaves its record in the journal: move it in, as any reading arena does.
        dev.arena.store.StoreReader.open(db, home.resolve("cache")).ifPresent(dev.arena.store.StoreReader::close);
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new Properties());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void continueSendsTheEarlierMessagesToTheConversationsModel() throws Exception {
        fake.script("special", Reply.stream("Bonjour"), Reply.stream("Hello"));
        assertEquals(0, chat("-m", "special", "-s", "Be brief", "--temperature", "0.4", "Say hello in French").exitCode());
        CliRun r = chat("-c", "and in English?");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("Hello\n", r.out());
        RecordedRequest second = fake.requestsFor("special").get(1);
        assertEquals(List.of("system:Be brief", "user:Say hello in French", "assistant:Bonjour", "user:and in English?"),
                roles(second), "the conversation's model, system prompt and history");
        assertEquals(0.4, second.json().get("temperature").getAsDouble(), "and its settings");
        assertEquals(1, column("SELECT id FROM conversations").size(), "one conversation");
        assertEquals(List.of("Say hello in French", "and in English?"),
                column("SELECT prompt FROM requests ORDER BY rowid"), "both requests belong to it");
    }

    @Test
    void anExplicitModelOverridesTheConversationsAndStaysWithIt() throws Exception {
        fake.script("a", Reply.stream("one"));
        fake.script("b", Reply.stream("two"), Reply.stream("three"));
        chat("-m", "a", "first");
        assertEquals(0, chat("-c", "-m", "b", "second").exitCode());
        assertEquals(0, chat("-c", "third").exitCode());
        assertEquals(List.of("user:first", "assistant:one", "user:second", "assistant:two", "user:third"),
                roles(fake.requestsFor("b").get(1)));
        assertEquals(List.of("b"), column("SELECT model FROM conversations"));
    }

    @Test
    void aSessionIsStartedByNameThenContinued() throws Exception {
        fake.script("m", Reply.stream("one"), Reply.stream("other"), Reply.stream("two"));
        assertEquals(0, chat("-m", "m", "--session", "work", "first").exitCode());
        assertEquals(0, chat("-m", "m", "unrelated").exitCode());
        CliRun r = chat("--session", "work", "second");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("user:first", "assistant:one", "user:second"), roles(fake.requestsFor("m").get(2)));
        assertEquals(List.of("work"), column("SELECT name FROM conversations WHERE name IS NOT NULL"));
    }

    @Test
    void cidGoesOnFromAConversationByAPrefixOfItsId() throws Exception {
        fake.script("m", Reply.stream("one"), Reply.stream("newer"), Reply.stream("two"));
        chat("-m", "m", "first");
        String id = column("SELECT id FROM conversations").get(0);
        chat("-m", "m", "a newer conversation");
        CliRun r = chat("--cid", id.substring(0, 10).toUpperCase(java.util.Locale.ROOT), "second");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("user:first", "assistant:one", "user:second"), roles(fake.requestsFor("m").get(2)));
        CliRun unknown = chat("--cid", "zzzzzzzz", "x");
        assertEquals(3, unknown.exitCode(), unknown.toString());
        assertEquals("arena: no conversation or debate has the id zzzzzzzz (list them: arena logs)\n", unknown.err());
    }

    @Test
    void cidOfADebateIsAUsageError() throws Exception {
        fake.script("m", Reply.stream("one"));
        chat("-m", "m", "first");
        execute("INSERT INTO conversations (id, kind, title, created_at, updated_at) VALUES"
                + " ('01jdebate0000000000000000a', 'debate', 'motion', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')");
        CliRun r = chat("--cid", "01jdebate", "x");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("arena: 01jdebate0000000000000000a is a debate; continue chats only\n", r.err());
        assertEquals(1, fake.requests().size());
    }

    @Test
    void continueWithNothingToContinueIsExitOne() throws Exception {
        CliRun none = chat("-c", "more");
        assertEquals(1, none.exitCode(), none.toString());
        assertEquals("arena: no conversation to continue yet (start one: arena chat \"...\")\n", none.err());
        assertFalse(Files.exists(db), "reading made no store");
        CliRun noStoreCid = chat("--cid", "01jf0000", "more");
        assertEquals(1, noStoreCid.exitCode(), noStoreCid.toString());
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void aStoreThatCannotBeReadIsExitThree() throws Exception {
        Files.createDirectories(db.getParent());
        Files.write(db, new byte[4096]);
        Files.writeString(db, "garbage, not SQLite".repeat(50));
        CliRun corrupt = chat("-c", "more");
        assertEquals(3, corrupt.exitCode(), corrupt.toString());
        assertEquals("arena: " + db + " is not a database arena can read (damaged, or another kind of file)\n", corrupt.err());
        Files.delete(db);

        fake.script("m", Reply.stream("one"));
        chat("-m", "m", "first");
        execute("INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')");
        CliRun newer = chat("-c", "more");
        assertEquals(3, newer.exitCode(), newer.toString());
        assertTrue(newer.err().startsWith("arena: the store " + db + " comes from a newer arena (schema 999;"), newer.toString());
        assertEquals(1, fake.requests().size(), "nothing asked without the history");
    }

    @Test
    void noLogReadsTheHistoryButRecordsNothing() throws Exception {
        fake.script("m", Reply.stream("one"), Reply.stream("two"));
        chat("-m", "m", "first");
        CliRun r = chat("-c", "--no-log", "second");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("user:first", "assistant:one", "user:second"), roles(fake.requestsFor("m").get(1)));
        assertEquals(List.of("first"), column("SELECT prompt FROM requests"));
    }

    @Test
    void optionsThatChooseTheConversationAreExclusive() {
        CliRun r = chat("-c", "--cid", "01jf0000", "x");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("arena: --continue, --session and --cid each choose the conversation: give one of them\n"),
                r.toString());
        assertTrue(fake.requests().isEmpty());
    }

    // ---- the session files of an older arena ----

    private Path sessionFile(String name, String json, Instant modified) throws Exception {
        Path file = Files.createDirectories(home.resolve("data/arena/sessions")).resolve(name + ".json");
        Files.writeString(file, json);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void oldSessionFilesAreImportedOnceAndLastSessionIsTheLast() throws Exception {
        String versioned = """
                {"format": "arena-chat", "version": 1, "model": "m", "fallbacks": ["backup"], "system": "Sys",
                 "temperature": 0.5, "messages": [
                  {"role": "user", "content": "v1 question"},
                  {"role": "assistant", "content": "v1 answer", "model": "m"},
                  {"role": "user", "content": "v1 again"},
                  {"role": "assistant", "content": "v1 cut", "model": "other", "cut": true}]}
                """;
        String unversioned = """
                {"format": "arena-chat", "model": "old", "messages": [
                  {"role": "user", "content": "old question"},
                  {"role": "assistant", "content": "old answer"},
                  {"role": "user", "content": "never answered"}]}
                """;
        String newer = "{\"format\":\"arena-chat\",\"version\":2,\"model\":\"m\",\"messages\":[]}";
        Path v1 = sessionFile("work", versioned, Instant.parse("2026-11-20T10:00:00Z"));
        sessionFile("early", unversioned, Instant.parse("2026-11-01T10:00:00Z"));
        Path future = sessionFile("future", newer, Instant.parse("2026-11-25T10:00:00Z"));
        Files.writeString(home.resolve("data/arena/last-session"), "early\n");

        fake.script("old", Reply.stream("continued"));
        CliRun r = chat("-c", "go on");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("arena: warning: an old session was not imported into the store: " + future + ": written by a newer"
                + " arena (session format version 2; this one reads up to 1); open it with that arena, or upgrade this one;"
                + " the file is left as it is"), r.err().lines().filter(l -> l.contains("warning")).toList(), r.toString());
        assertEquals(List.of("user:old question", "assistant:old answer", "user:go on"), roles(fake.requestsFor("old").get(0)),
                "last-session's session is the last; a prompt never answered is not part of its history");

        fake.script("m", Reply.stream("more"));
        assertEquals(0, chat("--session", "work", "and then?").exitCode());
        RecordedRequest work = fake.requestsFor("m").get(0);
        assertEquals(List.of("system:Sys", "user:v1 question", "assistant:v1 answer", "user:v1 again", "assistant:v1 cut",
                "user:and then?"), roles(work));
        assertEquals(0.5, work.json().get("temperature").getAsDouble());
        assertEquals(List.of("complete", "complete", "cut", "failed"),
                column("SELECT status FROM requests WHERE process = 'import' ORDER BY status"));
        assertEquals(List.of(SessionImportKeys.of(home.resolve("data/arena/sessions/early.json")), SessionImportKeys.of(v1)),
                column("SELECT path FROM session_imports ORDER BY path"), "the newer file is tried again next time");
        assertTrue(Files.exists(v1) && Files.exists(future), "the files are left where they are");

        assertEquals(0, chat("-c", "once more").exitCode());
        assertEquals(2, column("SELECT id FROM conversations WHERE name IN ('work', 'early')").size(), "not imported again");
        assertEquals(4, column("SELECT id FROM requests WHERE process = 'import'").size());
    }

    /** How session_imports names a file. */
    private static final class SessionImportKeys {
        static String of(Path file) {
            return dev.arena.store.SessionImport.key(file);
        }
    }
}
