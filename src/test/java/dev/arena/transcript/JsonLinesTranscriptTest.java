package dev.arena.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.output.TextSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JsonLinesTranscriptTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:05:00Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonLinesDebateWriter writer =
            new JsonLinesDebateWriter(new TextSink(bytes), Clock.fixed(NOW, ZoneOffset.UTC));

    private List<JsonObject> events() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\n"), "every event ends its line");
        List<JsonObject> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                events.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return events;
    }

    private static List<String> types(List<JsonObject> events) {
        return events.stream().map(e -> e.get("type").getAsString()).collect(Collectors.toList());
    }

    @Test
    void judgedDebateEventsInOrder() {
        ScriptedDebate.play(ScriptedDebate.judgedDebate(), writer);
        List<JsonObject> events = events();
        assertEquals(List.of("debate_start", "turn_start", "delta", "delta", "fallback", "delta", "turn_end",
                "turn_start", "delta", "turn_end", "turn_start", "delta", "turn_end",
                "turn_start", "delta", "delta", "turn_end", "judging", "fallback", "verdict", "summary"),
                types(events));
        for (JsonObject e : events) {
            Instant.parse(e.get("time").getAsString());
        }

        JsonObject start = events.get(0);
        assertEquals("2026-11-25T10:00:00Z", start.get("time").getAsString());
        assertEquals("Cities should ban private cars", start.get("topic").getAsString());
        assertEquals(2, start.get("rounds").getAsInt());
        assertEquals("[\"openai/gpt-4o-mini\",\"mistralai/mistral-small\"]",
                start.getAsJsonObject("pro").get("models").toString());
        assertTrue(start.getAsJsonObject("pro").get("stance").isJsonNull());
        assertEquals("[\"anthropic/claude-3.5-haiku\"]", start.getAsJsonObject("con").get("models").toString());
        assertEquals(0.8, start.get("temperature").getAsDouble());
        assertEquals(500, start.get("max_tokens").getAsInt());
        assertEquals(7, start.get("seed").getAsLong());
        assertEquals("[\"google/gemini-2.0-flash\",\"openai/gpt-4o\"]", start.get("judge_models").toString());

        assertEquals("{\"type\":\"turn_start\",\"time\":\"2026-11-25T10:00:01Z\",\"round\":1,\"side\":\"pro\","
                + "\"phase\":\"opening\",\"model\":\"openai/gpt-4o-mini\"}", events.get(1).toString());
        assertEquals("{\"type\":\"delta\",\"time\":\"2026-11-25T10:05:00Z\",\"side\":\"pro\",\"content\":\"Cars \"}",
                events.get(2).toString());
        assertEquals("{\"type\":\"fallback\",\"time\":\"2026-11-25T10:05:00Z\",\"who\":\"Pro\","
                + "\"from\":\"openai/gpt-4o-mini\",\"to\":\"mistralai/mistral-small\","
                + "\"reason\":\"error in stream (server_error): Provider disconnected\",\"continuing\":true}",
                events.get(4).toString());

        JsonObject end = events.get(6);
        assertEquals(1, end.get("round").getAsInt());
        assertEquals("pro", end.get("side").getAsString());
        assertEquals("opening", end.get("phase").getAsString());
        assertEquals("mistralai/mistral-small", end.get("model").getAsString());
        assertEquals("2026-11-25T10:00:01Z", end.get("started_at").getAsString());
        assertEquals("2026-11-25T10:00:05.200Z", end.get("ended_at").getAsString());
        assertEquals(4200, end.get("elapsed_ms").getAsLong());
        assertEquals(120, end.get("prompt_tokens").getAsLong());
        assertEquals(310, end.get("completion_tokens").getAsLong());
        assertEquals(0.000123, end.get("cost").getAsDouble());
        assertTrue(end.get("error").isJsonNull());
        assertEquals("Cars choke cities. Ban them.", end.get("text").getAsString());
        assertEquals(1, end.getAsJsonArray("fallbacks").size());
        assertTrue(events.get(9).get("cost").isJsonNull(), "no cost reported is null");

        // The deltas of each turn join to the text its turn_end carries.
        StringBuilder joined = new StringBuilder();
        for (JsonObject e : events) {
            if (e.get("type").getAsString().equals("delta")) {
                joined.append(e.get("content").getAsString());
            } else if (e.get("type").getAsString().equals("turn_end")) {
                assertEquals(e.get("text").getAsString(), joined.toString());
                joined.setLength(0);
            }
        }

        JsonObject judgeFallback = events.get(18);
        assertEquals("Judge", judgeFallback.get("who").getAsString());
        assertFalse(judgeFallback.get("continuing").getAsBoolean());

        JsonObject verdict = events.get(19);
        assertEquals("pro", verdict.get("winner").getAsString());
        assertTrue(verdict.get("readings_agree").getAsBoolean());
        assertEquals("{\"argument_strength\":6.5,\"rebuttal\":7.0,\"evidence\":5.25,\"clarity\":8.0,\"total\":26.75}",
                verdict.getAsJsonObject("scores").get("con").toString());
        assertEquals(8.0, verdict.getAsJsonObject("scores").getAsJsonObject("pro")
                .get("argument_strength").getAsDouble());
        assertEquals("Pro was concrete; Con relied on slogans.", verdict.get("rationale").getAsString());
        assertEquals("google/gemini-2.0-flash", verdict.get("judge_model").getAsString());
        assertTrue(verdict.get("tie_reason").isJsonNull(), "not a tie");
        assertEquals(2100, verdict.get("prompt_tokens").getAsLong(), "the judge's own usage, both calls");
        assertEquals(130, verdict.get("completion_tokens").getAsLong());
        assertEquals(0.005, verdict.get("cost").getAsDouble());
        assertEquals(3000, verdict.get("elapsed_ms").getAsLong());
        assertEquals(2, verdict.getAsJsonArray("readings").size());
        assertEquals("con", verdict.getAsJsonArray("readings").get(1).getAsJsonObject()
                .get("presented_first").getAsString());

        JsonObject summary = events.get(20);
        assertEquals("{\"side\":\"pro\",\"turns\":2,\"prompt_tokens\":270,\"completion_tokens\":360,"
                + "\"cost\":0.012623,\"time_ms\":5700,\"fallbacks\":1}",
                summary.getAsJsonArray("fighters").get(0).toString());
        assertTrue(summary.getAsJsonArray("fighters").get(1).getAsJsonObject().get("cost").isJsonNull());
        assertEquals(25_000, summary.get("elapsed_ms").getAsLong());
        assertTrue(summary.get("complete").getAsBoolean());
        assertTrue(summary.get("stop_reason").isJsonNull());
    }

    @Test
    void failedTurnAndEarlyStop() {
        ScriptedDebate.play(ScriptedDebate.stoppedDebate(), writer);
        List<JsonObject> events = events();
        assertEquals(List.of("debate_start", "turn_start", "delta", "turn_end", "turn_start", "delta", "turn_end",
                "summary"), types(events));
        JsonObject start = events.get(0);
        assertTrue(start.get("temperature").isJsonNull());
        assertTrue(start.get("max_tokens").isJsonNull());
        assertTrue(start.get("seed").isJsonNull());
        assertEquals("[]", start.get("judge_models").toString());
        JsonObject failed = events.get(6);
        assertEquals(ScriptedDebate.FAILURE, failed.get("error").getAsString());
        assertEquals("Offices build", failed.get("text").getAsString());
        JsonObject summary = events.get(7);
        assertFalse(summary.get("complete").getAsBoolean());
        assertEquals("Con's turn in round 1 failed", summary.get("stop_reason").getAsString());
    }

    @Test
    void eachEventIsOnItsLineAsSoonAsItHappens() {
        int expected = 0;
        for (ScriptedDebate.Event event : ScriptedDebate.judgedDebate()) {
            event.action().accept(writer);
            boolean ignored = event.name().endsWith("(ignored)");
            if (!ignored) {
                expected++;
            }
            assertEquals(expected, events().size(), "after " + event.name());
        }
    }

    @Test
    void aTieSaysWhyInTieReason() {
        dev.arena.debate.JudgeReading read = new dev.arena.debate.JudgeReading(dev.arena.debate.Side.PRO,
                dev.arena.debate.Winner.PRO, java.util.Map.of(), "r", "{}", true);
        dev.arena.debate.JudgeReading otherWay = new dev.arena.debate.JudgeReading(dev.arena.debate.Side.CON,
                dev.arena.debate.Winner.CON, java.util.Map.of(), "r", "{}", true);
        dev.arena.debate.JudgeReading unread = new dev.arena.debate.JudgeReading(dev.arena.debate.Side.CON,
                dev.arena.debate.Winner.TIE, java.util.Map.of(), "?", "?", false);
        writer.verdict(ScriptedDebate.ID, new dev.arena.debate.Verdict(dev.arena.debate.Winner.TIE, java.util.Map.of(), "r", "j", false,
                List.of(read, otherWay)));
        writer.verdict(ScriptedDebate.ID, new dev.arena.debate.Verdict(dev.arena.debate.Winner.TIE, java.util.Map.of(), "r", "j", false,
                List.of(read, unread)));
        List<JsonObject> events = events();
        assertEquals("readings_disagreed", events.get(0).get("tie_reason").getAsString());
        assertEquals("answer_unreadable", events.get(1).get("tie_reason").getAsString());
        assertEquals(0, events.get(1).get("prompt_tokens").getAsLong(), "usage unknown: none");
        assertTrue(events.get(1).get("cost").isJsonNull());
    }
}
