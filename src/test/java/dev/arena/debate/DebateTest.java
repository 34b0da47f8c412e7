package dev.arena.debate;

import dev.arena.fake.ScriptedAnswerer;
import dev.arena.fake.ScriptedAnswerer.Reply;
import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.Message;
import dev.arena.resilience.RequestTag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole debates through a scripted answerer: no HTTP, every request and event checked. */
class DebateTest {

    private static final String PRO = "pro/model";
    private static final String PRO_BACKUP = "pro/backup";
    private static final String CON = "con/model";
    private static final String JUDGE = "judge/model";

    private final ScriptedAnswerer answerer = new ScriptedAnswerer(Debate.TURN_TEXT_LIMIT);
    private final Events events = new Events();

    private static DebateSettings settings(int rounds, String... judges) {
        return new DebateSettings("Cities should ban cars", rounds, new Fighter(Side.PRO, List.of(PRO, PRO_BACKUP), null),
                new Fighter(Side.CON, List.of(CON), null), 0.7, 400, 3L, List.of(judges));
    }

    private Debate debate(DebateSettings settings) {
        return new Debate("d1", settings, answerer, events);
    }

    /** The debate's events, one line each, deltas left out (each test that cares reads them itself). */
    private static final class Events implements DebateListener {
        /** The debate ids the events named. */
        final Set<String> debateIds = new TreeSet<>();
        final List<String> lines = new ArrayList<>();
        final StringBuilder said = new StringBuilder();
        final List<Turn> turns = new ArrayList<>();
        DebateSummary summary;
        Verdict verdict;

        @Override
        public void debateStarted(String debateId, DebateSettings settings, Instant at) {
            debateIds.add(debateId);
            lines.add("started");
        }

        @Override
        public void turnStarted(String debateId, int round, Side side, Phase phase, String model, Instant at) {
            debateIds.add(debateId);
            lines.add("turn " + round + " " + side + " " + phase + " " + model);
        }

        @Override
        public void delta(String debateId, Side side, String text) {
            debateIds.add(debateId);
            said.append(text);
        }

        @Override
        public void retry(String debateId, Speaker who, ApiException failure, Duration delay, int retry, int maxRetries) {
            debateIds.add(debateId);
            lines.add("retry " + who);
        }

        @Override
        public void fallback(String debateId, Speaker who, FallbackNote note) {
            debateIds.add(debateId);
            lines.add("fallback " + who + " " + note.fromModel() + " -> " + note.toModel());
        }

        @Override
        public void turnEnded(String debateId, Turn turn) {
            debateIds.add(debateId);
            turns.add(turn);
            lines.add("ended " + turn.round() + " " + turn.side() + (turn.failed() ? " failed: " + turn.error() : ""));
        }

        @Override
        public void judging(String debateId, String model) {
            debateIds.add(debateId);
            lines.add("judging " + model);
        }

        @Override
        public void verdict(String debateId, Verdict verdict) {
            debateIds.add(debateId);
            this.verdict = verdict;
            lines.add("verdict " + verdict.winner());
        }

        @Override
        public void finished(String debateId, DebateSummary summary) {
            debateIds.add(debateId);
            this.summary = summary;
            lines.add("finished" + (summary.complete() ? "" : ": " + summary.stopReason()));
        }
    }

    private static String verdict(String winner) {
        String card = "{\"argument_strength\":7,\"rebuttal\":7,\"evidence\":7,\"clarity\":7}";
        return "{\"winner\":\"" + winner + "\",\"scores\":{\"A\":" + card + ",\"B\":" + card + "},"
                + "\"rationale\":\"Debater " + winner + " was clearer.\"}";
    }

    private static List<String> roles(ChatRequest request) {
        return request.messages().stream().map(Message::role).toList();
    }

    private static List<String> contents(ChatRequest request) {
        return request.messages().stream().map(Message::content).toList();
    }

    @Test
    void proThenConSpeakEachRoundThroughTheThreePhases() throws Exception {
        answerer.script(PRO, Reply.text("P1"), Reply.text("P2"), Reply.text("P3"));
        answerer.script(CON, Reply.text("C1"), Reply.text("C2"), Reply.text("C3"));

        DebateResult result = debate(settings(3)).run(new Cancellation());

        assertEquals("d1", result.debateId());
        assertEquals(List.of("P1", "C1", "P2", "C2", "P3", "C3"), result.turns().stream().map(Turn::text).toList());
        assertEquals(events.turns, result.turns());
        assertEquals(events.summary, result.summary());
        assertNull(result.verdict(), "no judge was asked");
        assertEquals(List.of("started",
                "turn 1 PRO OPENING " + PRO, "ended 1 PRO", "turn 1 CON OPENING " + CON, "ended 1 CON",
                "turn 2 PRO REBUTTAL " + PRO, "ended 2 PRO", "turn 2 CON REBUTTAL " + CON, "ended 2 CON",
                "turn 3 PRO CLOSING " + PRO, "ended 3 PRO", "turn 3 CON CLOSING " + CON, "ended 3 CON",
                "finished"), events.lines);
        assertEquals("P1C1P2C2P3C3", events.said.toString());
        assertEquals(List.of(RequestTag.turn("d1", "pro", 1), RequestTag.turn("d1", "con", 1),
                        RequestTag.turn("d1", "pro", 2), RequestTag.turn("d1", "con", 2),
                        RequestTag.turn("d1", "pro", 3), RequestTag.turn("d1", "con", 3)),
                answerer.asked().stream().map(ScriptedAnswerer.Asked::tag).toList());
        assertEquals(List.of(PRO, PRO_BACKUP), answerer.asked().get(0).models(), "the fighter's whole chain");
        assertEquals(List.of(CON), answerer.asked().get(1).models());
        assertTrue(result.summary().complete());
        assertEquals(Set.of("d1"), events.debateIds, "every event names its debate");
    }

    @Test
    void eachFighterIsSentItsOwnTurnsAsAssistantAndTheOpponentsFramedAsUser() throws Exception {
        answerer.script(PRO, Reply.text("P1"), Reply.text("P2"));
        answerer.script(CON, Reply.text("C1"), Reply.text("C2"));

        debate(settings(2)).run(new Cancellation());

        List<ScriptedAnswerer.Asked> asked = answerer.asked();
        ChatRequest proOpening = asked.get(0).request();
        assertEquals(List.of("system", "user"), roles(proOpening));
        assertTrue(contents(proOpening).get(1).contains("Cities should ban cars"), contents(proOpening).get(1));

        ChatRequest conOpening = asked.get(1).request();
        assertEquals(List.of("system", "user"), roles(conOpening));
        assertEquals("Your opponent (Pro), round 1, opening statement:\n\nP1", contents(conOpening).get(1));

        ChatRequest proClosing = asked.get(2).request();
        assertEquals(List.of("system", "user", "assistant", "user"), roles(proClosing));
        assertEquals("P1", contents(proClosing).get(2));
        assertEquals("Your opponent (Con), round 1, opening statement:\n\nC1", contents(proClosing).get(3));

        ChatRequest conClosing = asked.get(3).request();
        assertEquals(List.of("system", "user", "assistant", "user"), roles(conClosing));
        assertEquals(List.of("Your opponent (Pro), round 1, opening statement:\n\nP1", "C1",
                "Your opponent (Pro), round 2, closing statement:\n\nP2"), contents(conClosing).subList(1, 4));
        for (ScriptedAnswerer.Asked a : asked) {
            assertEquals(0.7, a.request().temperature());
            assertEquals(400, a.request().maxTokens());
            assertEquals(3L, a.request().seed());
        }
    }

    @Test
    void aFailedModelFallsBackAndTheTurnKeepsTheNote() throws Exception {
        answerer.script(PRO, Reply.fails("provider down"));
        answerer.script(PRO_BACKUP, Reply.text("Backup speaks."));
        answerer.script(CON, Reply.text("C1"));

        debate(settings(1)).run(new Cancellation());

        Turn pro = events.turns.get(0);
        assertFalse(pro.failed());
        assertEquals(PRO, pro.modelAsked(), "the fighter's own model");
        assertEquals(PRO_BACKUP, pro.answeringModel());
        assertEquals("Backup speaks.", pro.text());
        assertEquals(List.of(new FallbackNote(PRO, PRO_BACKUP, "HTTP 500: provider down", false)), pro.fallbacks());
        assertEquals(List.of("started", "fallback PRO " + PRO + " -> " + PRO_BACKUP, "turn 1 PRO OPENING " + PRO_BACKUP,
                "ended 1 PRO", "turn 1 CON OPENING " + CON, "ended 1 CON", "finished"), events.lines);
        assertEquals(1, events.summary.fighters().get(0).fallbacks());
    }

    @Test
    void theJudgeReadsTheDebateTwiceAndItsVerdictComesLast() throws Exception {
        answerer.script(PRO, Reply.text("P1"));
        answerer.script(CON, Reply.text("C1"));
        // Con presented second, then first: "B" then "A" both name Con.
        answerer.script(JUDGE, Reply.text(verdict("B")).usage(900, 50, 0.001), Reply.text(verdict("A")).usage(900, 50, 0.002));

        DebateResult result = debate(settings(1, JUDGE)).run(new Cancellation());

        assertEquals(List.of("started", "turn 1 PRO OPENING " + PRO, "ended 1 PRO", "turn 1 CON OPENING " + CON,
                "ended 1 CON", "judging " + JUDGE, "verdict CON", "finished"), events.lines);
        List<ScriptedAnswerer.Asked> asked = answerer.asked();
        assertEquals(RequestTag.judge("d1", 1), asked.get(2).tag());
        assertEquals(RequestTag.judge("d1", 2), asked.get(3).tag());
        assertTrue(contents(asked.get(2).request()).get(1).contains("Debater A:\nP1"));
        assertTrue(contents(asked.get(3).request()).get(1).contains("Debater A:\nC1"));
        assertEquals(Winner.CON, events.verdict.winner());
        assertTrue(events.verdict.readingsAgree());
        assertEquals("Con was clearer.", events.verdict.rationale());
        assertEquals(0.003, events.verdict.usage().cost(), 1e-12);
        assertEquals(events.verdict, result.verdict());
        assertEquals("P1C1", events.said.toString(), "the judge's JSON is not shown");
    }

    @Test
    void theJudgesNoticesNameTheJudgeAndTheDebate() throws Exception {
        answerer.script(PRO, Reply.text("P1"));
        answerer.script(CON, Reply.text("C1"));
        answerer.script(JUDGE, Reply.fails("judge down"), Reply.fails("judge down"));
        answerer.script("judge/backup", Reply.text(verdict("A")), Reply.text(verdict("B")));

        new Debate("d2", settings(1, JUDGE, "judge/backup"), answerer, events).run(new Cancellation());

        assertEquals(List.of("judging " + JUDGE, "fallback JUDGE " + JUDGE + " -> judge/backup",
                "fallback JUDGE " + JUDGE + " -> judge/backup", "verdict PRO", "finished"),
                events.lines.subList(5, events.lines.size()));
        assertEquals(Set.of("d2"), events.debateIds);
    }

    @Test
    void aTurnThatFailsOnEveryModelStopsTheDebate() {
        answerer.script(PRO, Reply.text("P1"));
        answerer.script(CON, Reply.fails("overloaded"));

        TurnFailedException e = assertThrows(TurnFailedException.class,
                () -> debate(settings(2, JUDGE)).run(new Cancellation()));

        assertEquals(Side.CON, e.turn().side());
        assertEquals("con/model failed: HTTP 500: overloaded", e.turn().error());
        assertEquals("round 1, Con: con/model failed: HTTP 500: overloaded", e.getMessage());
        assertEquals(2, answerer.asked().size(), "neither round 2 nor the judge is asked");
        assertEquals(List.of("started", "turn 1 PRO OPENING " + PRO, "ended 1 PRO",
                "turn 1 CON OPENING " + CON, "ended 1 CON failed: con/model failed: HTTP 500: overloaded",
                "finished: " + e.getMessage()), events.lines);
        assertEquals(1, events.summary.fighters().get(0).turns(), "Pro's turn was spoken");
        assertEquals(0, events.summary.fighters().get(1).turns(), "a failed turn is not counted");
    }

    @Test
    void aCancelMidTurnKeepsWhatWasSaidAndStops() {
        answerer.script(PRO, Reply.cancelsAfter("Cars are ", "loud"));
        Cancellation cancel = new Cancellation();

        assertThrows(CancelledException.class, () -> debate(settings(2)).run(cancel));

        assertTrue(cancel.isCancelled());
        Turn pro = events.turns.get(0);
        assertEquals(FighterAgent.INTERRUPTED, pro.error());
        assertEquals("Cars are loud", pro.text(), "what was shown is kept");
        assertEquals(List.of("started", "turn 1 PRO OPENING " + PRO, "ended 1 PRO failed: interrupted",
                "finished: interrupted"), events.lines);
        assertEquals(1, answerer.asked().size());
    }

    @Test
    void anAccountProblemStopsTheDebateWithoutFallingBack() {
        answerer.script(PRO, Reply.refused(401));

        HttpStatusException e = assertThrows(HttpStatusException.class, () -> debate(settings(2)).run(new Cancellation()));

        assertEquals(401, e.status());
        assertEquals(List.of("started", "finished: " + e.getMessage()), events.lines);
        assertEquals(1, answerer.asked().size());
    }

    @Test
    void aDebateCutMidWayGoesOnFromItsLastCompletedTurn() throws Exception {
        answerer.script(PRO, Reply.text("P1"), Reply.cancelsAfter("P2 was"), Reply.text("P2"));
        answerer.script(CON, Reply.text("C1"), Reply.text("C2"));
        assertThrows(CancelledException.class, () -> debate(settings(2)).run(new Cancellation()));
        List<Turn> spoken = events.turns.subList(0, 2);

        Events resumed = new Events();
        DebateResult result = new Debate("d1", settings(2), answerer, resumed).continueFrom(spoken, new Cancellation());

        assertEquals(List.of("started", "turn 2 PRO CLOSING " + PRO, "ended 2 PRO", "turn 2 CON CLOSING " + CON,
                "ended 2 CON", "finished"), resumed.lines, "only the new turns are told");
        assertEquals("P2C2", resumed.said.toString());
        assertEquals(List.of("P1", "C1", "P2", "C2"), result.turns().stream().map(Turn::text).toList());
        assertEquals(spoken, result.turns().subList(0, 2), "the turns spoken before are kept as they were");
        assertEquals(2, result.summary().fighters().get(0).turns(), "the summary counts every turn");
        List<ScriptedAnswerer.Asked> asked = answerer.asked();
        assertEquals(5, asked.size(), "three asked before the cut, two after it");
        ChatRequest proClosing = asked.get(3).request();
        assertEquals(RequestTag.turn("d1", "pro", 2), asked.get(3).tag());
        assertEquals(List.of("system", "user", "assistant", "user"), roles(proClosing));
        assertEquals(List.of("P1", "Your opponent (Con), round 1, opening statement:\n\nC1"),
                contents(proClosing).subList(2, 4), "the earlier turns are the history");
    }

    @Test
    void aDebateWithEveryTurnSpokenOnlyAsksTheJudge() throws Exception {
        answerer.script(PRO, Reply.text("P1"));
        answerer.script(CON, Reply.text("C1"));
        debate(settings(1)).run(new Cancellation());
        answerer.script(JUDGE, Reply.text(verdict("A")), Reply.text(verdict("B")));

        Events resumed = new Events();
        DebateResult result = new Debate("d1", settings(1, JUDGE), answerer, resumed)
                .continueFrom(events.turns, new Cancellation());

        assertEquals(List.of("started", "judging " + JUDGE, "verdict PRO", "finished"), resumed.lines);
        assertEquals(Winner.PRO, result.verdict().winner());
        assertEquals(4, answerer.asked().size());
    }

    @Test
    void turnsToGoOnFromMustBeTheDebatesFirstTurnsAllCompleted() throws Exception {
        answerer.script(PRO, Reply.text("P1"));
        answerer.script(CON, Reply.fails("down"));
        assertThrows(TurnFailedException.class, () -> debate(settings(2)).run(new Cancellation()));
        Debate debate = debate(settings(2));
        Turn pro = events.turns.get(0);
        Turn failedCon = events.turns.get(1);

        assertThrows(IllegalArgumentException.class, () -> debate.continueFrom(List.of(failedCon), new Cancellation()),
                "Con does not open");
        assertThrows(IllegalArgumentException.class, () -> debate.continueFrom(List.of(pro, failedCon), new Cancellation()),
                "a failed turn is asked again, not kept");
        assertThrows(IllegalArgumentException.class,
                () -> debate(settings(1)).continueFrom(List.of(pro, pro, pro), new Cancellation()), "more than the debate has");
        assertEquals(2, answerer.asked().size(), "nothing is asked for a refused continuation");
    }

    @Test
    void aTurnCutAtTheAnswerersLimitEndsWithTheMarkerAndTheDebateGoesOn() throws Exception {
        ScriptedAnswerer short10 = new ScriptedAnswerer(10).script(PRO, Reply.text("0123456", "789abc"))
                .script(CON, Reply.text("ok"));

        new Debate("d1", settings(1), short10, events).run(new Cancellation());

        String marker = FighterAgent.cutMarker(10);
        assertEquals("0123456789" + marker, events.turns.get(0).text());
        assertFalse(events.turns.get(0).failed());
        assertEquals("0123456789" + marker + "ok", events.said.toString(), "the marker is shown too");
        assertTrue(contents(short10.asked().get(1).request()).get(1).endsWith(marker), "Con reads the cut");
    }

    @Test
    void anAnswererThatReadsLongerAnswersThanATurnIsRefused() {
        ScriptedAnswerer endless = new ScriptedAnswerer(Integer.MAX_VALUE);

        assertThrows(IllegalArgumentException.class, () -> new Debate("d1", settings(1), endless, events));
    }
}
