package dev.arena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real debate against the fake server recorded in the store, then read back: the rows and
 * statuses, {@code logs show} against the {@code --out} transcript of the same run, the export
 * formats, and {@code replay} on a pipe.
 */
class StoredDebateCommandsTest {

    private static final String SCORES = "\"scores\":{\"A\":{\"argument_strength\":8,\"rebuttal\":7,\"evidence\":6,\"clarity\":9},"
            + "\"B\":{\"argument_strength\":5,\"rebuttal\":6,\"evidence\":5,\"clarity\":7}}";

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
        fake.script("s/pro", Reply.stream("Cars ", "choke cities.\n\nBan them."), Reply.stream("Closing: ", "ban them."));
        fake.script("s/con", Reply.stream("Freedom of movement ", "matters."), Reply.stream("Closing: keep them.\n"));
        // Pro first (Pro is A), then Con first (Pro is B): both readings give Pro the win.
        fake.script("s/judge", Reply.stream("{\"winner\":\"A\"," + SCORES + ",\"rationale\":\"A was concrete.\"}"),
                Reply.stream("{\"winner\":\"B\"," + SCORES.replace("\"A\"", "\"X\"").replace("\"B\"", "\"A\"").replace("\"X\"", "\"B\"")
                        + ",\"rationale\":\"B was concrete.\"}"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun run(String... args) {
        return CliRun.of("", false, env, args);
    }

    /** A judged two-round debate with its Markdown transcript at {@code out}; returns its id. */
    private String debate(Path out) throws Exception {
        CliRun r = run("debate", "--base-url", fake.baseUrl(), "--db", db.toString(), "--pro", "s/pro", "--con", "s/con",
                "--judge", "s/judge", "--rounds", "2", "--seed", "7", "--out", out.toString(), "Cities should ban private cars");
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(r.err().contains("store"), "the store kept the run without a warning: " + r);
        return query("SELECT id FROM debates").get(0).get(0);
    }

    private List<List<String>> query(String sql) throws Exception {
        return StoreQuery.rows(db, dir.resolve("cache"), sql);
    }

    @Test
    void aDebateIsRecordedWithEveryTurnTheVerdictAndHowItEnded() throws Exception {
        String id = debate(dir.resolve("t.md"));
        assertEquals(List.of(List.of(id, "debate", "Cities should ban private cars")),
                query("SELECT id, kind, title FROM conversations"));
        assertEquals(List.of(List.of("Cities should ban private cars", "2", "[\"s/pro\"]", "[\"s/con\"]", "[\"s/judge\"]",
                        "7", "complete", "pro")),
                query("SELECT topic, rounds, pro_models, con_models, judge_models, seed, status, winner FROM debates"));
        assertEquals(List.of(
                        List.of("1", "1", "pro", "opening", "s/pro", "Cars choke cities.\n\nBan them."),
                        List.of("2", "1", "con", "opening", "s/con", "Freedom of movement matters."),
                        List.of("3", "2", "pro", "closing", "s/pro", "Closing: ban them."),
                        List.of("4", "2", "con", "closing", "s/con", "Closing: keep them.\n")),
                query("SELECT idx, round, side, phase, model, text FROM turns ORDER BY idx"));
        assertEquals(List.of(List.of("pro", "1", "s/judge", "A was concrete.")),
                query("SELECT winner, readings_agree, judge_model, rationale FROM verdicts"));
        assertEquals(List.of(List.of("1", "pro", "pro", "1"), List.of("2", "con", "pro", "1")),
                query("SELECT reading, presented_first, winner, parsed FROM judge_readings ORDER BY reading"));
        assertEquals(List.of(List.of("judge", "2", "complete"), List.of("turn", "4", "complete")),
                query("SELECT purpose, count(*), group_concat(DISTINCT status) FROM requests GROUP BY purpose ORDER BY purpose"));
        assertEquals(List.of(List.of("0")), query("SELECT count(*) FROM debates WHERE stop_reason IS NOT NULL OR elapsed_ns IS NULL"));
    }

    /**
     * The one difference: the transcript's start is the clock's, to the microsecond; the store
     * keeps times to the millisecond. Every duration reads the same, as the store keeps them whole.
     */
    @Test
    void logsShowOfADebateIsItsMarkdownTranscript() throws Exception {
        Path md = dir.resolve("t.md");
        String id = debate(md);
        CliRun show = run("logs", "--db", db.toString(), "show", id);
        assertEquals(0, show.exitCode(), show.toString());
        assertEquals("", show.err());
        assertEquals(startToTheMillisecond(Files.readString(md)), show.out());
        CliRun prefix = run("logs", "--db", db.toString(), "show", id.substring(0, 8).toUpperCase());
        assertEquals(show.out(), prefix.out(), "a unique prefix, in either case, names it too");
    }

    private static String startToTheMillisecond(String transcript) {
        StringBuilder out = new StringBuilder();
        for (String line : transcript.split("\n", -1)) {
            if (line.startsWith("- Started: ")) {
                line = "- Started: " + Instant.parse(line.substring(11)).truncatedTo(ChronoUnit.MILLIS);
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    @Test
    void exportWritesTheFormatsOfDebateOut() throws Exception {
        String id = debate(dir.resolve("t.md"));
        CliRun json = run("logs", "--db", db.toString(), "export", id, "--format", "json");
        assertEquals(0, json.exitCode(), json.toString());
        JsonObject doc = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals("Cities should ban private cars", doc.get("topic").getAsString());
        JsonArray turns = doc.getAsJsonArray("turns");
        assertEquals(4, turns.size());
        assertEquals("Cars choke cities.\n\nBan them.", turns.get(0).getAsJsonObject().get("text").getAsString());
        assertEquals("con", turns.get(3).getAsJsonObject().get("side").getAsString());
        assertEquals("pro", doc.getAsJsonObject("verdict").get("winner").getAsString());
        assertEquals(2, doc.getAsJsonObject("verdict").getAsJsonArray("readings").size());
        assertEquals("complete", doc.get("outcome").getAsString());
        assertTrue(doc.get("finished").getAsBoolean());

        Path jsonl = dir.resolve("e.jsonl");
        CliRun lines = run("logs", "--db", db.toString(), "export", id, "--out", jsonl.toString());
        assertEquals(0, lines.exitCode(), lines.toString());
        List<JsonObject> events = Files.readAllLines(jsonl).stream().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        assertEquals(List.of("debate_start", "turn_start", "delta", "turn_end", "turn_start", "delta", "turn_end",
                        "turn_start", "delta", "turn_end", "turn_start", "delta", "turn_end", "judging", "verdict", "summary",
                        "debate_end"),
                events.stream().map(e -> e.get("type").getAsString()).toList());
        assertEquals("Freedom of movement matters.", events.get(6).get("text").getAsString());
        assertEquals("pro", events.get(14).get("winner").getAsString());
        Instant started = Instant.parse(events.get(0).get("time").getAsString());
        Instant verdictAt = Instant.parse(events.get(14).get("time").getAsString());
        assertTrue(!verdictAt.isBefore(started) && verdictAt.isBefore(Instant.now().minusMillis(1).plusSeconds(1)),
                "events carry their recorded times: " + events.get(14));

        CliRun again = run("logs", "--db", db.toString(), "export", id, "--out", jsonl.toString());
        assertEquals(2, again.exitCode(), again.toString());
        assertEquals("arena: " + jsonl + " already exists and is not empty; add --force to overwrite it, or choose another file\n",
                again.err());
        Path md = dir.resolve("e.md");
        CliRun markdown = run("logs", "--db", db.toString(), "export", id, "--out", md.toString());
        assertEquals(0, markdown.exitCode(), markdown.toString());
        assertEquals(run("logs", "--db", db.toString(), "show", id).out(), Files.readString(md));
    }

    @Test
    void replayAtSpeedZeroOnAPipeIsWhatLogsShowPrints() throws Exception {
        String id = debate(dir.resolve("t.md"));
        CliRun replay = run("replay", "--db", db.toString(), "--speed", "0", id);
        assertEquals(0, replay.exitCode(), replay.toString());
        assertEquals(run("logs", "--db", db.toString(), "show", id).out(), replay.out());
    }

    @Test
    void replayWaitsAsRecordedButNeverLongerThanItsCap() throws Exception {
        String id = debate(dir.resolve("t.md"));
        long start = System.nanoTime();
        CliRun replay = run("replay", "--db", db.toString(), "--speed", "1", id);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, replay.exitCode(), replay.toString());
        assertEquals(run("logs", "--db", db.toString(), "show", id).out(), replay.out());
        assertTrue(tookMs < 30_000, "a replay of a quick debate is quick: " + tookMs + " ms");
    }

    @Test
    void aBadSpeedIsAUsageError() {
        CliRun r = run("replay", "--db", db.toString(), "--speed", "-1", "01jf4abc");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("arena: "), r.toString());
        assertTrue(r.err().contains("'-1' is not a speed"), r.toString());
    }

    @Test
    void anEntryThatIsNotThereIsExit3WithASentence() throws Exception {
        CliRun none = run("logs", "--db", db.toString(), "show", "01jf4abc");
        assertEquals(3, none.exitCode(), none.toString());
        assertEquals("arena: nothing is recorded yet (the store would be " + db + ")\n", none.err());
        assertFalse(Files.exists(db), "a reading command creates no store");
        debate(dir.resolve("t.md"));
        CliRun unknown = run("logs", "--db", db.toString(), "export", "zzzzzzzz");
        assertEquals(3, unknown.exitCode(), unknown.toString());
        assertEquals("arena: no conversation or debate has the id zzzzzzzz (list them: arena logs)\n", unknown.err());
        CliRun replay = run("replay", "--db", db.toString(), "zzzz");
        assertEquals(3, replay.exitCode(), replay.toString());
    }

    @Test
    void aFailedDebateIsRecordedAsFailedAndShowsAsItsTranscriptDoes() throws Exception {
        fake.script("s/bad", Reply.errorMessage(400, "no such thing"));
        Path md = dir.resolve("f.md");
        CliRun r = run("debate", "--base-url", fake.baseUrl(), "--db", db.toString(), "--pro", "s/pro", "--con", "s/bad",
                "--no-validate", "--retries", "0", "--rounds", "2", "--out", md.toString(), "Topic");
        assertEquals(1, r.exitCode(), r.toString());
        List<String> debate = query("SELECT id, status, outcome_reason, stop_reason, winner FROM debates").get(0);
        assertEquals("failed", debate.get(1));
        assertTrue(debate.get(2).startsWith("the debate stopped: round 1, Con: "), debate.toString());
        assertTrue(debate.get(3).startsWith("round 1, Con: "), debate.toString());
        assertEquals(null, debate.get(4));
        List<List<String>> turns = query("SELECT side, error IS NULL FROM turns ORDER BY idx");
        assertEquals(List.of(List.of("pro", "1"), List.of("con", "0")), turns);
        CliRun show = run("logs", "--db", db.toString(), "show", debate.get(0));
        assertEquals(0, show.exitCode(), show.toString());
        assertEquals(startToTheMillisecond(Files.readString(md)), show.out());
    }
}
