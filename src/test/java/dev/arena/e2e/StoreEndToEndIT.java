package dev.arena.e2e;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real bin/arena recording into one store: many at once, and one killed mid-answer. */
class StoreEndToEndIT {

    private static final String KEY = "sk-or-v1-e2e-store-key-0123456789";
    private static FakeOpenRouter fake;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenRouter.start().requireKey(KEY);
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    /** After what short runs left in the journal is moved in, and dead runs' rows marked, as any reading arena does. */
    private static long recorded(Path db, String sql) throws Exception {
        dev.arena.store.StoreReader.open(db, db.resolveSibling("cache")).ifPresent(dev.arena.store.StoreReader::close);
        return number(db, sql);
    }

    /** As the database file holds it now. */
    private static long number(Path db, String sql) throws Exception {
        if (!java.nio.file.Files.exists(db)) {
            return -1; // not yet made: connecting would make an empty one
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return -1; // made, not yet migrated
            }
            throw e;
        }
    }

    @Test
    void eightChatsAtOnceAllRecordedWithoutAWarning(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("shared.db");
        fake.script("st/parallel", Reply.stream("one ", "answer ", "each"));
        List<ArenaProcess.Running> running = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            running.add(ArenaProcess.against(fake, KEY, "chat", "--db", db.toString(), "-m", "st/parallel", "question " + i).start());
        }
        for (ArenaProcess.Running r : running) {
            ArenaProcess.Result result = r.waitFor();
            assertEquals(0, result.exitCode(), result.toString());
            assertEquals("one answer each\n", result.stdout());
            assertTrue(result.stderr().lines().noneMatch(l -> l.startsWith("arena: warning")), result.toString());
        }
        assertEquals(8, recorded(db, "SELECT count(*) FROM conversations WHERE kind = 'chat'"));
        assertEquals(8, recorded(db, "SELECT count(*) FROM requests WHERE status = 'complete' AND response = 'one answer each'"));
        assertEquals(8, recorded(db, "SELECT count(DISTINCT prompt) FROM requests"));
    }

    @Test
    void aKillMinus9LosesOnlyWhatWasInFlightAndTheNextArenaMarksItInterrupted(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("killed.db");
        fake.script("st/done", Reply.stream("recorded before"));
        fake.script("st/stall", Reply.stream("partial ", "answer", " never sent").stallAfter(2));
        ArenaProcess.Result before = ArenaProcess.against(fake, KEY, "chat", "--db", db.toString(), "-m", "st/done", "first").run();
        assertEquals(0, before.exitCode(), before.toString());

        ArenaProcess.Running killed = ArenaProcess.against(fake, KEY, "chat", "--db", db.toString(), "-m", "st/stall", "second").start();
        killed.awaitStdout("partial answer");
        // The request's row is written as it is sent, beside the stream: wait until a reader sees it.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (number(db, "SELECT count(*) FROM requests WHERE status = 'running'") != 1) {
            assertTrue(System.nanoTime() < deadline, "the running request never reached the store");
            Thread.sleep(50);
        }
        killed.signal("KILL");
        assertEquals(137, killed.waitFor().exitCode());
        assertEquals(1, number(db, "SELECT count(*) FROM requests WHERE status = 'running'"), "still running until an arena looks");

        ArenaProcess.Result after = ArenaProcess.against(fake, KEY, "chat", "--db", db.toString(), "-m", "st/done", "third").run();
        assertEquals(0, after.exitCode(), after.toString());
        assertEquals(2, recorded(db, "SELECT count(*) FROM requests WHERE status = 'complete'"), "nothing committed was lost");
        assertEquals(1, recorded(db, "SELECT count(*) FROM requests WHERE status = 'interrupted' AND prompt = 'second'"
                + " AND error = 'arena stopped before it ended'"));
        assertEquals(3, recorded(db, "SELECT count(*) FROM conversations"));
    }

    @Test
    void aDebateKilledMidTurnLeavesAConsistentStore(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("debate.db");
        fake.script("st/pro", Reply.stream("Pro opens."));
        fake.script("st/con", Reply.stream("Con begins ", "and", " is cut").stallAfter(2));
        fake.script("st/judge", Reply.stream("never asked"));
        ArenaProcess.Running killed = ArenaProcess.against(fake, KEY, "debate", "--db", db.toString(), "--pro", "st/pro",
                "--con", "st/con", "--judge", "st/judge", "--rounds", "2", "Motion").start();
        killed.awaitStdout("Con begins and");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (number(db, "SELECT count(*) FROM requests WHERE status = 'running' AND side = 'con'") != 1) {
            assertTrue(System.nanoTime() < deadline, "Con's running turn never reached the store");
            Thread.sleep(50);
        }
        killed.signal("KILL");
        assertEquals(137, killed.waitFor().exitCode());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            assertTrue(r.next());
            assertEquals("ok", r.getString(1));
        }
        fake.script("st/after", Reply.stream("later"));
        ArenaProcess.Result after = ArenaProcess.against(fake, KEY, "chat", "--db", db.toString(), "-m", "st/after", "later").run();
        assertEquals(0, after.exitCode(), after.toString());
        assertEquals(1, recorded(db, "SELECT count(*) FROM conversations WHERE kind = 'debate' AND title = 'Motion'"));
        assertEquals(1, recorded(db, "SELECT count(*) FROM requests WHERE side = 'pro' AND round = 1 AND status = 'complete'"
                + " AND response = 'Pro opens.'"));
        assertEquals(1, recorded(db, "SELECT count(*) FROM requests WHERE side = 'con' AND round = 1 AND status = 'interrupted'"));
        assertEquals(0, recorded(db, "SELECT count(*) FROM requests WHERE status = 'running'"));
    }
}
