package dev.arena.debate;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.OpenRouterClient;
import dev.arena.resilience.FallbackChain;
import dev.arena.resilience.Rate;
import dev.arena.resilience.RateLimits;
import dev.arena.resilience.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An endless turn is cut at the debate's limit (a small one injected here), marked cut, and the debate goes on. */
class TurnTextLimitTest {

    private FakeOpenRouter fake;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private FallbackChain chain() {
        OpenRouterClient client = new OpenRouterClient(
                new ClientSettings(URI.create(fake.baseUrl()), null, Duration.ofSeconds(5), l -> { }));
        return new FallbackChain(client, new RateLimits(Rate.parse("100/s"), Map.of()), RetryPolicy.DEFAULT.withMaxRetries(0));
    }

    @Test
    void anEndlessTurnIsCutMarkedAndTheDebateGoesOn() {
        fake.script("pro/endless", Reply.endlessStream());
        fake.script("con/short", Reply.stream("Short and sweet."));
        List<Turn> ended = new ArrayList<>();
        StringBuilder proDeltas = new StringBuilder();
        DebateListener listener = new DebateListener() {
            @Override
            public void delta(String debateId, Side side, String text) {
                if (side == Side.PRO) {
                    proDeltas.append(text);
                }
            }

            @Override
            public void turnEnded(String debateId, Turn turn) {
                ended.add(turn);
            }
        };
        Debate debate = new Debate("debate", settings(), chain().cuttingAnswersAt(1_000), listener);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> debate.run(new Cancellation()));

        assertEquals(2, ended.size());
        Turn pro = ended.get(0);
        String marker = "\n\n[arena cut this turn at 1,000 characters]";
        assertEquals(marker, FighterAgent.cutMarker(1_000));
        assertFalse(pro.failed(), "a cut turn is complete: " + pro.error());
        assertTrue(pro.text().endsWith(marker), pro.text());
        int kept = pro.text().length() - marker.length();
        assertTrue(kept == 1_000 || kept == 999, "cut at the limit: " + kept);
        assertEquals(pro.text(), proDeltas.toString(), "what was shown is what was kept, marker included");
        assertEquals("Short and sweet.", ended.get(1).text());
        assertTrue(fake.requestsFor("con/short").get(0).body().contains("[arena cut this turn at 1,000 characters]"),
                "Con reads Pro's turn as cut");
    }

    @Test
    void atTheDebatesOwnLimitATurnIsCutAt200000Characters() {
        fake.script("pro/endless", Reply.endlessStream());
        fake.script("con/short", Reply.stream("Fine."));
        Debate debate = new Debate("debate", settings(), chain().cuttingAnswersAt(Debate.TURN_TEXT_LIMIT),
                new DebateListener() { });
        List<Turn> ended = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> debate.run(new Cancellation())).turns();
        String marker = FighterAgent.cutMarker(Debate.TURN_TEXT_LIMIT);
        assertEquals("\n\n[arena cut this turn at 200,000 characters]", marker);
        assertTrue(ended.get(0).text().endsWith(marker));
        assertTrue(ended.get(0).text().length() <= Debate.TURN_TEXT_LIMIT + marker.length());
        assertTrue(ended.get(0).text().length() >= Debate.TURN_TEXT_LIMIT - 1 + marker.length());
        assertEquals("Fine.", ended.get(1).text());
    }

    private static DebateSettings settings() {
        return new DebateSettings("Streams should end", 1,
                new Fighter(Side.PRO, List.of("pro/endless"), null), new Fighter(Side.CON, List.of("con/short"), null),
                null, null, null, List.of());
    }
}
