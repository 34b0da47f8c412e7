package dev.arena.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer's promises when writes fail: one bad write loses only itself, and a lock costs one wait, not one per write. */
class StoreWriterTest {

    @TempDir
    Path dir;

    private static StoreWriter.Write conversation(String id) {
        return c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO conversations (id, kind, title, created_at, updated_at) VALUES ('" + id + "', 'chat', 't', 'x', 'x')");
            }
        };
    }

    @Test
    void aWriteThatFailsLosesOnlyItselfAndIsTheWarning() throws Exception {
        Path file = dir.resolve("batch.db");
        StoreWriter writer = new StoreWriter(file, dir.resolve("cache"), java.time.Duration.ZERO);
        writer.submit(conversation("a"));
        writer.submit(conversation("a")); // the same id again: a constraint fails
        writer.submit(conversation("b"));
        writer.close();
        assertEquals(2, StoreTesting.number(file, "SELECT count(*) FROM conversations"));
        Optional<String> warning = writer.takeWarning();
        assertTrue(warning.orElse("").startsWith("the store " + file + " failed: "), warning.toString());
        assertTrue(warning.orElse("").contains("UNIQUE constraint failed"), warning.toString());
        assertEquals(Optional.empty(), writer.takeWarning(), "taken once");
    }

    @Test
    void aStoreLockedPastTheTimeoutCostsOneWaitNotOnePerWrite() throws Exception {
        Path file = dir.resolve("locked.db");
        try (Connection c = Database.open(file, dir.resolve("cache"))) {
            // made and migrated
        }
        try (AutoCloseable shortWait = StoreTesting.busyTimeout(1000);
             Connection holder = StoreTesting.raw(file); Statement s = holder.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            StoreWriter writer = new StoreWriter(file, dir.resolve("cache"), java.time.Duration.ZERO);
            long started = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                writer.submit(conversation("c" + i));
            }
            writer.close(Duration.ofSeconds(60));
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertEquals(Optional.of("the store " + file + " stayed locked by another arena for 1 s"), writer.takeWarning());
            assertTrue(seconds < 5, "each of 10 writes waited the timeout again: " + seconds + " s");
            s.execute("ROLLBACK");
        }
        assertEquals(0, StoreTesting.number(file, "SELECT count(*) FROM conversations"));
    }

    @Test
    void aSyncReturnsOnceEverythingBeforeItIsCommittedAndLaterWritesGoOn() throws Exception {
        Path file = dir.resolve("sync.db");
        StoreWriter writer = new StoreWriter(file, dir.resolve("cache"), Duration.ZERO);
        for (int i = 0; i < 50; i++) {
            writer.submit(conversation("s" + i));
            assertTrue(writer.sync(Duration.ofSeconds(30)));
            // Read by another connection, as another process would after a kill -9.
            assertEquals(i + 1, StoreTesting.number(file, "SELECT count(*) FROM conversations"), "committed before sync returned");
        }
        writer.close();
        assertEquals(Optional.empty(), writer.takeWarning());
        assertTrue(!writer.sync(Duration.ofSeconds(1)), "a closed writer syncs nothing");
    }

    @Test
    void aSyncOnAStoreThatCannotBeOpenedDoesNotHang() throws Exception {
        Path notADirectory = dir.resolve("file");
        java.nio.file.Files.writeString(notADirectory, "x");
        StoreWriter writer = new StoreWriter(notADirectory.resolve("arena.db"), dir.resolve("cache"), Duration.ZERO);
        writer.submit(conversation("x"));
        assertTrue(writer.sync(Duration.ofSeconds(30)), "released although nothing could be written");
        writer.close();
        assertTrue(writer.takeWarning().isPresent());
    }
}
