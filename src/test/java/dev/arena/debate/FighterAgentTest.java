package dev.arena.debate;

import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each fighter is sent: its seat in the debate, round by round. */
class FighterAgentTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private static DebateSettings settings(int rounds, String proStance) {
        return new DebateSettings("Cities should ban cars", rounds, new Fighter(Side.PRO, List.of("p", "p2"), proStance),
                new Fighter(Side.CON, List.of("c"), null), 0.8, 500, 7L, List.of());
    }

    private static Turn turn(int round, Side side, String text, int rounds) {
        return new Turn(round, side, Phase.of(round, rounds), side == Side.PRO ? "p" : "c", side == Side.PRO ? "p" : "c", text, Usage.NONE, T, T, List.of(), null);
    }

    private static List<String> roles(ChatRequest request) {
        return request.messages().stream().map(Message::role).collect(Collectors.toList());
    }

    @Test
    void theOpenerStartsFromAKickOffMessage() {
        DebateSettings s = settings(3, null);
        ChatRequest r = new FighterAgent(s.pro(), s).request(List.of(), 1);
        assertEquals(List.of("system", "user"), roles(r));
        assertTrue(r.messages().get(1).content().contains("Cities should ban cars"));
        assertEquals("p", r.model());
        assertEquals(0.8, r.temperature());
        assertEquals(500, r.maxTokens());
        assertEquals(7L, r.seed());
    }

    @Test
    void ownTurnsAreAssistantMessagesAndTheOpponentsAreFramedUserMessages() {
        DebateSettings s = settings(3, null);
        List<Turn> history = new ArrayList<>(List.of(turn(1, Side.PRO, "P1", 3), turn(1, Side.CON, "C1", 3), turn(2, Side.PRO, "P2", 3)));
        ChatRequest con = new FighterAgent(s.con(), s).request(history, 2);
        assertEquals(List.of("system", "user", "assistant", "user"), roles(con));
        assertEquals("Your opponent (Pro), round 1, opening statement:\n\nP1", con.messages().get(1).content());
        assertEquals("C1", con.messages().get(2).content());
        assertEquals("Your opponent (Pro), round 2, rebuttal:\n\nP2", con.messages().get(3).content());

        history.add(turn(2, Side.CON, "C2", 3));
        ChatRequest pro = new FighterAgent(s.pro(), s).request(history, 3);
        assertEquals(List.of("system", "user", "assistant", "user", "assistant", "user"), roles(pro));
        assertEquals("P1", pro.messages().get(2).content());
        assertTrue(pro.messages().get(5).content().endsWith("C2"));
    }

    @ParameterizedTest
    @CsvSource({"1,3,opening statement", "2,3,rebuttal", "3,3,closing statement", "1,1,opening statement", "2,2,closing statement"})
    void theSystemPromptNamesTopicSideRoundAndPhase(int round, int rounds, String phase) {
        DebateSettings s = settings(rounds, null);
        String pro = new FighterAgent(s.pro(), s).systemPrompt(round);
        String con = new FighterAgent(s.con(), s).systemPrompt(round);
        assertTrue(pro.contains("\"Cities should ban cars\""), pro);
        assertTrue(pro.contains("You argue for the topic") && con.contains("You argue against the topic"), pro + con);
        assertTrue(pro.contains("round " + round + " of " + rounds + ": your " + phase), pro);
        assertTrue(pro.contains("under about 300 words"), "a word budget that fits 500 tokens: " + pro);
    }

    @Test
    void aCustomStanceReplacesThePersonaButNotTheRules() {
        DebateSettings s = settings(2, "You are a grumpy urbanist.");
        String pro = new FighterAgent(s.pro(), s).systemPrompt(1);
        assertTrue(pro.startsWith("You are a grumpy urbanist."), pro);
        assertFalse(pro.contains("sharp, persuasive debater"), pro);
        assertTrue(pro.contains("You argue for the topic"), pro);
    }

    @Test
    void phasesFollowTheRounds() {
        assertEquals(Phase.OPENING, Phase.of(1, 1));
        assertEquals(Phase.OPENING, Phase.of(1, 5));
        assertEquals(Phase.REBUTTAL, Phase.of(4, 5));
        assertEquals(Phase.CLOSING, Phase.of(5, 5));
    }
}
