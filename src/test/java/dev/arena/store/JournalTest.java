package dev.arena.store;

import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.RequestLog;
import dev.arena.resilience.RequestOutcome;
import dev.arena.resilience.RequestTag;
import dev.arena.text.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A short run's records wait in the journal and reach the database whole, once. */
class JournalTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("data/arena.db");
    }

    /** Records one complete chat request through a writer of the given patience, and closes it. */
    private StoreWriter recordOneChat(Duration patience, Duration runFor, String prompt) throws InterruptedException {
        StoreWriter writer = new StoreWriter(db(), dir.resolve("cache"), patience);
        RequestRecorder recorder = new RequestRecorder(writer, new Redactor("sk-or-secret-key-123456"));
        Instant at = Instant.now();
        String conversation = SessionRecorder.newId(at);
        new SessionRecorder(writer, new Redactor("sk-or-secret-key-123456")).start(conversation, null, prompt,
                new ChatSettings("m/one", List.of(), null, null, null, null), at);
        RequestLog.Pending pending = recorder.started(RequestTag.chat(conversation),
                new ChatRequest("m/one", List.of(Message.user(prompt)), null, null, null), List.of("m/one"), at);
        Thread.sleep(runFor.toMillis());
        pending.ended(new RequestOutcome(RequestOutcome.Ending.COMPLETE, "m/one-2025", "SomeProvider", "gen-1", "an answer",
                9, "", new Usage(3, 2, 0.5), at, Instant.now(), 0, List.of(), "stop", null));
        writer.close();
        return writer;
    }

    private List<Path> waiting() throws IOException {
        Path journal = Journal.directory(db());
        if (!Files.isDirectory(journal)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(journal)) {
            return files.toList();
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    @Test
    void aRunOverWithinThePatienceLeavesOnePrivateFileAndNoDatabase() throws Exception {
        StoreWriter writer = recordOneChat(Duration.ofSeconds(5), Duration.ZERO, "hello");

        assertEquals(Optional.empty(), writer.takeWarning());
        assertFalse(Files.exists(db()), "the database was not opened");
        List<Path> files = waiting();
        assertEquals(1, files.size());
        assertTrue(files.get(0).toString().endsWith(".jsonl"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))));
        assertFalse(Files.readString(files.get(0)).contains("sk-or-secret-key-123456"));
    }

    @Test
    void theNextReaderMovesTheRecordsInAndRemovesTheFile() throws Exception {
        recordOneChat(Duration.ofSeconds(5), Duration.ZERO, "first");
        recordOneChat(Duration.ofSeconds(5), Duration.ZERO, "second");

        try (StoreReader reader = StoreReader.open(db(), dir.resolve("cache")).orElseThrow()) {
            Connection c = reader.connection();
            assertEquals("2", one(c, "SELECT count(*) FROM requests WHERE status = 'complete'"));
            assertEquals("SomeProvider", one(c, "SELECT DISTINCT provider FROM requests"));
            assertEquals("0.5", one(c, "SELECT DISTINCT cost_usd FROM requests"));
            assertEquals("first", one(c, "SELECT title FROM conversations ORDER BY created_at LIMIT 1"));
        }
        assertEquals(List.of(), waiting());
    }

    @Test
    void aRunLongerThanThePatienceWritesTheDatabaseItself() throws Exception {
        StoreWriter writer = recordOneChat(Duration.ofMillis(50), Duration.ofMillis(400), "slow");

        assertEquals(Optional.empty(), writer.takeWarning());
        assertEquals(List.of(), waiting());
        try (StoreReader reader = StoreReader.open(db(), dir.resolve("cache")).orElseThrow()) {
            assertEquals("complete", one(reader.connection(), "SELECT status FROM requests"));
        }
    }

    @Test
    void aChatDoesNotWaitOnALockedStoreItsRecordWaitsInTheJournal() throws Exception {
        recordOneChat(Duration.ZERO, Duration.ZERO, "made");
        try (Connection holder = new org.sqlite.JDBC().connect("jdbc:sqlite:" + db(), new java.util.Properties());
             Statement s = holder.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            long start = System.nanoTime();
            StoreWriter writer = recordOneChat(Duration.ofMillis(50), Duration.ofMillis(300), "while locked");
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertTrue(tookMs < 10_000, "the run ended " + tookMs + " ms later, not after the 30 s busy timeout");
            assertEquals(Optional.of("the store " + db() + " did not answer within 2 s (another arena or program may hold it); this run's record waits in "
                    + Journal.directory(db())), writer.takeWarning());
            assertEquals(1, waiting().size());
            s.execute("ROLLBACK");
        }
        try (StoreReader reader = StoreReader.open(db(), dir.resolve("cache")).orElseThrow()) {
            assertEquals("2", one(reader.connection(), "SELECT count(*) FROM requests WHERE status = 'complete'"));
        }
    }

    @Test
    void aJournalMovedInTwiceChangesNothingTheSecondTime() throws Exception {
        recordOneChat(Duration.ofSeconds(5), Duration.ZERO, "once");
        Path file = waiting().get(0);
        Path copy = dir.resolve("copy.jsonl");
        Files.copy(file, copy);
        StoreReader.open(db(), dir.resolve("cache")).orElseThrow().close();
        Files.copy(copy, file);

        try (StoreReader reader = StoreReader.open(db(), dir.resolve("cache")).orElseThrow()) {
            assertEquals("1", one(reader.connection(), "SELECT count(*) FROM requests"));
            assertEquals("1", one(reader.connection(), "SELECT count(*) FROM conversations"));
        }
        assertEquals(List.of(), waiting());
    }

    @Test
    void aJournalOfZerosOrOfAnotherShapeIsSetAsideAndReadingGoesOn() throws Exception {
        recordOneChat(Duration.ofSeconds(5), Duration.ZERO, "good");
        Path journal = Journal.directory(db());
        Files.write(journal.resolve("0-1-zeros.jsonl"), new byte[300]); // what a power cut leaves
        Files.writeString(journal.resolve("0-2-number.jsonl"), "42\n");
        Files.writeString(journal.resolve("0-3-array.jsonl"), "[]\n");
        Files.writeString(journal.resolve("0-4-missing.jsonl"), "{\"values\":[]}\n");

        try (StoreReader reader = StoreReader.open(db(), dir.resolve("cache")).orElseThrow()) {
            assertEquals("1", one(reader.connection(), "SELECT count(*) FROM requests"));
        }
        for (String name : List.of("0-1-zeros", "0-2-number", "0-3-array", "0-4-missing")) {
            assertTrue(Files.exists(journal.resolve(name + ".jsonl.bad")), name);
        }
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndLeftAsItIs() throws Exception {
        Files.createDirectories(db().getParent());
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + db(), new java.util.Properties());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE foo (x)");
        }
        byte[] before = Files.readAllBytes(db());
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                () -> Database.open(db(), dir.resolve("cache")));
        assertEquals(db() + " is another program's database (it has tables but none of arena's), so it was left as it is",
                e.getMessage());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(db()));
    }

    @Test
    void aDamagedJournalIsSetAsideWithAWarningAndTheOthersStillMoveIn() throws Exception {
        recordOneChat(Duration.ofSeconds(5), Duration.ZERO, "good");
        Files.writeString(Journal.directory(db()).resolve("0-1-bad.jsonl"), "{not json\n");

        StoreWriter writer = recordOneChat(Duration.ZERO, Duration.ZERO, "direct");

        assertTrue(writer.takeWarning().orElseThrow().contains("are damaged; they were renamed .bad"));
        assertTrue(Files.exists(Journal.directory(db()).resolve("0-1-bad.jsonl.bad")));
        try (StoreReader reader = StoreReader.open(db(), dir.resolve("cache")).orElseThrow()) {
            assertEquals("2", one(reader.connection(), "SELECT count(*) FROM requests"));
        }
    }
}
