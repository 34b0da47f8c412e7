package dev.arena.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeModels;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.RecordedRequest;
import dev.arena.fake.Reply;
import dev.arena.fake.RuleJudge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code arena tournament} through the real launcher against the fake: the whole schedule, a
 * {@code kill -9} and the same command again, a budget stop and a resume with more, Ctrl-C, the
 * judges' family rule, a fallback that speaks, and two arenas on one tournament.
 *
 * <p>The fighters say who they are and the judges name the stronger one ({@link RuleJudge}). To
 * stop a run in the middle, the fighters answer a few turns and then stall mid-answer for good:
 * once every debate slot holds a stalled stream nothing more can be sent, so the test stops arena
 * at a moment when every request the fake got is in the store, and "in flight" is exact.
 */
class TournamentEndToEndIT {

    private static final String KEY = "sk-or-v1-tournament-e2e-0123456789";
    private static final List<String> MODELS = List.of("s/weak", "t/middle", "u/strong");
    private static final String JUDGE = "j/judge";
    private static final String MOTION = "Cats beat dogs";
    private static final String NAME = "cup";
    /** The default 10/min per model would make the judge, who reads every debate, the pace of the run. */
    private static final String UNBOUND = "100000/min";
    /** Three models on one motion: three pairs, each both ways. */
    private static final int DEBATES = 6;
    /** A debate of one round: two turns and the judge's two readings. */
    private static final int REQUESTS_PER_DEBATE = 4;
    /** Debates at once where the test stalls them all: fewer than the debates the stalls leave unfinished. */
    private static final int SLOTS = 2;

    private final List<FakeOpenRouter> fakes = new ArrayList<>();
    private Path db;

    @TempDir
    Path dir;

    @BeforeEach
    void store() {
        db = dir.resolve("arena.db");
    }

    @AfterEach
    void stopFakes() {
        fakes.forEach(FakeOpenRouter::close);
    }

    @Test
    void everyPairDebatesEveryMotionBothWaysAndEveryRequestIsSentOnce() throws Exception {
        FakeOpenRouter fake = scripted(fake(), List.of(JUDGE));
        String tea = "Tea beats coffee";
        ArenaProcess.Result r = tournament(fake, JUDGE, "--motion", tea, "--concurrency", "3").run();
        assertEquals(0, r.exitCode(), r.toString());

        List<List<String>> expected = new ArrayList<>();
        for (String motion : List.of(MOTION, tea)) {
            for (String pro : MODELS) {
                for (String con : MODELS) {
                    if (!pro.equals(con)) {
                        expected.add(List.of(motion, pro, con, "complete"));
                    }
                }
            }
        }
        assertEquals(expected, StoreRows.query(db, "SELECT motion, pro_model, con_model, status FROM tournament_debates"
                + " ORDER BY motion = '" + tea + "', pro_model, con_model"));
        assertEveryDebateAskedOnce(2 * DEBATES);
        assertEquals(counts(askedOf(fake)), counts(askedIn("1 = 1")), "the fake got exactly the requests the store holds");
        assertEquals(2 * DEBATES, r.stdout().lines().filter(l -> l.startsWith("[")).count(), r.stdout());
    }

    @Test
    void aKillMinus9ThenTheSameCommandFinishesAndAsksAgainOnlyWhatWasInFlight() throws Exception {
        FakeOpenRouter first = stallingPartWay(fake());
        ArenaProcess.Running killed = tournament(first, JUDGE, "--concurrency", "" + SLOTS).start();
        awaitStalled(first);
        killed.signal("KILL");
        assertEquals(137, killed.waitFor().exitCode());

        List<Asked> inFlight = askedIn("status <> 'complete'");
        assertEquals(SLOTS, inFlight.size(), "each slot's stalled request");
        List<List<String>> finishedBefore = StoreRows.query(db,
                "SELECT debate_id, ended_at FROM tournament_debates WHERE status = 'complete' ORDER BY debate_id");
        assertFalse(finishedBefore.isEmpty(), "debates finished before the kill");
        String ids = finishedBefore.stream().map(row -> "'" + row.get(0) + "'").collect(Collectors.joining(", "));

        FakeOpenRouter second = scripted(fake(), List.of(JUDGE));
        ArenaProcess.Result again = tournament(second, JUDGE, "--concurrency", "" + SLOTS).run();
        assertEquals(0, again.exitCode(), again.toString());
        assertAllComplete();
        assertEveryDebateAskedOnce(DEBATES);
        // What both runs sent is what the tournament needs once, and again only what was in flight.
        // Compared as counts: a Pro's opening on one motion is the same request whoever the opponent is.
        List<Asked> needed = askedIn("status = 'complete'");
        assertEquals(counts(Stream.of(needed, inFlight)), counts(Stream.of(askedOf(first), askedOf(second))));
        // The debates finished before the kill kept their end and asked nothing more.
        assertEquals(finishedBefore, StoreRows.query(db,
                "SELECT debate_id, ended_at FROM tournament_debates WHERE debate_id IN (" + ids + ") ORDER BY debate_id"));
        assertEquals(List.of(List.of("" + REQUESTS_PER_DEBATE * finishedBefore.size())),
                StoreRows.query(db, "SELECT count(*) FROM requests WHERE conversation_id IN (" + ids + ")"));
    }

    @Test
    void aBudgetStopsTheRunWithinItAndAResumeWithALargerOneFinishesIt() throws Exception {
        FakeOpenRouter fake = scripted(fake(), List.of(JUDGE));
        fake.models(FakeModels.priced(Stream.concat(MODELS.stream(), Stream.of(JUDGE)).toList()));
        // A debate costs $0.0006, but may cost about a cent (every turn and reading at its max tokens),
        // and a debate starts only if that fits: one at a time, $0.0125 plays a few and stops.
        ArenaProcess.Result stopped = tournament(fake, JUDGE, "--budget", "0.0125", "--concurrency", "1").run();
        assertEquals(4, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.stderr().startsWith("arena: the budget of $0.0125 is reached: the next debate could pass it; "
                + spentText() + "; "), stopped.stderr());
        assertTrue(stopped.stderr().endsWith(" debates are done; to finish it, resume with a larger budget:"
                + " arena tournament --resume " + NAME + " --budget USD\n"), stopped.stderr());
        assertTrue(spent() <= 0.0125, "spent $" + spent() + " of a $0.0125 budget");
        assertEquals(List.of(List.of("budget")), StoreRows.query(db, "SELECT status FROM tournaments WHERE name = '" + NAME + "'"));
        int done = Integer.parseInt(StoreRows.query(db, "SELECT count(*) FROM tournament_debates WHERE status = 'complete'")
                .get(0).get(0));
        assertTrue(done > 0 && done < DEBATES, done + " debates done before the budget stopped the run");

        ArenaProcess.Result resumed = resume(fake, "--budget", "1").run();
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertAllComplete();
        assertEveryDebateAskedOnce(DEBATES);
        assertEquals(List.of(List.of("1.0")), StoreRows.query(db, "SELECT budget_usd FROM tournaments WHERE name = '" + NAME + "'"));
    }

    @Test
    void ctrlCStopsTheRunCleanlyAndSaysHowToResume() throws Exception {
        FakeOpenRouter first = stallingPartWay(fake());
        ArenaProcess.Running run = tournament(first, JUDGE, "--concurrency", "" + SLOTS).start();
        awaitStalled(first);
        run.signal("INT");
        ArenaProcess.Result stopped = run.waitFor();
        assertEquals(130, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.stderr().endsWith(" debates are done (" + spentText() + "); to go on: arena tournament --resume "
                + NAME + "\n"), stopped.stderr());
        // Read before any arena opens the store again: the run itself left nothing running.
        assertEquals(List.of(), StoreRows.query(db, "SELECT id FROM requests WHERE status = 'running'"));
        assertEquals(List.of(List.of("" + SLOTS)), StoreRows.query(db, "SELECT count(*) FROM requests WHERE status = 'interrupted'"));
        assertEquals(List.of(List.of("interrupted")), StoreRows.query(db, "SELECT status FROM tournaments WHERE name = '" + NAME + "'"));

        ArenaProcess.Result resumed = resume(scripted(fake(), List.of(JUDGE))).run();
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertAllComplete();
        assertEveryDebateAskedOnce(DEBATES);
    }

    @Test
    void aJudgeNeverReadsADebateOfAFighterFromItsFamily() throws Exception {
        List<String> panel = List.of("s/judge", "v/judge", "w/judge");
        FakeOpenRouter fake = scripted(fake(), panel);
        ArenaProcess.Result r = tournament(fake, String.join(",", panel)).run();
        assertEquals(0, r.exitCode(), r.toString());

        assertEquals(List.of(List.of("t/middle", "u/strong", "2"), List.of("u/strong", "t/middle", "2")),
                StoreRows.query(db, "SELECT td.pro_model, td.con_model, count(*) FROM requests r JOIN tournament_debates td"
                        + " ON td.debate_id = r.conversation_id WHERE r.purpose = 'judge' AND r.model_asked = 's/judge'"
                        + " GROUP BY td.debate_id ORDER BY 1"));
        List<RecordedRequest> read = fake.requestsFor("s/judge");
        assertEquals(4, read.size(), "two readings of each debate without s/weak");
        for (RecordedRequest request : read) {
            assertFalse(request.body().contains(RuleJudge.says("s/weak")), request.body());
        }
        assertEquals(2 * DEBATES, fake.requestsFor("v/judge").size(), "the other judges read every debate twice");
        assertEquals(2 * DEBATES, fake.requestsFor("w/judge").size());
    }

    @Test
    void aDebateWhereAFallbackSpokeIsMarkedAndSaidNotRated() throws Exception {
        FakeOpenRouter fake = fake();
        String failing = "t/middle";
        fake.script(failing, Reply.errorMessage(500, "Internal Server Error"));
        for (String model : List.of("s/weak", "u/strong", "z/backup")) {
            fake.script(model, fighter(model));
        }
        fake.script(JUDGE, judge());
        ArenaProcess.Result r = tournament(fake, JUDGE, "--fallback", "z/backup", "--retries", "0").run();
        assertEquals(0, r.exitCode(), r.toString());

        for (List<String> row : StoreRows.query(db, "SELECT pro_model, con_model, status, fallback_spoke FROM tournament_debates")) {
            boolean fights = row.subList(0, 2).contains(failing);
            assertEquals(List.of("complete", fights ? "1" : "0"), row.subList(2, 4), row.toString());
        }
        List<String> lines = r.stdout().lines().filter(l -> l.startsWith("[")).toList();
        assertEquals(DEBATES, lines.size(), r.stdout());
        for (String line : lines) {
            assertEquals(line.contains(failing), line.contains("; a fallback spoke, so it is not rated"), line);
        }
        // The leaderboard leaves those four debates out of the ratings, and counts them.
        ArenaProcess.Result board = ArenaProcess.arena("leaderboard", "--db", db.toString(), NAME, "--json").run();
        assertEquals(0, board.exitCode(), board.toString());
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(board.stdout()).getAsJsonObject();
        for (com.google.gson.JsonElement e : json.getAsJsonArray("models")) {
            com.google.gson.JsonObject m = e.getAsJsonObject();
            boolean spokenFor = m.get("model").getAsString().equals(failing);
            assertEquals(spokenFor ? 0 : 2, m.get("debates").getAsInt(), m.toString());
            assertEquals(spokenFor ? 4 : 2, m.get("left_out").getAsInt(), "its own four, or two against it: " + m);
            assertEquals(spokenFor, m.get("rank").isJsonNull(), "a model that did not speak is not rated: " + m);
        }
    }

    @Test
    void aSecondArenaOnARunningTournamentIsRefusedAndTheFirstGoesOnUntouched() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        FakeOpenRouter fake = fake();
        for (String model : MODELS) {
            fake.script(model, Reply.answering(heard -> heldUntil(released, RuleJudge.says(model))));
        }
        fake.script(JUDGE, judge());
        ArenaProcess.Running first = tournament(fake, JUDGE).start();
        awaitTrue("the first arena's first request", () -> chatRequests(fake).size() > 0);

        ArenaProcess.Result second = tournament(fake, JUDGE).run();
        released.countDown();
        ArenaProcess.Result done = first.waitFor();
        assertEquals(2, second.exitCode(), second.toString());
        assertEquals("arena: tournament " + NAME + " is being run by another arena (process " + first.process.pid()
                + "); wait for it, or stop it first\n", second.stderr());
        assertEquals("", second.stdout());

        assertEquals(0, done.exitCode(), done.toString());
        assertAllComplete();
        assertEveryDebateAskedOnce(DEBATES);
        assertEquals(DEBATES * REQUESTS_PER_DEBATE, chatRequests(fake).size(), "the second arena sent nothing");
    }

    // --- the runs

    private FakeOpenRouter fake() {
        FakeOpenRouter fake = FakeOpenRouter.start().requireKey(KEY);
        fakes.add(fake);
        return fake;
    }

    /** {@code arena tournament} of the three models on {@link #MOTION}, one round, judged by {@code judges}. */
    private ArenaProcess tournament(FakeOpenRouter fake, String judges, String... more) {
        List<String> args = new ArrayList<>(List.of("--db", db.toString(), "--models", String.join(",", MODELS),
                "--motion", MOTION, "--judges", judges, "--rounds", "1", "--name", NAME, "--rate-limit", UNBOUND));
        args.addAll(List.of(more));
        return ArenaProcess.against(fake, KEY, "tournament", args.toArray(String[]::new));
    }

    private ArenaProcess resume(FakeOpenRouter fake, String... more) {
        List<String> args = new ArrayList<>(List.of("--db", db.toString(), "--resume", NAME, "--rate-limit", UNBOUND));
        args.addAll(List.of(more));
        return ArenaProcess.against(fake, KEY, "tournament", args.toArray(String[]::new));
    }

    /** Fighters that say who they are, and judges that name the stronger. */
    private static FakeOpenRouter scripted(FakeOpenRouter fake, List<String> judges) {
        MODELS.forEach(model -> fake.script(model, fighter(model)));
        judges.forEach(judge -> fake.script(judge, judge()));
        return fake;
    }

    /**
     * Each fighter answers two turns and the judge three readings, then each stalls in the middle
     * of every answer. Three readings finish one debate (the one of the two slots that reads twice
     * first) and no more, so with five debates left every slot ends up holding a stalled stream,
     * a turn or a reading, and a resume meets kept turns and a kept reading.
     */
    private static FakeOpenRouter stallingPartWay(FakeOpenRouter fake) {
        for (String model : MODELS) {
            fake.script(model, fighter(model), fighter(model), Reply.stream(RuleJudge.says(model), " never said").stallAfter(1));
        }
        fake.script(JUDGE, judge(), judge(), judge(), Reply.stream("{\"winner\":").stallAfter(1));
        return fake;
    }

    private static Reply fighter(String model) {
        return Reply.stream(RuleJudge.says(model)).usage(20, 10, 0.0001);
    }

    private static Reply judge() {
        return Reply.answering(transcript -> RuleJudge.verdict(transcript, MODELS, false)).usage(200, 50, 0.0002);
    }

    /** Holds the fake's answer (before its headers) until the test lets it go. */
    private static String heldUntil(CountDownLatch released, String answer) {
        try {
            released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the fake is closing
        }
        return answer;
    }

    /**
     * Waits until every slot holds a stalled request and the store has a row for each request the
     * fake got, the same for half a second: from then on arena sends nothing, so stopping it leaves
     * exactly those rows not complete.
     */
    private void awaitStalled(FakeOpenRouter fake) throws InterruptedException {
        List<Object> seen = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            List<Object> now = stallSnapshot(fake);
            if (now != null && now.equals(seen)) {
                return;
            }
            seen = now == null ? List.of() : now;
            assertTrue(System.nanoTime() < deadline, "the run never stalled; the store's requests: " + seen);
            Thread.sleep(500);
        }
    }

    /** The store's running requests and the fake's count, when the two agree and every slot is held; else null. */
    private List<Object> stallSnapshot(FakeOpenRouter fake) {
        try {
            if (!Files.exists(db)) {
                return null;
            }
            List<List<String>> running = StoreRows.query(db, "SELECT id FROM requests WHERE status = 'running' ORDER BY id");
            int rows = Integer.parseInt(StoreRows.query(db, "SELECT count(*) FROM requests").get(0).get(0));
            int sent = chatRequests(fake).size();
            return running.size() == SLOTS && rows == sent ? List.of(running, sent) : null;
        } catch (SQLException e) {
            return null; // the schema is not there yet
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "never seen: " + what);
            Thread.sleep(20);
        }
    }

    // --- what the store and the fake hold

    private void assertAllComplete() throws SQLException {
        assertEquals(List.of(List.of("complete", "" + DEBATES)),
                StoreRows.query(db, "SELECT status, count(*) FROM tournament_debates GROUP BY status"));
        assertEquals(List.of(List.of("complete")), StoreRows.query(db, "SELECT status FROM tournaments WHERE name = '" + NAME + "'"));
    }

    /** Each scheduled debate's two turns and two readings are in the store once each, complete. */
    private void assertEveryDebateAskedOnce(int debates) throws SQLException {
        assertEquals(List.of(), StoreRows.query(db, "SELECT conversation_id, purpose, side, round, reading, count(*)"
                + " FROM requests WHERE status = 'complete' GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1"));
        assertEquals(Collections.nCopies(debates, List.of("" + REQUESTS_PER_DEBATE)), StoreRows.query(db,
                "SELECT count(r.id) FROM tournament_debates td LEFT JOIN requests r ON r.conversation_id = td.debate_id"
                        + " AND r.status = 'complete' GROUP BY td.tournament, td.group_key, td.leg"));
    }

    private double spent() throws SQLException {
        return Double.parseDouble(StoreRows.query(db, "SELECT coalesce(sum(cost_usd), 0) FROM requests").get(0).get(0));
    }

    /** What the store says was spent, as arena words it. */
    private String spentText() throws SQLException {
        return String.format(Locale.ROOT, "$%.4f spent", spent());
    }

    /** A request as sent: the model asked and the messages, which is what tells one request from another. */
    private record Asked(String model, String messages) {

        static Asked of(String model, JsonArray messages) {
            JsonArray pairs = new JsonArray();
            for (JsonElement message : messages) {
                JsonObject m = message.getAsJsonObject();
                JsonArray pair = new JsonArray();
                pair.add(m.get("role").getAsString());
                pair.add(m.get("content").getAsString());
                pairs.add(pair);
            }
            return new Asked(model, pairs.toString());
        }
    }

    /** The store's requests that match {@code where}. */
    private List<Asked> askedIn(String where) throws SQLException {
        return StoreRows.query(db, "SELECT model_asked, messages FROM requests WHERE " + where).stream()
                .map(row -> Asked.of(row.get(0), JsonParser.parseString(row.get(1)).getAsJsonArray()))
                .toList();
    }

    private static List<Asked> askedOf(FakeOpenRouter fake) {
        return chatRequests(fake).stream()
                .map(r -> Asked.of(r.json().get("model").getAsString(), r.json().getAsJsonArray("messages")))
                .toList();
    }

    private static List<RecordedRequest> chatRequests(FakeOpenRouter fake) {
        return fake.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }

    private static Map<Asked, Long> counts(List<Asked> asked) {
        return counts(Stream.of(asked));
    }

    /** How often each request occurs in all of {@code lists} together. */
    private static Map<Asked, Long> counts(Stream<List<Asked>> lists) {
        return lists.flatMap(List::stream).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
