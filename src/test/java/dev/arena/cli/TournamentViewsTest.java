package dev.arena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeOpenRouter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code arena tournament} shows while it runs: JSON events, the live status on a terminal's stderr. */
class TournamentViewsTest {

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        IsolatedDirs.under(dir, env);
        TournamentCommandTest.scriptTournament(fake, List.of("j/judge"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** Two models on one motion: one group, two debates, enough to see every view at work. */
    private CliRun tournament(String name, boolean stderrTerminal, String... more) {
        List<String> args = new ArrayList<>(List.of("tournament", "--base-url", fake.baseUrl(), "--db",
                dir.resolve("arena.db").toString(), "--models", "s/weak,u/strong", "--motion", "Cats beat dogs",
                "--judges", "j/judge", "--rounds", "1", "--name", name));
        args.addAll(List.of(more));
        return CliRun.of("", false, stderrTerminal, env, args.toArray(String[]::new));
    }

    private static List<JsonObject> events(CliRun r) {
        return r.lines().stream().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
    }

    private static List<String> names(List<JsonObject> events) {
        return events.stream().map(e -> e.get("event").getAsString()).toList();
    }

    @Test
    void withJsonStdoutHasOnlyEventsFromTheStartToTheEnd() {
        CliRun r = tournament("json", true, "--json");

        assertEquals(0, r.exitCode(), r.toString());
        List<JsonObject> events = events(r);
        List<String> names = names(events);
        assertEquals("tournament_start", names.get(0));
        assertEquals("tournament_end", names.get(names.size() - 1));
        assertEquals(Map.of("tournament_start", 1L, "debate_start", 2L, "debate_end", 2L, "progress", 2L,
                "leaderboard", 1L, "tournament_end", 1L),
                names.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting())));
        assertEquals("leaderboard", names.get(names.size() - 2), "the ratings, just before the end");
        JsonObject board = events.get(names.size() - 2);
        assertEquals("json", board.get("tournament").getAsString());
        assertEquals(2, board.getAsJsonArray("models").size());
        assertEquals("u/strong", board.getAsJsonArray("models").get(0).getAsJsonObject().get("model").getAsString());
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals("debate_end")) {
                assertEquals("progress", names.get(i + 1), "progress follows each debate_end");
                JsonObject end = events.get(i);
                assertEquals("complete", end.get("state").getAsString());
                assertTrue(end.getAsJsonObject("votes").has("j/judge"), end.toString());
                assertFalse(end.get("cost").toString().contains("E"), "a plain decimal: " + end.get("cost"));
            }
        }
        JsonObject start = events.get(0);
        assertEquals("json", start.get("name").getAsString());
        assertEquals(2, start.get("total").getAsInt());
        assertEquals(0, start.get("done").getAsInt());
        JsonObject last = events.get(events.size() - 3);
        assertEquals(2, last.get("done").getAsInt());
        assertEquals(0, last.get("running").getAsInt());
        JsonObject end = events.get(events.size() - 1);
        assertEquals("complete", end.get("status").getAsString());
        assertEquals(2, end.get("complete").getAsInt());
        assertEquals(0, end.get("unfinished").getAsInt());
        assertFalse(r.err().contains("\u001b"), "no live status with --json: " + r.err());
    }

    @Test
    void aBudgetStopEndsTheEventsWithTheEndAndAnError() {
        CliRun r = tournament("budget", false, "--json", "--budget", "0");

        assertEquals(ExitCode.BUDGET, r.exitCode(), r.toString());
        List<JsonObject> events = events(r);
        List<String> names = names(events);
        assertEquals(List.of("tournament_end", "error"), names.subList(names.size() - 2, names.size()));
        assertEquals("budget", events.get(names.size() - 2).get("status").getAsString());
        JsonObject error = events.get(names.size() - 1);
        assertEquals(ExitCode.BUDGET, error.get("exit_code").getAsInt());
        assertTrue(error.get("message").getAsString().contains("arena tournament --resume budget --budget USD"), error.toString());
        assertTrue(r.err().contains("arena tournament --resume budget --budget USD"), "stderr says it too: " + r.err());
    }

    @Test
    void onATerminalsStderrTheStatusIsDrawnAndClearedWhileStdoutKeepsItsLines() {
        CliRun r = tournament("live", true);

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(2, r.lines().stream().filter(l -> l.startsWith("[")).count(), r.out());
        assertFalse(r.out().contains("\u001b"), "stdout, a pipe, has no status: " + r.out());
        assertTrue(r.err().contains("\r\u001b[K2/2 done, 0 running, 0 failed [##########] 100% ETA 0s · $"), r.err());
        assertTrue(r.err().endsWith("\r\u001b[K"), "cleared at the end: " + r.err());
    }

    @Test
    void quietOrAPipeForStderrHasNoStatus() {
        CliRun quiet = tournament("quiet", true, "-q");
        CliRun piped = tournament("piped", false);
        assertEquals(0, quiet.exitCode(), quiet.toString());
        assertEquals(0, piped.exitCode(), piped.toString());
        assertEquals("", quiet.err());
        assertEquals("", piped.err());
        assertEquals(2, piped.lines().stream().filter(l -> l.startsWith("[")).count(), piped.out());
    }
}
