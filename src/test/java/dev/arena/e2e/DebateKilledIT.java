package dev.arena.e2e;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the real launcher in the middle of a debate: the store stays consistent,
 * keeps every turn that ended, and the next arena marks the debate and its request in flight
 * interrupted; {@code logs show} then tells the debate as far as it got.
 */
class DebateKilledIT {

    private static final String KEY = "sk-or-v1-killed-secret-0123456789";
    private static FakeOpenRouter fake;

    @TempDir
    Path dir;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenRouter.start().requireKey(KEY);
        fake.script("k/pro", Reply.stream("Pro ", "opens ", "quickly."));
        // Con's answer trickles: a word every 500 ms, time enough to kill arena in the middle of it.
        String[] words = new String[60];
        for (int i = 0; i < words.length; i++) {
            words[i] = "word" + i + " ";
        }
        fake.script("k/con", Reply.stream(words).delayMillis(500));
        fake.script("k/chat", Reply.stream("after the crash"));
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @Test
    void aKilledDebateLeavesAConsistentStoreThatTheNextRunRepairs() throws Exception {
        Path db = dir.resolve("arena.db");
        ArenaProcess.Running debate = ArenaProcess.against(fake, KEY, "debate", "--db", db.toString(),
                "--pro", "k/pro", "--con", "k/con", "--rounds", "2", "Kill switches").start();
        debate.awaitStdout("word1 ");
        StoreRows.await(db, "SELECT count(*) FROM turns", "1");
        debate.signal("KILL");
        assertEquals(137, debate.waitFor().exitCode());

        assertEquals(List.of(List.of("ok")), StoreRows.query(db, "PRAGMA integrity_check"));
        assertEquals(List.of(List.of("1", "pro", "Pro opens quickly.")), StoreRows.query(db, "SELECT idx, side, text FROM turns"));
        assertEquals(List.of(List.of("running")), StoreRows.query(db, "SELECT status FROM debates"));
        assertEquals(List.of(List.of("con", "running"), List.of("pro", "complete")),
                StoreRows.query(db, "SELECT side, status FROM requests ORDER BY side"));

        ArenaProcess.Result next = ArenaProcess.against(fake, KEY, "chat", "--db", db.toString(), "-m", "k/chat", "hi").run();
        assertEquals(0, next.exitCode(), next.toString());
        assertEquals("after the crash\n", next.stdout());
        // That chat was over at once and left its record in the journal; the next arena to open
        // the store (here a reading one) moves it in and marks what the dead one left running.
        ArenaProcess.Result list = ArenaProcess.arena("logs", "--db", db.toString()).run();
        assertEquals(0, list.exitCode(), list.toString());
        assertEquals(List.of(List.of("interrupted", "arena stopped before it ended")),
                StoreRows.query(db, "SELECT status, outcome_reason FROM debates"));
        assertEquals(List.of(List.of("con", "interrupted", "arena stopped before it ended")),
                StoreRows.query(db, "SELECT side, status, error FROM requests WHERE purpose = 'turn' AND status <> 'complete'"));
        assertEquals(List.of(List.of("ok")), StoreRows.query(db, "PRAGMA integrity_check"));

        String id = StoreRows.query(db, "SELECT id FROM debates").get(0).get(0);
        ArenaProcess.Result show = ArenaProcess.arena("logs", "--db", db.toString(), "show", id).run();
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.stdout().contains("## Round 1 — Pro (k/pro)\n\n*Opening statement*\n\nPro opens quickly.\n"), show.stdout());
        assertTrue(show.stdout().endsWith("\n\n*Outcome: interrupted — arena stopped before it ended*\n"), show.stdout());
    }
}
