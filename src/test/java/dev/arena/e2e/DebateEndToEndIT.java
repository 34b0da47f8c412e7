package dev.arena.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.RecordedRequest;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static dev.arena.e2e.ArenaProcess.arena;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real bin/arena debate against the fake OpenRouter, which serves scripted answers per model. */
class DebateEndToEndIT {

    private static final String KEY = "sk-or-v1-debate-secret-0123456789";
    private static FakeOpenRouter fake;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenRouter.start().requireKey(KEY);
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    private static ArenaProcess debate(String... args) {
        return ArenaProcess.against(fake, KEY, "debate", args);
    }

    private static List<String> roles(RecordedRequest request) {
        JsonArray messages = request.json().getAsJsonArray("messages");
        return messages.asList().stream().map(m -> m.getAsJsonObject().get("role").getAsString()).collect(Collectors.toList());
    }

    private static String content(RecordedRequest request, int index) {
        return request.json().getAsJsonArray("messages").get(index).getAsJsonObject().get("content").getAsString();
    }

    @Test
    void roundsRotateAndEachFighterSeesTheDebateFromItsSeat() {
        fake.script("t1/pro", Reply.stream("Pro opens."), Reply.stream("Pro closes."));
        fake.script("t1/con", Reply.stream("Con opens."), Reply.stream("Con closes."));
        ArenaProcess.Result r = debate("--pro", "t1/pro", "--con", "t1/con", "--rounds", "2", "Cities should ban cars").run();
        assertEquals(0, r.exitCode(), r.toString());

        String md = r.stdout();
        int p1 = md.indexOf("## Round 1 — Pro (t1/pro)");
        int c1 = md.indexOf("## Round 1 — Con (t1/con)");
        int p2 = md.indexOf("## Round 2 — Pro (t1/pro)");
        int c2 = md.indexOf("## Round 2 — Con (t1/con)");
        assertTrue(p1 >= 0 && p1 < c1 && c1 < p2 && p2 < c2, "turn order in:\n" + md);
        assertTrue(md.indexOf("Pro opens.") > p1 && md.indexOf("Con closes.") > c2, md);
        assertTrue(md.startsWith("# Debate: Cities should ban cars"), md);

        List<RecordedRequest> pro = fake.requestsFor("t1/pro");
        List<RecordedRequest> con = fake.requestsFor("t1/con");
        assertEquals(List.of("system", "user"), roles(pro.get(0)));
        assertEquals(List.of("system", "user"), roles(con.get(0)));
        assertEquals("Your opponent (Pro), round 1, opening statement:\n\nPro opens.", content(con.get(0), 1));
        assertEquals(List.of("system", "user", "assistant", "user"), roles(pro.get(1)));
        assertEquals("Pro opens.", content(pro.get(1), 2));
        assertTrue(content(pro.get(1), 3).endsWith("\n\nCon opens."), content(pro.get(1), 3));
        assertEquals(List.of("system", "user", "assistant", "user"), roles(con.get(1)));
        assertEquals("Con opens.", content(con.get(1), 2));
        assertTrue(content(con.get(1), 3).endsWith("\n\nPro closes."), content(con.get(1), 3));

        String proSystem = content(pro.get(1), 0);
        assertTrue(proSystem.contains("Cities should ban cars") && proSystem.contains("round 2 of 2")
                && proSystem.contains("closing statement") && proSystem.contains("for the topic"), proSystem);
        assertTrue(content(con.get(0), 0).contains("against the topic") && content(con.get(0), 0).contains("opening statement"));
        assertEquals(0.8, pro.get(0).json().get("temperature").getAsDouble(), 1e-9);
        assertEquals(500, pro.get(0).json().get("max_tokens").getAsInt());
    }

    @Test
    void jsonEventsAndAJudgeAskedTwiceWithSidesSwapped() {
        fake.script("t2/pro", Reply.stream("P"));
        fake.script("t2/con", Reply.stream("C"));
        String scores = "\"scores\":{\"A\":{\"argument_strength\":8,\"rebuttal\":7,\"evidence\":6,\"clarity\":9},"
                + "\"B\":{\"argument_strength\":5,\"rebuttal\":5,\"evidence\":5,\"clarity\":5}}";
        // Both readings prefer Debater A, who is Pro the first time and Con the second: a disagreement, so a tie.
        fake.script("t2/judge", Reply.stream("{\"winner\":\"A\"," + scores + ",\"rationale\":\"A was sharper.\"}"));
        ArenaProcess.Result r = debate("--json", "--pro", "t2/pro", "--con", "t2/con", "--rounds", "1",
                "--judge", "t2/judge", "Tabs beat spaces").run();
        assertEquals(0, r.exitCode(), r.toString());
        List<JsonObject> events = r.stdout().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).collect(Collectors.toList());
        List<String> types = events.stream().map(e -> e.get("type").getAsString()).distinct().collect(Collectors.toList());
        assertEquals(List.of("debate_start", "turn_start", "delta", "turn_end", "judging", "verdict", "summary", "debate_end"), types, r.stdout());
        JsonObject verdict = events.stream().filter(e -> e.get("type").getAsString().equals("verdict")).findFirst().orElseThrow();
        assertEquals("tie", verdict.get("winner").getAsString(), verdict.toString());
        assertFalse(verdict.get("readings_agree").getAsBoolean());

        List<RecordedRequest> judge = fake.requestsFor("t2/judge");
        assertEquals(2, judge.size(), "the judge is asked twice");
        String first = content(judge.get(0), 1);
        String second = content(judge.get(1), 1);
        assertTrue(first.contains("Debater A argued for"), first);
        assertTrue(second.contains("Debater A argued against"), second);
    }

    @Test
    void aFallbackMidDebateIsShownWithTheModelThatAnswered() {
        fake.script("t3/pro", Reply.stream("Pro 1"), Reply.stream("Pro 2"));
        fake.script("t3/con", Reply.stream("Con 1"), Reply.errorMessage(503, "No provider available"));
        fake.script("t3/backup", Reply.stream("Backup speaks for Con"));
        ArenaProcess.Result r = debate("--pro", "t3/pro", "--con", "t3/con", "--con-fallback", "t3/backup",
                "--retries", "0", "--rounds", "2", "Topic").run();
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("## Round 2 — Con (t3/backup)"), r.stdout());
        assertTrue(r.stderr().contains("[Con] t3/con failed") && r.stderr().contains("falling back to t3/backup"), r.stderr());
        // The backup sees the same debate Con would have.
        assertTrue(content(fake.requestsFor("t3/backup").get(0), 3).endsWith("\n\nPro 2"));
    }

    @Test
    void aTurnThatFailsEverywhereStopsTheDebateAndKeepsTheTranscript(@TempDir Path dir) throws Exception {
        fake.script("t4/pro", Reply.stream("Pro speaks"));
        fake.script("t4/con", Reply.stream("Con starts", " and then").resetAfter(1));
        Path md = dir.resolve("debate.md");
        ArenaProcess.Result r = debate("--pro", "t4/pro", "--con", "t4/con", "--retries", "0", "--out", md.toString(), "Topic").run();
        assertEquals(1, r.exitCode(), r.toString());
        String transcript = Files.readString(md);
        assertTrue(transcript.contains("Pro speaks") && transcript.contains("Con starts"), transcript);
        assertTrue(transcript.contains("This turn failed"), transcript);
        assertTrue(r.stderr().contains(md.toString()), "says where the transcript is:\n" + r);
        assertEquals(1, fake.requestsFor("t4/pro").size(), "no round 2 after a failed turn");
    }

    @Test
    void anEndlessTurnIsCutAtTheLimitAndTheDebateGoesOn(@TempDir Path dir) throws Exception {
        fake.script("t9/pro", Reply.endlessStream());
        fake.script("t9/con", Reply.stream("Con answers a cut turn."));
        Path json = dir.resolve("debate.json");
        ArenaProcess.Result r = debate("--pro", "t9/pro", "--con", "t9/con", "--rounds", "2", "--out", json.toString(),
                "Streams should end").run();
        assertEquals(0, r.exitCode(), r.toString());
        String marker = "[arena cut this turn at 200,000 characters]";
        assertEquals(2, r.stdout().split(java.util.regex.Pattern.quote(marker), -1).length - 1, "both Pro turns are cut");
        assertTrue(r.stdout().contains("Con answers a cut turn."), "the debate went on");
        assertEquals(2, fake.requestsFor("t9/pro").size());
        String transcript = Files.readString(json);
        assertTrue(transcript.contains(marker), "the transcript records the cut");
        assertTrue(transcript.length() < 3_000_000, "about 200,000 characters a Pro turn: " + transcript.length());
    }

    @Test
    void bothFightersOnOneModelShareItsRateLimit() {
        fake.script("t5/same", Reply.stream("one"), Reply.stream("two"), Reply.stream("three"));
        ArenaProcess.Result r = debate("--pro", "t5/same", "--con", "t5/same", "--rounds", "2",
                "--rate-limit", "t5/same=2/s", "Topic").run();
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("rate limit of 2/s"), "the third request waits for the shared bucket:\n" + r);
    }

    @Test
    void dryRunNeedsNoKeyAndNoNetwork() {
        ArenaProcess.Result r = arena("debate", "--dry-run", "--rounds", "2", "--judge", "j/one", "Topic here").run();
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("POST https://openrouter.ai/api/v1/chat/completions"), r.stdout());
        assertTrue(r.stdout().contains("<Pro's round 1 answer>"), r.stdout());
        assertTrue(r.stdout().contains("Judge, Con presented first"), r.stdout());
        ArenaProcess.Result withKey = debate("--dry-run", "Topic").run();
        assertTrue(withKey.stdout().contains("Authorization: Bearer [redacted]"), withKey.stdout());
        assertFalse(withKey.stdout().contains(KEY));
    }

    @Test
    void aKilledDebateKeepsEveryTokenReceived(@TempDir Path dir) throws Exception {
        fake.script("t6/pro", Reply.stream("Every word", " counts").stallAfter(1));
        fake.script("t6/con", Reply.stream("never"));
        Path jsonl = dir.resolve("t.jsonl");
        ArenaProcess.Running running = debate("--pro", "t6/pro", "--con", "t6/con", "--out", jsonl.toString(), "Topic").start();
        running.awaitStdout("Every word");
        running.signal("KILL");
        running.waitFor();
        String text = Files.readString(jsonl);
        assertTrue(text.contains("\"debate_start\"") && text.contains("Every word"), text);
    }

    @Test
    void ctrlCStopsTheDebateSaysWhereTheTranscriptIsAndExits130(@TempDir Path dir) throws Exception {
        fake.script("t7/pro", Reply.stream("Halfway", " there").stallAfter(1));
        fake.script("t7/con", Reply.stream("never reached")); // listed, so the id check passes
        Path json = dir.resolve("t.json");
        ArenaProcess.Running running = debate("--pro", "t7/pro", "--con", "t7/con", "--out", json.toString(), "Topic").start();
        running.awaitStdout("Halfway");
        running.signal("INT");
        ArenaProcess.Result r = running.waitFor();
        assertEquals(130, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("interrupted") && r.stderr().contains(json.toString()), r.toString());
        JsonObject doc = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonObject turn = doc.getAsJsonArray("turns").get(0).getAsJsonObject();
        assertEquals("Halfway", turn.get("text").getAsString(), doc.toString());
        assertEquals("interrupted", turn.get("error").getAsString(), "the cut turn is closed, not left in progress: " + doc);
        assertEquals("interrupted", doc.get("outcome").getAsString(), "the transcript says how the run ended: " + doc);
    }

    @Test
    void aTerminatedDebateFinishesItsJsonTranscript(@TempDir Path dir) throws Exception {
        fake.script("t8/pro", Reply.stream("Before the kill", " never").stallAfter(1));
        fake.script("t8/con", Reply.stream("never reached")); // listed, so the id check passes
        Path json = dir.resolve("t.json");
        ArenaProcess.Running running = debate("--pro", "t8/pro", "--con", "t8/con", "--out", json.toString(), "Topic").start();
        running.awaitStdout("Before the kill");
        running.signal("TERM");
        running.waitFor();
        JsonObject doc = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertTrue(doc.toString().contains("Before the kill"), doc.toString());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(json), files.collect(Collectors.toList()), "no temporary file left behind");
        }
    }
}
