package dev.arena.cli;

import dev.arena.fake.FakeModels;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.RecordedRequest;
import dev.arena.fake.Reply;
import dev.arena.fake.RuleJudge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code arena tournament} in-process against the fake server: a whole run, its record, a rerun, refusals. */
class TournamentCommandTest {

    static final List<String> MODELS = List.of("s/weak", "t/middle", "u/strong");
    /** The default 10/min per model would make the judge, asked by every debate, the pace of the whole test. */
    static final String UNBOUND = "100000/min";

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();
    private Path db;

    @TempDir
    Path dir;

    /** The fighters say who they are, and the judge names the stronger one. */
    static void scriptTournament(FakeOpenRouter fake, List<String> judges) {
        for (String model : MODELS) {
            fake.script(model, Reply.stream(RuleJudge.says(model)).usage(20, 10, 0.0001));
        }
        for (String judge : judges) {
            fake.script(judge, Reply.answering(transcript -> RuleJudge.verdict(transcript, MODELS, false)).usage(200, 50, 0.0002));
        }
        List<String> all = new ArrayList<>(MODELS);
        all.addAll(judges);
        all.add("z/backup");
        fake.models(FakeModels.priced(all));
    }

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        IsolatedDirs.under(dir, env);
        db = dir.resolve("arena.db");
        scriptTournament(fake, List.of("j/judge"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun tournament(String... more) {
        return tournamentJudgedBy("j/judge", "cup", more);
    }

    private CliRun tournamentJudgedBy(String judges, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("tournament", "--base-url", fake.baseUrl(), "--db", db.toString(),
                "--models", String.join(",", MODELS), "--motion", "Cats beat dogs", "--motion", "Tea beats coffee",
                "--judges", judges, "--rounds", "1", "--name", name, "--rate-limit", UNBOUND));
        args.addAll(List.of(more));
        return CliRun.of("", false, env, args.toArray(String[]::new));
    }

    private List<List<String>> query(String sql) throws Exception {
        return StoreQuery.rows(db, dir.resolve("cache"), sql);
    }

    private long chatRequests() {
        return fake.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).count();
    }

    @Test
    void aTournamentPlaysEveryPairOnEveryMotionBothWaysAndRecordsItAll() throws Exception {
        CliRun r = tournament("--concurrency", "3");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(12, r.lines().stream().filter(l -> l.startsWith("[")).count(), r.out());
        assertEquals(12 * 4, chatRequests(), "2 turns and 2 readings per debate");
        assertEquals(List.of(List.of("complete", "12")), query("SELECT status, count(*) FROM tournament_debates GROUP BY status"));
        assertEquals(List.of(List.of("complete")), query("SELECT status FROM tournaments WHERE name = 'cup'"));
        for (List<String> row : query("SELECT pro_model, con_model, winner FROM tournament_debates")) {
            String stronger = MODELS.indexOf(row.get(0)) > MODELS.indexOf(row.get(1)) ? "pro" : "con";
            assertEquals(stronger, row.get(2), row.toString());
        }
        assertEquals(List.of(List.of("24")), query("SELECT count(*) FROM panel_readings"));
        assertEquals(List.of(List.of("12")), query("SELECT count(*) FROM debates WHERE status = 'complete'"));

        CliRun again = tournament();
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(12 * 4, chatRequests(), "nothing already played is asked again");
    }

    @Test
    void theSameCommandWithOtherSettingsIsRefusedBeforeAnythingIsSent() throws Exception {
        assertEquals(0, tournament().exitCode());
        long before = chatRequests();
        CliRun changed = tournament("--max-tokens", "300");
        assertEquals(ExitCode.USAGE, changed.exitCode(), changed.toString());
        assertTrue(changed.err().contains("tournament cup was started with other settings: max tokens (stored: 500)"), changed.err());
        assertEquals(before, chatRequests());
    }

    @Test
    void aDryRunPrintsTheScheduleAndItsCostWithoutAKeyOrARequest() {
        CliRun r = CliRun.of("", false, env, "tournament", "--dry-run", "--models", "a/x,b/y,c/z", "--motion", "M",
                "--judges", "j/judge", "--no-validate");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("Tournament t-"), r.out());
        assertTrue(r.out().contains("3 models, 1 motion, 3 groups, 6 debates of 3 rounds, 48 requests"), r.out());
        assertEquals(0, chatRequests());
    }

    @Test
    void aBudgetStopsTheTournamentAndAResumeWithALargerOneFinishesIt() throws Exception {
        // A debate may cost several times what it really costs ($0.0006), every turn and reading at its
        // max tokens: $0.025 lets some start, refuses one, and lets those begun finish.
        CliRun stopped = tournament("--budget", "0.025", "--concurrency", "2");
        assertEquals(ExitCode.BUDGET, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.err().matches("(?s)arena: the budget of \\$0\\.025 is reached: the next debate could pass it; "
                + "\\$0\\.00\\d\\d spent; \\d+ of 12 debates are done; to finish it, resume with a larger budget: "
                + "arena tournament --resume cup --budget USD\n"), stopped.err());
        double spent = Double.parseDouble(query("SELECT coalesce(sum(cost_usd), 0) FROM requests").get(0).get(0));
        assertTrue(spent <= 0.025, "spent " + spent);
        assertEquals(List.of(List.of("complete"), List.of("pending")),
                query("SELECT DISTINCT status FROM tournament_debates ORDER BY status"), "none cut half-way");

        CliRun resumed = CliRun.of("", false, env, "tournament", "--base-url", fake.baseUrl(), "--db", db.toString(),
                "--resume", "cup", "--budget", "1", "--rate-limit", UNBOUND);
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertEquals(List.of(List.of("complete", "12")), query("SELECT status, count(*) FROM tournament_debates GROUP BY status"));
        Map<String, Long> perBody = fake.requests().stream().filter(r -> r.path().endsWith("/chat/completions"))
                .collect(Collectors.groupingBy(RecordedRequest::body, Collectors.counting()));
        assertTrue(chatRequests() <= 12 * 4 + 2, "at most the requests refused mid-debate are asked again: " + chatRequests());
        assertTrue(perBody.size() > 0);
    }

    @Test
    void aJudgeOfAFightersFamilyDoesNotJudgeItsDebates() throws Exception {
        scriptTournament(fake, List.of("s/judge", "v/judge", "w/judge"));
        CliRun r = tournamentJudgedBy("s/judge,v/judge,w/judge", "families");
        assertEquals(0, r.exitCode(), r.toString());
        for (List<String> row : query("SELECT td.pro_model, td.con_model, group_concat(DISTINCT p.judge_model) FROM tournament_debates td"
                + " JOIN panel_readings p ON p.debate_id = td.debate_id WHERE td.tournament = 'families' GROUP BY td.debate_id")) {
            boolean sFights = row.get(0).startsWith("s/") || row.get(1).startsWith("s/");
            assertEquals(!sFights, row.get(2).contains("s/judge"), row.toString());
        }
    }

    @Test
    void extendAddsAModelAndAMotionAndPlaysOnlyTheNewPairings() throws Exception {
        CliRun first = CliRun.of("", false, env, "tournament", "--base-url", fake.baseUrl(), "--db", db.toString(),
                "--models", "s/weak,t/middle", "--motion", "Cats beat dogs", "--judges", "j/judge", "--rounds", "1",
                "--name", "grow", "--rate-limit", UNBOUND);
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(2 * 4, chatRequests(), "one pair, two legs");

        CliRun refused = CliRun.of("", false, env, "tournament", "--base-url", fake.baseUrl(), "--db", db.toString(),
                "--models", "s/weak,t/middle,u/strong", "--motion", "Cats beat dogs", "--judges", "j/judge",
                "--rounds", "1", "--name", "grow", "--rate-limit", UNBOUND);
        assertEquals(ExitCode.USAGE, refused.exitCode(), "another model without --extend: " + refused);
        assertTrue(refused.err().contains("models or motions (--extend adds new ones)"), refused.err());

        CliRun grown = CliRun.of("", false, env, "tournament", "--base-url", fake.baseUrl(), "--db", db.toString(),
                "--models", "s/weak,t/middle,u/strong", "--motion", "Cats beat dogs", "--motion", "Tea beats coffee",
                "--judges", "j/judge", "--rounds", "1", "--name", "grow", "--rate-limit", UNBOUND, "--extend");
        assertEquals(0, grown.exitCode(), grown.toString());
        // 3 pairs on 2 motions is 12 debates; the first run played 2 of them.
        assertEquals(12 * 4, chatRequests(), "only the 10 new debates were played");
        assertEquals(List.of(List.of("complete", "12")),
                query("SELECT status, count(*) FROM tournament_debates WHERE tournament = 'grow' GROUP BY status"));
        assertEquals(List.of(List.of("0"), List.of("0")), query("SELECT position FROM tournament_debates"
                + " WHERE tournament = 'grow' AND motion = 'Cats beat dogs' AND 's/weak' IN (pro_model, con_model)"
                + " AND 't/middle' IN (pro_model, con_model)"), "the first group keeps its place");
        assertEquals(List.of(List.of("10")), query("SELECT count(*) FROM tournament_debates WHERE tournament = 'grow'"
                + " AND position > 0"), "the new pairings come after it");
    }
}
