package dev.arena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeModels;
import dev.arena.fake.FakeOpenRouter;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code arena leaderboard} over tournaments run in-process against the fake server (set up as
 * {@link TournamentCommandTest} does: the judge names the stronger model), and the leaderboard a
 * tournament prints at its end.
 */
class LeaderboardCommandTest {

    private static final List<String> MODELS = TournamentCommandTest.MODELS;

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();
    private Path db;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        IsolatedDirs.under(dir, env);
        db = dir.resolve("arena.db");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun tournament(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("tournament", "--base-url", fake.baseUrl(), "--db", db.toString(),
                "--models", String.join(",", MODELS), "--motion", "Cats beat dogs", "--motion", "Tea beats coffee",
                "--judges", "j/judge", "--rounds", "1", "--name", name,
                // The default 10 a minute would hold the judge's 24 readings for over a minute.
                "--rate-limit", "6000/min"));
        args.addAll(List.of(more));
        CliRun run = CliRun.of("", false, env, args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        return run;
    }

    private CliRun leaderboard(String... more) {
        List<String> args = new ArrayList<>(List.of("leaderboard", "--db", db.toString()));
        args.addAll(List.of(more));
        return CliRun.of("", false, env, args.toArray(String[]::new));
    }

    private static JsonObject json(CliRun run) {
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(1, run.lines().size(), run.out());
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    private static List<String> models(JsonObject board) {
        List<String> models = new ArrayList<>();
        board.getAsJsonArray("models").forEach(m -> models.add(m.getAsJsonObject().get("model").getAsString()));
        return models;
    }

    private static JsonObject model(JsonObject board, String id) {
        for (var m : board.getAsJsonArray("models")) {
            if (m.getAsJsonObject().get("model").getAsString().equals(id)) {
                return m.getAsJsonObject();
            }
        }
        throw new AssertionError(id + " is not in " + board);
    }

    @Test
    void aTournamentEndsWithItsLeaderboardAndArenaLeaderboardPrintsTheSameForTheLatest() {
        TournamentCommandTest.scriptTournament(fake, List.of("j/judge"));
        CliRun run = tournament("cup", "--seed", "9");
        assertTrue(run.out().contains("\nLeaderboard: cup\nrank  model"), run.out());
        List<String> lines = run.lines();
        int title = lines.indexOf("Leaderboard: cup");
        List<String> order = lines.subList(title + 2, title + 5).stream().map(l -> l.split(" +")[1]).toList();
        assertEquals(List.of("u/strong", "t/middle", "s/weak"), order, run.out());

        CliRun latest = leaderboard();
        assertEquals(0, latest.exitCode(), latest.toString());
        assertTrue(run.out().endsWith("\n" + latest.out()), "the same table, seeded by the tournament's seed:\n" + latest.out());
        assertEquals(latest.out(), leaderboard("cup", "--seed", "9").out());
    }

    @Test
    void jsonRatesEveryModelOverItsEightDebatesAndTheSameSeedGivesTheSameBytes() {
        TournamentCommandTest.scriptTournament(fake, List.of("j/judge"));
        tournament("cup");
        CliRun first = leaderboard("cup", "--json", "--seed", "5");
        JsonObject board = json(first);
        assertEquals("cup", board.get("tournament").getAsString());
        assertEquals(List.of("u/strong", "t/middle", "s/weak"), models(board));
        JsonObject strong = model(board, "u/strong");
        assertEquals(List.of("rank", "model", "rating", "ci_low", "ci_high", "wins", "losses", "ties", "debates",
                "pro_win_rate", "con_win_rate", "cost_per_debate", "failed", "left_out"), List.copyOf(strong.keySet()));
        assertEquals(8, strong.get("wins").getAsInt());
        assertEquals(8, strong.get("debates").getAsInt());
        assertEquals(0, model(board, "s/weak").get("wins").getAsInt());
        assertTrue(strong.get("rating").getAsDouble() > model(board, "t/middle").get("rating").getAsDouble());
        assertEquals("0.000100", strong.get("cost_per_debate").getAsString(), "one turn a debate at the fake's price");
        assertEquals(first.out(), leaderboard("cup", "--json", "--seed", "5").out());
        assertEquals(first.out(), leaderboard("--json", "--seed", "5").out(), "no name: the latest, cup");
    }

    @Test
    void markdownIsATableUnderAHeading() {
        TournamentCommandTest.scriptTournament(fake, List.of("j/judge"));
        tournament("cup");
        CliRun md = leaderboard("--markdown");
        assertEquals(0, md.exitCode(), md.toString());
        assertTrue(md.out().startsWith("# Leaderboard: cup\n\n| rank | model | rating |"), md.out());
        assertTrue(md.out().contains("\n| 1 | u/strong | "), md.out());
    }

    @Test
    void namedOrAllTournamentsArePooled() {
        TournamentCommandTest.scriptTournament(fake, List.of("j/judge"));
        tournament("cup");
        tournament("bowl");
        JsonObject pooled = json(leaderboard("cup", "bowl", "--json"));
        assertEquals("cup, bowl", pooled.get("tournament").getAsString());
        assertEquals(16, model(pooled, "t/middle").get("debates").getAsInt());
        assertEquals(8, model(pooled, "t/middle").get("wins").getAsInt());
        JsonObject all = json(leaderboard("--all", "--json"));
        assertEquals("cup, bowl", all.get("tournament").getAsString(), "in the order they were run");
        assertEquals(pooled.get("models"), all.get("models"), "both pooled with seed 1");
        assertEquals("bowl", json(leaderboard("--json")).get("tournament").getAsString(), "the one run most recently");
    }

    @Test
    void debatesWhereTheFallbackSpokeForAFighterAreLeftOutOfTheRatingsAndCounted() {
        fake.script("s/weak", Reply.errorMessage(500, "the model is down"));
        fake.script("z/backup", Reply.stream(RuleJudge.says("z/backup")).usage(20, 10, 0.0001));
        for (String model : MODELS.subList(1, 3)) {
            fake.script(model, Reply.stream(RuleJudge.says(model)).usage(20, 10, 0.0001));
        }
        fake.script("j/judge", Reply.answering(transcript -> RuleJudge.verdict(transcript, MODELS, false)).usage(200, 50, 0.0002));
        fake.models(FakeModels.priced(List.of("s/weak", "t/middle", "u/strong", "j/judge", "z/backup")));
        CliRun run = tournament("cup", "--fallback", "z/backup", "--retries", "0");
        assertTrue(run.out().contains("warning: 8 debates were left out of the ratings because a fallback model spoke"
                + " for a fighter"), run.out());

        JsonObject board = json(leaderboard("--json"));
        assertEquals(List.of("u/strong", "t/middle", "s/weak"), models(board));
        JsonObject weak = model(board, "s/weak");
        assertEquals(8, weak.get("left_out").getAsInt());
        assertEquals(0, weak.get("debates").getAsInt());
        assertTrue(weak.get("rank").isJsonNull() && weak.get("rating").isJsonNull(), weak.toString());
        JsonObject middle = model(board, "t/middle");
        assertEquals(4, middle.get("left_out").getAsInt(), "its debates with s/weak");
        assertEquals(4, middle.get("debates").getAsInt(), "its debates with u/strong");
        assertEquals(0, middle.get("wins").getAsInt(), "z/backup's words won those for t/middle, and they are not rated");
        JsonArray warnings = board.getAsJsonArray("warnings");
        assertTrue(warnings.toString().contains("8 debates were left out"), warnings.toString());
    }

    @Test
    void withoutATournamentItSaysSoAndAnUnknownNameIsAUsageError() {
        CliRun none = leaderboard();
        assertEquals(0, none.exitCode(), none.toString());
        assertEquals("", none.out());
        assertEquals("arena: no tournament has been run yet (the store is " + db + "); start one with arena tournament\n",
                none.err());

        CliRun unknownInNoStore = leaderboard("cup");
        assertEquals(ExitCode.USAGE, unknownInNoStore.exitCode(), unknownInNoStore.toString());
        assertEquals("arena: there is no tournament cup in " + db + "\n", unknownInNoStore.err());

        TournamentCommandTest.scriptTournament(fake, List.of("j/judge"));
        tournament("cup");
        CliRun unknown = leaderboard("cup", "vase");
        assertEquals(ExitCode.USAGE, unknown.exitCode(), unknown.toString());
        assertEquals("", unknown.out());
        assertEquals("arena: there is no tournament vase in " + db + " (it has cup)\n", unknown.err());

        CliRun unknownJson = leaderboard("--json", "vase");
        assertEquals(ExitCode.USAGE, unknownJson.exitCode(), unknownJson.toString());
        JsonObject event = JsonParser.parseString(unknownJson.out()).getAsJsonObject();
        assertEquals("error", event.get("type").getAsString(), unknownJson.toString());
        assertEquals(ExitCode.USAGE, event.get("exit_code").getAsInt());
        assertEquals("arena: " + event.get("message").getAsString() + "\n", unknownJson.err(), "the same sentence");
    }

    @Test
    void conflictingOptionsAreUsageErrors() {
        CliRun both = leaderboard("cup", "--all");
        assertEquals(ExitCode.USAGE, both.exitCode(), both.toString());
        assertTrue(both.err().startsWith("arena: give tournament names or --all, not both\n"), both.err());
        CliRun formats = leaderboard("--json", "--markdown");
        assertEquals(ExitCode.USAGE, formats.exitCode(), formats.toString());
        assertTrue(formats.err().contains("--json and --markdown cannot be combined"), formats.err());
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun help = CliRun.of("", false, env, "leaderboard", "--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.out().contains("Exit codes:") && help.out().contains("no tournament of that name"), help.out());
    }
}
