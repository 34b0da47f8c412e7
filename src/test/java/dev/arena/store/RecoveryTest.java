package dev.arena.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new writer marks interrupted what dead arenas left running, and only that. */
class RecoveryTest {

    @TempDir
    Path dir;

    @Test
    void rowsOfDeadProcessesBecomeInterruptedAndThoseOfLiveOnesStayRunning() throws Exception {
        Path file = dir.resolve("recovery.db");
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        try {
            String live = token(sleeper.toHandle());
            String dead = token(ended.toHandle());
            // The pid of a live process with another start time: the pid was reused, its arena is gone.
            String reused = sleeper.pid() + "@12345";
            try (Connection c = Database.open(file, dir.resolve("cache"))) {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO conversations (id, kind, title, created_at, updated_at) VALUES ('c', 'chat', 't', 'x', 'x')");
                }
                insertRunning(c, "this", Recovery.THIS_PROCESS);
                insertRunning(c, "live", live);
                insertRunning(c, "dead", dead);
                insertRunning(c, "reused", reused);
                insertRunning(c, "nonsense", "not a token");
                insertRunning(c, "beyond", "4194305@0"); // above Linux's largest pid
            }
            assertTrue(Recovery.alive(Recovery.THIS_PROCESS) && Recovery.alive(live));
            assertFalse(Recovery.alive(dead) || Recovery.alive(reused));

            StoreWriter writer = new StoreWriter(file, dir.resolve("cache"), java.time.Duration.ZERO);
            writer.submit(c -> {
            });
            writer.close();
            assertEquals(java.util.Optional.empty(), writer.takeWarning());

            assertEquals("running", status(file, "this"));
            assertEquals("running", status(file, "live"));
            for (String id : new String[] {"dead", "reused", "nonsense", "beyond"}) {
                assertEquals("interrupted", status(file, id), id);
            }
            assertEquals(4, StoreTesting.number(file,
                    "SELECT count(*) FROM requests WHERE error = 'arena stopped before it ended' AND ended_at IS NOT NULL"));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    private static String token(ProcessHandle process) {
        return process.pid() + "@" + process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    private static void insertRunning(Connection c, String id, String process) throws Exception {
        Transaction.<RuntimeException>immediate(c, () -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO requests (id, conversation_id, purpose, model_asked, chain,"
                    + " messages, prompt, sent_at, status, process) VALUES (?, 'c', 'chat', 'm', '[]', '[]', 'p', 'x', 'running', ?)")) {
                s.setString(1, id);
                s.setString(2, process);
                s.executeUpdate();
            }
        });
    }

    private static String status(Path file, String id) throws Exception {
        try (Connection c = StoreTesting.raw(file);
             PreparedStatement s = c.prepareStatement("SELECT status FROM requests WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
