package dev.arena.store;

import dev.arena.debate.JudgeReading;
import dev.arena.debate.Scores;
import dev.arena.debate.Side;
import dev.arena.debate.Winner;
import dev.arena.leaderboard.ScheduledResult;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.RequestOutcome;
import dev.arena.resilience.RequestTag;
import dev.arena.text.Redactor;
import dev.arena.tournament.Group;
import dev.arena.tournament.Leg;
import dev.arena.tournament.DebateState;
import dev.arena.tournament.PanelReading;
import dev.arena.tournament.TournamentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tournament's rows go in and come back out as they were, and two live arenas never run one tournament. */
class StoredTournamentsTest {

    @TempDir
    Path dir;

    private static StoredTournaments.Entry pending(int motion, int leg, int position, String first, String second) {
        return StoredTournaments.Entry.pending(new Leg(new Group(motion, first, second), leg), position, "motion " + motion);
    }

    @Test
    void aTournamentsScheduleProgressAndReadingsComeBackAsRecorded() throws Exception {
        Path file = dir.resolve("t.db");
        try (Connection c = Database.open(file, dir.resolve("cache"))) {
            StoredTournaments store = new StoredTournaments(c, file);
            store.claim("cup", "{\"models\":[]}", 5.0, Instant.parse("2026-12-01T10:00:00Z"));
            store.schedule("cup", List.of(pending(1, 1, 1, "b/x", "c/y:free"), pending(0, 2, 0, "a/x", "b/x"),
                    pending(0, 1, 0, "a/x", "b/x"), pending(1, 2, 1, "b/x", "c/y:free")));
            store.schedule("cup", List.of(pending(0, 1, 7, "a/x", "b/x"))); // already there: kept as it was
            assertEquals(List.of(new Leg(new Group(0, "a/x", "b/x"), 1), new Leg(new Group(0, "a/x", "b/x"), 2),
                            new Leg(new Group(1, "b/x", "c/y:free"), 1), new Leg(new Group(1, "b/x", "c/y:free"), 2)),
                    store.entries("cup").stream().map(StoredTournaments.Entry::leg).toList(), "by position, then leg");
            assertEquals(0, store.entries("cup").get(0).position());

            String debateId;
            try (StoreWriter first = new StoreWriter(file, dir.resolve("cache"), Duration.ZERO)) {
                debateId = StoreTesting.recordChat(first, Redactor.NONE, 1, "x");
            }
            StoreWriter writer = new StoreWriter(file, dir.resolve("cache"), Duration.ZERO);
            TournamentRecorder recorder = new TournamentRecorder(writer, Redactor.NONE, "cup",
                    new RequestRecorder(writer, Redactor.NONE));
            Leg key = new Leg(new Group(0, "a/x", "b/x"), 1);
            recorder.debateStarted(key, debateId);
            JudgeReading answer = new JudgeReading(Side.CON, Winner.PRO, Map.of(Side.PRO, new Scores(7, 8, 6, 9)),
                    "Pro argued better.", "{\"winner\":\"B\"}", true);
            recorder.reading(debateId, new PanelReading("openai/judge", 2, answer, "openai/judge-0613"));
            recorder.sync();
            assertEquals(List.of(new PanelReading("openai/judge", 2, answer, "openai/judge-0613")), store.readings(debateId));
            assertEquals(DebateState.RUNNING, store.entries("cup").get(0).state());

            recorder.debateEnded(key, DebateState.COMPLETE, Winner.PRO, Map.of("openai/judge", Winner.PRO), true, null);
            recorder.sync();
            writer.close();
            StoredTournaments.Entry done = store.entries("cup").get(0);
            assertEquals(DebateState.COMPLETE, done.state());
            assertEquals(Winner.PRO, done.winner());
            assertEquals(Map.of("openai/judge", Winner.PRO), done.votes());
            assertTrue(done.fallbackSpoke());
            assertEquals(debateId, done.debateId());

            try (PreparedStatement s = c.prepareStatement("UPDATE requests SET cost_usd = 0.25")) {
                s.executeUpdate();
            }
            assertEquals(0.25, store.spent("cup"), 1e-9, "the requests of its debates");

            store.end("cup", TournamentStatus.BUDGET, "the budget", Instant.now());
            StoredTournaments.Tournament t = store.find("cup").orElseThrow();
            assertEquals(TournamentStatus.BUDGET, t.status());
            assertEquals(5.0, t.budget());
            store.claim("cup", "{\"models\":[]}", null, Instant.now());
            t = store.find("cup").orElseThrow();
            assertEquals(TournamentStatus.RUNNING, t.status());
            assertNull(t.budget());
            assertNull(t.stopReason());
        }
    }

    @Test
    void resultsGiveEveryScheduledDebateOfOneTournamentWithWhatEachSidesTurnsCost() throws Exception {
        Path file = dir.resolve("results.db");
        try (Connection c = Database.open(file, dir.resolve("cache"))) {
            StoredTournaments store = new StoredTournaments(c, file);
            store.claim("cup", "{}", null, Instant.now());
            store.schedule("cup", List.of(pending(0, 1, 0, "a/x", "b/x"), pending(0, 2, 0, "a/x", "b/x"),
                    pending(1, 1, 1, "a/x", "b/x")));
            store.claim("other", "{}", null, Instant.now());
            store.schedule("other", List.of(pending(0, 1, 0, "a/x", "b/x")));

            StoreWriter writer = new StoreWriter(file, dir.resolve("cache"), Duration.ZERO);
            RequestRecorder requests = new RequestRecorder(writer, Redactor.NONE);
            TournamentRecorder cup = new TournamentRecorder(writer, Redactor.NONE, "cup", requests);
            Leg first = new Leg(new Group(0, "a/x", "b/x"), 1);
            Leg second = new Leg(new Group(0, "a/x", "b/x"), 2);
            String played = cup.newDebate("motion 0");
            cup.debateStarted(first, played);
            turn(requests, played, "pro", 0.001, true);
            turn(requests, played, "pro", 0.002, true);
            turn(requests, played, "con", 0.004, true);
            turn(requests, played, "con", null, false); // failed before its first token: cost nothing
            requests.started(RequestTag.judge(played, 1), request(), List.of("j/judge"), Instant.now())
                    .ended(outcome(0.5, true));
            cup.debateEnded(first, DebateState.COMPLETE, Winner.CON, Map.of("j/judge", Winner.CON), true, null);
            String failed = cup.newDebate("motion 0");
            cup.debateStarted(second, failed);
            turn(requests, failed, "pro", null, true); // answered, at no known price
            cup.debateEnded(second, DebateState.FAILED, null, null, false, "every model failed");
            TournamentRecorder other = new TournamentRecorder(writer, Redactor.NONE, "other", requests);
            String elsewhere = other.newDebate("motion 0");
            other.debateStarted(first, elsewhere);
            turn(requests, elsewhere, "pro", 9.0, true);
            other.sync();
            writer.close();

            List<ScheduledResult> results = store.results("cup");
            assertEquals(3, results.size());
            ScheduledResult complete = results.get(0);
            assertEquals(new ScheduledResult("cup", first, DebateState.COMPLETE, Winner.CON, true, complete.proCost(),
                    complete.conCost()), complete);
            assertEquals(0.003, complete.proCost(), 1e-12, "the turns only, not the judge's readings");
            assertEquals(0.004, complete.conCost(), 1e-12);
            assertEquals(new ScheduledResult("cup", second, DebateState.FAILED, null, false, null, null), results.get(1),
                    "Pro's answer has no price; Con never spoke");
            assertEquals(new ScheduledResult("cup", new Leg(new Group(1, "a/x", "b/x"), 1), DebateState.PENDING, null, false,
                    null, null), results.get(2));
            assertEquals(9.0, store.results("other").get(0).proCost(), 1e-12);
        }
    }

    private static ChatRequest request() {
        return new ChatRequest("a/x", List.of(Message.user("argue")), 0.5, 100, null);
    }

    private static RequestOutcome outcome(Double cost, boolean answered) {
        Instant at = Instant.now();
        return answered
                ? new RequestOutcome(RequestOutcome.Ending.COMPLETE, "a/x", null, null, "words", 5, "", new Usage(3, 4, cost),
                        at, at, 0, List.of(), "stop", null)
                : new RequestOutcome(RequestOutcome.Ending.FAILED, null, null, null, "", 0, "", null, null, at, 0, List.of(),
                        null, "HTTP 500");
    }

    private static void turn(RequestRecorder requests, String debateId, String side, Double cost, boolean answered) {
        requests.started(RequestTag.turn(debateId, side, 1), request(), List.of("a/x"), Instant.now())
                .ended(outcome(cost, answered));
    }

    @Test
    void aTournamentThatAnotherLiveArenaRunsIsRefusedAndOneWhoseArenaDiedIsTakenOver() throws Exception {
        Path file = dir.resolve("busy.db");
        try (Connection c = Database.open(file, dir.resolve("cache"))) {
            StoredTournaments store = new StoredTournaments(c, file);
            store.claim("cup", "{}", null, Instant.now());
            ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
            String alive = parent.pid() + "@" + parent.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            setProcess(c, alive);
            StoreException busy = assertThrows(StoreException.class, () -> store.claim("cup", "{}", null, Instant.now()));
            assertEquals("tournament cup is being run by another arena (process " + parent.pid()
                    + "); wait for it, or stop it first", busy.getMessage());

            setProcess(c, "999999999@1");
            store.claim("cup", "{}", null, Instant.now());
            assertEquals(TournamentStatus.RUNNING, store.find("cup").orElseThrow().status());
        }
    }

    private static void setProcess(Connection c, String process) throws Exception {
        try (PreparedStatement s = c.prepareStatement("UPDATE tournaments SET process = ?")) {
            s.setString(1, process);
            s.executeUpdate();
        }
    }
}
