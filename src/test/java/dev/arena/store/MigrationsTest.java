package dev.arena.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Database.open brings any older store up to date in place, refuses a newer one untouched, and migrates once under a crowd. */
class MigrationsTest {

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("cache");
    }

    /** A store as the first release of the store left it: migration 1 alone, with a conversation and a request in it. */
    private Path versionOne() throws Exception {
        Path file = dir.resolve("v1.db");
        try (Connection c = StoreTesting.raw(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            for (String statement : Schema.MIGRATIONS.get(0).statements()) {
                s.execute(statement);
            }
            s.execute("INSERT INTO migrations VALUES (1, 'conversations and requests', '2026-01-01T00:00:00Z')");
            s.execute("INSERT INTO conversations (id, kind, title, created_at, updated_at)"
                    + " VALUES ('c1', 'chat', 'kept title', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
            s.execute("INSERT INTO requests (id, conversation_id, purpose, model_asked, chain, messages, prompt, response, sent_at, status, process)"
                    + " VALUES ('r1', 'c1', 'chat', 'm', '[\"m\"]', '[]', 'kept prompt', 'kept answer', '2026-01-01T00:00:00.000Z', 'complete', '1@0')");
        }
        return file;
    }

    private static List<Integer> versions(Connection c) throws Exception {
        List<Integer> versions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version FROM migrations ORDER BY version")) {
            while (r.next()) {
                versions.add(r.getInt(1));
            }
        }
        return versions;
    }

    private static List<Integer> allVersions() {
        return Schema.MIGRATIONS.stream().map(Schema.Migration::version).toList();
    }

    @Test
    void aVersionOneStoreIsUpgradedInPlaceWithItsRowsKept() throws Exception {
        Path file = versionOne();
        try (Connection c = Database.open(file, cache())) {
            assertEquals(Schema.VERSION, Schema.version(c, file));
            assertEquals(allVersions(), versions(c));
        }
        assertEquals(1, StoreTesting.number(file, "SELECT count(*) FROM conversations WHERE id = 'c1' AND title = 'kept title'"));
        assertEquals(1, StoreTesting.number(file, "SELECT count(*) FROM requests WHERE id = 'r1' AND response = 'kept answer'"));
        // The full-text index still finds what was stored before the upgrade.
        assertEquals(1, StoreTesting.number(file, "SELECT count(*) FROM requests_fts WHERE requests_fts MATCH 'kept'"));
    }

    @Test
    void theMigrationsAreThoseOfTheSchemaInOrder() {
        assertEquals(IntStream.rangeClosed(1, Schema.VERSION).boxed().toList(), allVersions(),
                "versions 1, 2, ... with no gap, the last one VERSION");
    }

    @Test
    void aStoreFromANewerArenaIsRefusedAndLeftByteForByte() throws Exception {
        // In WAL mode as arena makes it, and in rollback-journal mode as sqlite3 would: switching
        // the latter to WAL rewrites its header, which opening must not do before refusing.
        for (boolean wal : new boolean[] {true, false}) {
            Path file = dir.resolve("newer-" + wal + ".db");
            try (Connection c = StoreTesting.raw(file); Statement s = c.createStatement()) {
                if (wal) {
                    s.execute("PRAGMA journal_mode = WAL");
                }
                s.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
                s.execute("INSERT INTO migrations VALUES (999, 'from the future', '2030-01-01T00:00:00Z')");
            }
            byte[] before = Files.readAllBytes(file);
            StoreException e = assertThrows(StoreException.class, () -> Database.open(file, cache()));
            assertEquals("the store " + file + " comes from a newer arena (schema 999; this one knows up to " + Schema.VERSION
                    + "), so it was left as it is", e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file), "wal=" + wal);
            assertEquals(999, StoreTesting.number(file, "SELECT max(version) FROM migrations"));
        }
    }

    @Test
    void aDamagedFileIsRefusedAndLeftAsItIs() throws Exception {
        Path file = dir.resolve("garbage.db");
        byte[] garbage = new byte[8192];
        new java.util.Random(12).nextBytes(garbage);
        Files.write(file, garbage);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file, cache()));
        assertEquals(file + " is not a database arena can read (damaged, or another kind of file)", e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(file));
    }

    @Test
    void manyOpeningANewFileAtOnceAllSucceedAndMigrateOnce() throws Exception {
        int threads = 12;
        for (int attempt = 0; attempt < 5; attempt++) {
            Path file = dir.resolve("crowd-" + attempt + ".db");
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> opened = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Callable<Integer> open = () -> {
                        start.await();
                        try (Connection c = Database.open(file, cache())) {
                            return Schema.version(c, file);
                        }
                    };
                    opened.add(pool.submit(open));
                }
                for (Future<Integer> f : opened) {
                    assertEquals(Schema.VERSION, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = StoreTesting.raw(file)) {
                assertEquals(allVersions(), versions(c), "one row per version");
            }
        }
    }

    @Test
    void twoProcessesOpeningANewFileAtOnceBothSucceedAndMigrateOnce() throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            Path file = dir.resolve("processes-" + attempt + ".db");
            Process a = StoreTesting.child("open", file.toString(), cache().toString());
            Process b = StoreTesting.child("open", file.toString(), cache().toString());
            String first = StoreTesting.finish(a);
            String second = StoreTesting.finish(b);
            assertTrue(first.startsWith("exit 0: ok"), first);
            assertTrue(second.startsWith("exit 0: ok"), second);
            try (Connection c = StoreTesting.raw(file)) {
                assertEquals(allVersions(), versions(c), "one row per version");
            }
        }
    }
}
