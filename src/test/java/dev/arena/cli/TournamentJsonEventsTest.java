package dev.arena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.debate.Winner;
import dev.arena.fake.ManualClock;
import dev.arena.output.TextSink;
import dev.arena.tournament.DebateEnd;
import dev.arena.tournament.DebateState;
import dev.arena.tournament.Group;
import dev.arena.tournament.Leg;
import dev.arena.tournament.Schedule;
import dev.arena.tournament.TournamentEnd;
import dev.arena.tournament.TournamentSpec;
import dev.arena.tournament.TournamentStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The --json events of a tournament, fed with made-up events from many threads, read back as a program would. */
class TournamentJsonEventsTest {

    private static final List<String> MODELS = List.of("p/a", "p/b", "p/c", "p/d", "p/e");
    private static final List<String> MOTIONS = List.of("Cats beat dogs", "Tea beats coffee");

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final TournamentJsonEvents events = new TournamentJsonEvents(new TextSink(stdout), false, new ManualClock());

    private List<JsonObject> lines() {
        return stdout.toString(StandardCharsets.UTF_8).lines()
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
    }

    private static DebateEnd end(Leg leg, int i) {
        if (i % 5 == 0) {
            return new DebateEnd(leg, MOTIONS.get(leg.motion()), "d" + i, DebateState.FAILED, null, Map.of(), false,
                    null, "every model failed");
        }
        Map<String, Winner> votes = new LinkedHashMap<>();
        votes.put("j/one", Winner.PRO);
        votes.put("k/two", i % 2 == 0 ? Winner.CON : Winner.PRO);
        return new DebateEnd(leg, MOTIONS.get(leg.motion()), "d" + i, DebateState.COMPLETE, Winner.PRO, votes,
                i % 3 == 0, 3.0E-5, null);
    }

    @Test
    void everyLineIsOneEventWithItsFieldsAndTheCountsAddUp() throws Exception {
        List<Leg> legs = Schedule.of(MODELS, MOTIONS, 1).debates();
        TournamentSpec spec = new TournamentSpec("cup", MODELS, MOTIONS, List.of("j/one", "k/two"), List.of(), 2, null,
                null, 1);
        events.started(spec, legs.size() + 4, 4);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            int n = i;
            pool.execute(() -> {
                events.debateStarted(leg, "d" + n);
                events.debateEnded(end(leg, n));
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        events.finished(new TournamentEnd(TournamentStatus.FAILED, "8 debates failed", 36, 8, 8, 44, 0.00096));
        events.error("8 debates failed; to try them again: arena tournament --resume cup", ExitCode.FAILED);

        List<JsonObject> lines = lines();
        assertEquals(1 + 3 * legs.size() + 2, lines.size());
        for (JsonObject line : lines) {
            Instant.parse(line.get("at").getAsString());
        }
        JsonObject start = lines.get(0);
        assertEquals("tournament_start", start.get("event").getAsString());
        assertEquals("cup", start.get("name").getAsString());
        assertEquals(5, start.getAsJsonArray("models").size());
        assertEquals(MOTIONS.get(1), start.getAsJsonArray("motions").get(1).getAsString());
        assertEquals(2, start.getAsJsonArray("judges").size());
        assertEquals(2, start.get("rounds").getAsInt());
        assertEquals(44, start.get("total").getAsInt());
        assertEquals(4, start.get("done").getAsInt());

        Set<String> started = new HashSet<>();
        int ended = 0;
        for (int i = 1; i < lines.size() - 2; i++) {
            JsonObject e = lines.get(i);
            String event = e.get("event").getAsString();
            if (event.equals("debate_start")) {
                started.add(e.get("debate_id").getAsString());
                int n = Integer.parseInt(e.get("debate_id").getAsString().substring(1));
                Leg leg = legs.get(n);
                assertEquals(MOTIONS.get(leg.motion()), e.get("motion").getAsString());
                assertEquals(leg.pro(), e.get("pro").getAsString());
                assertEquals(leg.con(), e.get("con").getAsString());
                assertEquals(leg.group(), Group.ofKey(e.get("group").getAsString()));
                assertEquals(leg.number(), e.get("leg").getAsInt());
            } else {
                assertEquals("debate_end", event, e.toString());
                ended++;
                int n = Integer.parseInt(e.get("debate_id").getAsString().substring(1));
                assertTrue(started.contains("d" + n), "a debate ends after it starts");
                if (n % 5 == 0) {
                    assertEquals("failed", e.get("state").getAsString());
                    assertTrue(e.get("winner").isJsonNull());
                    assertTrue(e.get("cost").isJsonNull());
                    assertEquals("every model failed", e.get("error").getAsString());
                } else {
                    assertEquals("complete", e.get("state").getAsString());
                    assertEquals("pro", e.get("winner").getAsString());
                    assertEquals(n % 2 == 0 ? "con" : "pro", e.getAsJsonObject("votes").get("k/two").getAsString());
                    assertEquals(n % 3 == 0, e.get("fallback_spoke").getAsBoolean());
                    assertEquals("0.00003", e.get("cost").toString(), "a plain decimal");
                    assertTrue(e.get("error").isJsonNull());
                }
                JsonObject progress = lines.get(++i);
                assertEquals("progress", progress.get("event").getAsString(), "progress follows each debate_end");
                assertEquals(44, progress.get("total").getAsInt());
                assertEquals(ended, progress.get("done").getAsInt() - 4 + progress.get("failed").getAsInt());
            }
        }
        assertEquals(legs.size(), ended);
        JsonObject progress = lines.get(lines.size() - 3);
        assertEquals(36, progress.get("done").getAsInt());
        assertEquals(0, progress.get("running").getAsInt());
        assertEquals(8, progress.get("failed").getAsInt());
        assertEquals("0.00096", progress.get("spent").toString(), "32 costs of 0.00003, without the sum's noise");

        JsonObject end = lines.get(lines.size() - 2);
        assertEquals("tournament_end", end.get("event").getAsString());
        assertEquals("failed", end.get("status").getAsString());
        assertEquals("8 debates failed", end.get("reason").getAsString());
        assertEquals(36, end.get("complete").getAsInt());
        assertEquals(8, end.get("failed").getAsInt());
        assertEquals(8, end.get("unfinished").getAsInt());
        assertEquals(44, end.get("total").getAsInt());
        assertEquals("0.00096", end.get("spent").toString());

        JsonObject error = lines.get(lines.size() - 1);
        assertEquals("error", error.get("event").getAsString());
        assertEquals(ExitCode.FAILED, error.get("exit_code").getAsInt());
        assertTrue(error.get("message").getAsString().contains("--resume cup"));
    }

    @Test
    void progressBeforeAnyCostIsKnownHasNoSpending() {
        List<Leg> legs = Schedule.of(MODELS, MOTIONS, 1).debates();
        events.started(new TournamentSpec("cup", MODELS, MOTIONS, List.of("j/one"), List.of(), 1, null, null, 1),
                legs.size(), 0);
        events.debateStarted(legs.get(0), "d1");
        events.debateEnded(new DebateEnd(legs.get(0), MOTIONS.get(legs.get(0).motion()), "d1", DebateState.INTERRUPTED,
                null, Map.of(), false, null, "interrupted"));

        JsonObject progress = lines().get(3);
        assertEquals("progress", progress.get("event").getAsString());
        assertTrue(progress.get("spent").isJsonNull(), progress.toString());
        assertEquals(0, progress.get("failed").getAsInt(), "an interrupted debate has not failed");
        assertEquals(0, progress.get("done").getAsInt());
    }
}
