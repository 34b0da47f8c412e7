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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key never reaches the store, wherever it comes back from: the prompt, the system prompt, an answer, an error, a model name. */
class StoreKeepsNoKeyTest {

    private static final String KEY = "sk-or-v1-store-secret-0123456789abcdef";

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();

    @TempDir
    Path home;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("OPENROUTER_API_KEY", KEY);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args[0], "--base-url", fake.baseUrl(), "--db", home.resolve("k.db").toString()));
        all.addAll(List.of(args).subList(1, args.length));
        return CliRun.of(null, false, env, all.toArray(String[]::new));
    }

    @Test
    void noTextColumnNorAByteOfTheFileHoldsTheKey() throws Exception {
        fake.script("k/echo", Reply.echo().servedModel("k/served-" + KEY));
        fake.script("k/fails", Reply.errorMessage(500, "no such key " + KEY));
        fake.script("k/pro", Reply.echo());
        fake.script("k/con", Reply.stream("Con quotes ", KEY.toUpperCase(Locale.ROOT)));
        fake.script("k/judge", Reply.stream("not a verdict " + KEY));

        CliRun echoed = run("chat", "-m", "k/echo", "-s", "system " + KEY, "say " + KEY + " back");
        assertEquals(0, echoed.exitCode(), echoed.toString());
        assertTrue(echoed.out().contains("[redacted]"), echoed.toString());
        CliRun fellBack = run("chat", "-m", "k/fails", "--fallback", "k/echo", "--retries", "0", "again " + KEY);
        assertEquals(0, fellBack.exitCode(), fellBack.toString());
        CliRun failed = run("chat", "-m", "k/fails", "--retries", "0", "once more " + KEY);
        assertEquals(1, failed.exitCode(), failed.toString());
        CliRun debate = run("debate", "--pro", "k/pro", "--con", "k/con", "--judge", "k/judge", "--rounds", "1",
                "--retries", "0", "Motion " + KEY);
        for (CliRun r : List.of(echoed, fellBack, failed, debate)) {
            assertTrue(r.err().lines().noneMatch(l -> l.startsWith("arena: warning: the store")), r.toString());
        }

        Path db = home.resolve("k.db");
        assertTrue(rows(db, "SELECT count(*) FROM requests") >= 7, "every request was recorded");
        assertEquals(1, rows(db, "SELECT count(*) FROM requests WHERE status = 'failed' AND error LIKE '%no such key [redacted]%'"));
        assertEquals(2, rows(db, "SELECT count(*) FROM requests WHERE model LIKE 'k/served-%'"), "both answers of k/echo");
        List<String> leaks = textCellsWithTheKey(db);
        assertEquals(List.of(), leaks);
        for (Path file : List.of(db, Path.of(db + "-wal"))) {
            if (Files.exists(file)) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                assertFalse(bytes.contains(KEY.toLowerCase(Locale.ROOT)), "the key is in the bytes of " + file);
            }
        }
    }

    private static long rows(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    /** Every cell of every table, read as text, that holds the key in any letter case: table.column=value. */
    private static List<String> textCellsWithTheKey(Path db) throws Exception {
        List<String> leaks = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            assertTrue(tables.containsAll(List.of("conversations", "requests")), tables.toString());
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String cell = r.getString(i);
                            if (cell != null && cell.toLowerCase(Locale.ROOT).contains(KEY.toLowerCase(Locale.ROOT))) {
                                leaks.add(table + "." + r.getMetaData().getColumnName(i) + "=" + cell);
                            }
                        }
                    }
                }
            }
        }
        return leaks;
    }
}
