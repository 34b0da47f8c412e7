package dev.arena.transcript;

import static dev.arena.transcript.ScriptedDebate.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.debate.Phase;
import dev.arena.debate.Side;
import dev.arena.debate.Speaker;
import dev.arena.fake.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTranscriptFileTest {

    /** Keeps delayed writes until the test runs them. */
    static final class ManualScheduler implements JsonDebateFile.Scheduler {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        boolean shutdown;

        @Override
        public void schedule(Runnable task, Duration delay) {
            tasks.add(task);
            delays.add(delay);
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        void runAll() {
            List<Runnable> due = new ArrayList<>(tasks);
            tasks.clear();
            due.forEach(Runnable::run);
        }
    }

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler();

    private Path file() {
        return dir.resolve("debate.json");
    }

    private JsonDebateFile open() {
        return new JsonDebateFile(file(), clock, scheduler);
    }

    private JsonObject read() throws IOException {
        return JsonParser.parseString(Files.readString(file())).getAsJsonObject();
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static JsonObject lastTurn(JsonObject doc) {
        JsonArray turns = doc.getAsJsonArray("turns");
        return turns.get(turns.size() - 1).getAsJsonObject();
    }

    @Test
    void fileAlwaysParsesAndNoTemporaryFileIsLeft() throws IOException {
        try (JsonDebateFile transcript = open()) {
            for (ScriptedDebate.Event event : ScriptedDebate.judgedDebate()) {
                event.action().accept(transcript);
                clock.advance(300); // past the throttle: every delta is written at once
                JsonObject doc = read();
                assertEquals("Cities should ban private cars", doc.get("topic").getAsString(), event.name());
                assertEquals(List.of("debate.json"), filesInDir(), "after " + event.name());
            }
        }
        assertEquals(List.of("debate.json"), filesInDir());
        assertTrue(scheduler.tasks.isEmpty(), "nothing was left to write later");
    }

    @Test
    void wholeJudgedDebate() throws IOException {
        try (JsonDebateFile transcript = open()) {
            ScriptedDebate.play(ScriptedDebate.judgedDebate(), transcript);
        }
        JsonObject doc = read();
        assertEquals("2026-11-25T10:00:00Z", doc.get("started_at").getAsString());
        JsonObject settings = doc.getAsJsonObject("settings");
        assertEquals(2, settings.get("rounds").getAsInt());
        assertEquals("[\"openai/gpt-4o-mini\",\"mistralai/mistral-small\"]",
                settings.getAsJsonObject("pro").get("models").toString());
        assertEquals(0.8, settings.get("temperature").getAsDouble());
        assertEquals(500, settings.get("max_tokens").getAsInt());
        assertEquals(7, settings.get("seed").getAsLong());
        assertEquals("[\"google/gemini-2.0-flash\",\"openai/gpt-4o\"]", settings.get("judge_models").toString());

        JsonArray turns = doc.getAsJsonArray("turns");
        assertEquals(4, turns.size());
        JsonObject first = turns.get(0).getAsJsonObject();
        assertEquals("{\"round\":1,\"side\":\"pro\",\"phase\":\"opening\",\"model\":\"mistralai/mistral-small\","
                + "\"started_at\":\"2026-11-25T10:00:01Z\",\"ended_at\":\"2026-11-25T10:00:05.200Z\","
                + "\"elapsed_ms\":4200,\"prompt_tokens\":120,\"completion_tokens\":310,\"cost\":0.000123,"
                + "\"fallbacks\":[{\"from\":\"openai/gpt-4o-mini\",\"to\":\"mistralai/mistral-small\","
                + "\"reason\":\"error in stream (server_error): Provider disconnected\",\"continuing\":true}],"
                + "\"error\":null,\"text\":\"Cars choke cities. Ban them.\",\"in_progress\":false}", first.toString());
        assertEquals("Closing: keep them.\n\n", turns.get(3).getAsJsonObject().get("text").getAsString());
        assertEquals("closing", turns.get(3).getAsJsonObject().get("phase").getAsString());
        for (int i = 0; i < turns.size(); i++) {
            assertFalse(turns.get(i).getAsJsonObject().get("in_progress").getAsBoolean());
        }

        assertEquals("Judge", doc.getAsJsonArray("judge_fallbacks").get(0).getAsJsonObject().get("who")
                .getAsString());
        JsonObject verdict = doc.getAsJsonObject("verdict");
        assertEquals("pro", verdict.get("winner").getAsString());
        assertEquals(30.5, verdict.getAsJsonObject("scores").getAsJsonObject("pro").get("total").getAsDouble());
        assertTrue(verdict.get("tie_reason").isJsonNull(), "not a tie");
        assertEquals(2100, verdict.get("prompt_tokens").getAsLong(), "the judge's own usage, both calls");
        assertEquals(130, verdict.get("completion_tokens").getAsLong());
        assertEquals(0.005, verdict.get("cost").getAsDouble());
        assertEquals(3000, verdict.get("elapsed_ms").getAsLong());
        assertEquals("Pro wins.", verdict.getAsJsonArray("readings").get(1).getAsJsonObject().get("raw_answer")
                .getAsString());
        JsonObject summary = doc.getAsJsonObject("summary");
        assertTrue(summary.get("complete").getAsBoolean());
        assertEquals(2, summary.getAsJsonArray("fighters").size());
        assertTrue(doc.get("finished").getAsBoolean());
    }

    @Test
    void stoppedDebateKeepsTheFailedTurn() throws IOException {
        try (JsonDebateFile transcript = open()) {
            ScriptedDebate.play(ScriptedDebate.stoppedDebate(), transcript);
        }
        JsonObject doc = read();
        JsonObject failed = lastTurn(doc);
        assertEquals(ScriptedDebate.FAILURE, failed.get("error").getAsString());
        assertEquals("Offices build", failed.get("text").getAsString());
        assertTrue(doc.get("verdict").isJsonNull());
        assertEquals("Con's turn in round 1 failed", doc.getAsJsonObject("summary").get("stop_reason").getAsString());
        assertFalse(doc.getAsJsonObject("summary").get("complete").getAsBoolean());
    }

    @Test
    void turnInProgressIsWrittenWithItsTextSoFar() throws IOException {
        try (JsonDebateFile transcript = open()) {
            transcript.debateStarted(ScriptedDebate.ID, ScriptedDebate.judgedSettings(), at(0));
            transcript.fallback(ScriptedDebate.ID, Speaker.PRO, ScriptedDebate.MID_STREAM); // before the turn starts speaking
            transcript.turnStarted(ScriptedDebate.ID, 1, Side.PRO, Phase.OPENING, "openai/gpt-4o-mini", at(1000));
            JsonObject turn = lastTurn(read());
            assertTrue(turn.get("in_progress").getAsBoolean());
            assertEquals("", turn.get("text").getAsString());
            assertEquals(1, turn.getAsJsonArray("fallbacks").size());

            clock.advance(250);
            transcript.delta(ScriptedDebate.ID, Side.PRO, "Cars ");
            turn = lastTurn(read());
            assertEquals("Cars ", turn.get("text").getAsString());
            assertEquals("2026-11-25T10:00:01Z", turn.get("started_at").getAsString());
            assertTrue(turn.get("ended_at").isJsonNull());
            assertTrue(read().get("summary").isJsonNull());
            assertFalse(read().get("finished").getAsBoolean());

            transcript.turnEnded(ScriptedDebate.ID, ScriptedDebate.PRO_OPENING);
            turn = lastTurn(read());
            assertFalse(turn.get("in_progress").getAsBoolean());
            assertEquals(1, read().getAsJsonArray("turns").size());
        }
    }

    @Test
    void manyQuickDeltasCauseFewRewritesButNothingIsLost() throws IOException {
        StringBuilder expected = new StringBuilder();
        try (JsonDebateFile transcript = open()) {
            transcript.debateStarted(ScriptedDebate.ID, ScriptedDebate.judgedSettings(), at(0));
            transcript.turnStarted(ScriptedDebate.ID, 1, Side.PRO, Phase.OPENING, "openai/gpt-4o-mini", at(0));
            int before = transcript.rewrites();
            for (int i = 0; i < 1000; i++) {
                clock.advance(1); // 1000 deltas in one second
                String piece = "w" + i + " ";
                expected.append(piece);
                transcript.delta(ScriptedDebate.ID, Side.PRO, piece);
            }
            expected.append("tail");
            transcript.delta(ScriptedDebate.ID, Side.PRO, "tail"); // same millisecond as the last write
            int duringTurn = transcript.rewrites() - before;
            assertTrue(duringTurn >= 3 && duringTurn <= 4, "one rewrite per 250 ms, got " + duringTurn);
            assertTrue(scheduler.tasks.size() <= 1, "at most one delayed write pending");
            assertEquals(expected.length() - "tail".length(), lastTurn(read()).get("text").getAsString().length(),
                    "the latest delta waits for the window");

            transcript.turnEnded(ScriptedDebate.ID, new dev.arena.debate.Turn(1, Side.PRO, Phase.OPENING, "openai/gpt-4o-mini",
                    "openai/gpt-4o-mini", expected.toString(), dev.arena.openrouter.Usage.NONE, at(0), at(1000), List.of(), null));
            assertEquals(expected.toString(), lastTurn(read()).get("text").getAsString());
            scheduler.runAll(); // a delayed write after the turn ended has nothing left to do
            assertEquals(expected.toString(), lastTurn(read()).get("text").getAsString());
        }
    }

    @Test
    void deltasThatStopArriveStillReachTheFileAfterTheWindow() throws IOException {
        try (JsonDebateFile transcript = open()) {
            transcript.debateStarted(ScriptedDebate.ID, ScriptedDebate.judgedSettings(), at(0));
            transcript.turnStarted(ScriptedDebate.ID, 1, Side.PRO, Phase.OPENING, "openai/gpt-4o-mini", at(0));
            clock.advance(100);
            transcript.delta(ScriptedDebate.ID, Side.PRO, "Cars ");
            transcript.delta(ScriptedDebate.ID, Side.PRO, "choke");
            assertEquals("", lastTurn(read()).get("text").getAsString(), "inside the window: not yet written");
            assertEquals(List.of(Duration.ofMillis(150)), scheduler.delays, "one write, due when the window ends");

            clock.advance(150);
            scheduler.runAll();
            assertEquals("Cars choke", lastTurn(read()).get("text").getAsString());
            assertTrue(lastTurn(read()).get("in_progress").getAsBoolean());
        }
    }

    @Test
    void closeWritesWhatIsPendingAndStopsTheTimer() throws IOException {
        JsonDebateFile transcript = open();
        transcript.debateStarted(ScriptedDebate.ID, ScriptedDebate.judgedSettings(), at(0));
        transcript.turnStarted(ScriptedDebate.ID, 1, Side.PRO, Phase.OPENING, "openai/gpt-4o-mini", at(0));
        transcript.delta(ScriptedDebate.ID, Side.PRO, "interrupted mid");
        transcript.close();
        assertEquals("interrupted mid", lastTurn(read()).get("text").getAsString());
        assertTrue(scheduler.shutdown);
        int rewrites = transcript.rewrites();
        scheduler.runAll();
        transcript.close();
        assertEquals(rewrites, transcript.rewrites(), "nothing is written after close");
        assertEquals(List.of("debate.json"), filesInDir());
    }

    @Test
    void fileIsReplacedNotRewrittenInPlace() throws IOException {
        try (JsonDebateFile transcript = open()) {
            transcript.debateStarted(ScriptedDebate.ID, ScriptedDebate.judgedSettings(), at(0));
            Object before = Files.readAttributes(file(), BasicFileAttributes.class).fileKey();
            transcript.turnStarted(ScriptedDebate.ID, 1, Side.PRO, Phase.OPENING, "openai/gpt-4o-mini", at(0));
            Object after = Files.readAttributes(file(), BasicFileAttributes.class).fileKey();
            if (before != null) {
                assertNotEquals(before, after, "a new file moved over the old one");
            }
            assertEquals(1, read().getAsJsonArray("turns").size());
        }
    }

    @Test
    void aFailedWriteSaysWhichTranscript() throws IOException {
        JsonDebateFile transcript = new JsonDebateFile(dir.resolve("gone").resolve("debate.json"), clock, scheduler);
        Path path = dir.resolve("gone").resolve("debate.json");
        TranscriptWriteException e = assertThrows(TranscriptWriteException.class,
                () -> transcript.debateStarted(ScriptedDebate.ID, ScriptedDebate.judgedSettings(), at(0)));
        assertEquals("cannot write the transcript " + path + " (" + path.getParent() + " does not exist)", e.getMessage(),
                "the directory, not the name of a temporary file");
        assertEquals(path, e.path());
        assertEquals(List.of(), filesInDir());
    }
}
