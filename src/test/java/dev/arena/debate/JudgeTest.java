package dev.arena.debate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.ScriptedAnswerer;
import dev.arena.fake.RecordedRequest;
import dev.arena.fake.Reply;
import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.OpenRouterClient;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.FallbackChain;
import dev.arena.resilience.Rate;
import dev.arena.resilience.RateLimits;
import dev.arena.resilience.RequestTag;
import dev.arena.resilience.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The judge against the fake OpenRouter: the swapped double call, merging readings, fallback. */
class JudgeTest {

    private static final String JUDGE = "judge/one";
    private static final String BACKUP = "judge/two";
    private static final Pattern SIDE_LABELS = Pattern.compile("\\b(?:Pro|Con|PRO|CON)\\b");

    private FakeOpenRouter fake;
    private FallbackChain chain;
    private final List<String> notices = new ArrayList<>();

    private final DebateSettings settings = new DebateSettings("Cities should ban private cars", 2,
            new Fighter(Side.PRO, List.of("fighter/pro"), null), new Fighter(Side.CON, List.of("fighter/con"), null),
            0.8, 500, 42L, List.of(JUDGE, BACKUP));

    private final List<Turn> turns = List.of(
            turn(1, Side.PRO, Phase.OPENING, "YES-OPENING: cars choke streets.", null),
            turn(1, Side.CON, Phase.OPENING, "NO-OPENING: cars mean freedom.", null),
            turn(2, Side.PRO, Phase.CLOSING, "YES-CLOSING: buses win.", null),
            turn(2, Side.CON, Phase.CLOSING, "NO-CLOSING: people choose.", null));

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        OpenRouterClient client = new OpenRouterClient(
                new ClientSettings(URI.create(fake.baseUrl()), null, Duration.ofSeconds(5), l -> {
                }));
        chain = new FallbackChain(client, new RateLimits(Rate.parse("100/s"), Map.of()),
                new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static Turn turn(int round, Side side, Phase phase, String text, String error) {
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        String model = "fighter/" + side.label().toLowerCase();
        return new Turn(round, side, phase, model, model, text, Usage.NONE, at, at,
                List.of(), error);
    }

    private static String verdict(String winner, int[] a, int[] b, String rationale) {
        return "{\"winner\":\"" + winner + "\",\"scores\":{\"A\":" + card(a) + ",\"B\":" + card(b) + "},"
                + "\"rationale\":\"" + rationale + "\"}";
    }

    private static String card(int[] s) {
        return "{\"argument_strength\":" + s[0] + ",\"rebuttal\":" + s[1] + ",\"evidence\":" + s[2]
                + ",\"clarity\":" + s[3] + "}";
    }

    private static final int[] GOOD = {8, 8, 8, 8};
    private static final int[] POOR = {3, 3, 3, 3};

    private Verdict judge() throws Exception {
        return new Judge(chain, List.of(JUDGE, BACKUP)).judge(settings, turns, recorder(), new Cancellation(), "debate");
    }

    /** Records every event the judge passes on, text and turns included, so tests can check none leaks. */
    private DebateListener recorder() {
        return new DebateListener() {
            @Override
            public void turnStarted(String debateId, int round, Side side, Phase phase, String model, Instant at) {
                notices.add("turn " + model);
            }

            @Override
            public void delta(String debateId, Side side, String text) {
                notices.add("content " + text);
            }

            @Override
            public void retry(String debateId, Speaker who, ApiException failure, Duration delay, int retry, int maxRetries) {
                notices.add("retry " + failure.model());
            }

            @Override
            public void fallback(String debateId, Speaker who, FallbackNote note) {
                notices.add("fallback " + note.fromModel() + " -> " + note.toModel());
            }

            @Override
            public void waiting(String debateId, Speaker who, String model, Duration wait, String reason) {
                notices.add("wait " + model);
            }
        };
    }

    private static String content(RecordedRequest request, int index) {
        JsonArray messages = request.json().getAsJsonArray("messages");
        return messages.get(index).getAsJsonObject().get("content").getAsString();
    }

    private static String role(RecordedRequest request, int index) {
        return request.json().getAsJsonArray("messages").get(index).getAsJsonObject().get("role").getAsString();
    }

    private static void assertBefore(String text, String first, String then) {
        int i = text.indexOf(first);
        int j = text.indexOf(then);
        assertTrue(i >= 0, "missing " + first + " in:\n" + text);
        assertTrue(j >= 0, "missing " + then + " in:\n" + text);
        assertTrue(i < j, first + " should come before " + then + " in:\n" + text);
    }

    @Test
    void theJudgeIsAskedTwiceFirstWithProAsDebaterAThenWithCon() throws Exception {
        fake.script(JUDGE, Reply.stream(verdict("A", GOOD, POOR, "r1")), Reply.stream(verdict("B", POOR, GOOD, "r2")));

        judge();

        List<RecordedRequest> requests = fake.requestsFor(JUDGE);
        assertEquals(2, requests.size());
        assertEquals(2, fake.requests().size(), "no other model is asked");

        RecordedRequest proFirst = requests.get(0);
        assertEquals("system", role(proFirst, 0));
        assertEquals("user", role(proFirst, 1));
        String one = content(proFirst, 1);
        assertTrue(one.contains("Cities should ban private cars"), one);
        assertTrue(one.contains("Debater A argued for the topic; Debater B argued against it."), one);
        assertTrue(one.contains("Debater A:\nYES-OPENING"), one);
        assertTrue(one.contains("Debater B:\nNO-OPENING"), one);
        assertBefore(one, "YES-OPENING", "NO-OPENING");
        assertBefore(one, "NO-OPENING", "YES-CLOSING");
        assertBefore(one, "YES-CLOSING", "NO-CLOSING");

        RecordedRequest conFirst = requests.get(1);
        String two = content(conFirst, 1);
        assertTrue(two.contains("Debater A argued against the topic; Debater B argued for it."), two);
        assertTrue(two.contains("Debater A:\nNO-OPENING"), two);
        assertTrue(two.contains("Debater B:\nYES-OPENING"), two);
        assertBefore(two, "NO-OPENING", "YES-OPENING");
        assertBefore(two, "YES-OPENING", "NO-CLOSING");
        assertBefore(two, "NO-CLOSING", "YES-CLOSING");

        assertEquals(content(proFirst, 0), content(conFirst, 0), "the same instructions both times");
        for (RecordedRequest request : requests) {
            for (int i = 0; i < 2; i++) {
                String text = content(request, i);
                assertFalse(SIDE_LABELS.matcher(text).find(), "the judge must not see Pro/Con labels:\n" + text);
                assertFalse(text.contains("fighter/"), "nor the fighters' models:\n" + text);
            }
        }
        String instructions = content(proFirst, 0);
        for (String key : List.of("\"winner\"", "\"argument_strength\"", "\"rebuttal\"", "\"evidence\"", "\"clarity\"",
                "\"rationale\"", "JSON only")) {
            assertTrue(instructions.contains(key), key + " in:\n" + instructions);
        }
    }

    @Test
    void theRequestHasTemperatureZeroTheSeedAndItsOwnTokenLimit() throws Exception {
        fake.script(JUDGE, Reply.stream(verdict("A", GOOD, POOR, "r")));

        judge();

        for (RecordedRequest request : fake.requestsFor(JUDGE)) {
            JsonObject body = request.json();
            assertEquals(0.0, body.get("temperature").getAsDouble());
            assertEquals(800, body.get("max_tokens").getAsInt(), "not the debaters' 500");
            assertEquals(42L, body.get("seed").getAsLong());
            assertEquals(JUDGE, body.get("model").getAsString());
        }
    }

    @Test
    void readingsThatAgreeGiveThatWinner() throws Exception {
        // Pro is A the first time and B the second: "A" then "B" both name Pro.
        fake.script(JUDGE, Reply.stream(verdict("A", GOOD, POOR, "Pro was stronger as A.")),
                Reply.stream("```json\n", verdict("B", POOR, GOOD, "Pro was stronger as B."), "\n```"));

        Verdict verdict = judge();

        assertEquals(Winner.PRO, verdict.winner());
        assertTrue(verdict.readingsAgree());
        assertEquals("Pro was stronger as A.", verdict.rationale());
        assertEquals(JUDGE, verdict.judgeModel());
        assertEquals(2, verdict.readings().size());
        assertEquals(Side.PRO, verdict.readings().get(0).presentedFirst());
        assertEquals(Side.CON, verdict.readings().get(1).presentedFirst());
        assertEquals(List.of(), notices, "the judge's JSON is not streamed to the user");
    }

    @Test
    void readingsThatDisagreeAreATie() throws Exception {
        // Position bias: the judge picks whoever came first, which names Pro then Con.
        fake.script(JUDGE, Reply.stream(verdict("A", GOOD, POOR, "First was better.")),
                Reply.stream(verdict("A", GOOD, POOR, "First was better again.")));

        Verdict verdict = judge();

        assertEquals(Winner.TIE, verdict.winner());
        assertFalse(verdict.readingsAgree());
        assertEquals(Winner.PRO, verdict.readings().get(0).winner());
        assertEquals(Winner.CON, verdict.readings().get(1).winner());
        assertEquals("With Pro first: First was better.\n\nWith Con first: First was better again.", verdict.rationale());
    }

    @Test
    void theRationaleNamesProAndConNotTheJudgesDebaterLetters() throws Exception {
        fake.script(JUDGE, Reply.stream(verdict("A", GOOD, POOR, "Debater A was sharper than debater B.")),
                Reply.stream(verdict("A", GOOD, POOR, "Debater A was sharper than debater B.")));

        Verdict verdict = judge();

        assertEquals("With Pro first: Pro was sharper than Con.\n\nWith Con first: Con was sharper than Pro.",
                verdict.rationale());
        assertEquals("Con was sharper than Pro.", verdict.readings().get(1).rationale());
        assertTrue(verdict.readings().get(1).rawAnswer().contains("Debater A was sharper"), "raw stays raw");
    }

    @Test
    void theJudgeIsToldThatTheListingOrderIsNotTheSpeakingOrder() {
        String instructions = Judge.request(settings, turns, Side.PRO).messages().get(0).content();
        assertTrue(instructions.contains("may differ from the order in which they spoke"), instructions);
        assertTrue(instructions.contains("the debater who spoke second in a round had also seen the other debater's "
                + "turn of that round"), instructions);

        // Pro spoke first in every round: as Debater A in the first reading, as Debater B in the second.
        String proFirst = Judge.request(settings, turns, Side.PRO).messages().get(1).content();
        String conFirst = Judge.request(settings, turns, Side.CON).messages().get(1).content();
        assertTrue(proFirst.contains("## Round 1 (opening statement)\nDebater A spoke first in this round.\n"), proFirst);
        assertTrue(conFirst.contains("## Round 1 (opening statement)\nDebater B spoke first in this round.\n"), conFirst);
        assertTrue(conFirst.contains("## Round 2 (closing statement)\nDebater B spoke first in this round.\n"), conFirst);
        assertBefore(conFirst, "Debater B spoke first", "Debater A:\nNO-OPENING");
    }

    @Test
    void theJudgesUsageIsBothCallsTogetherWithItsTime() throws Exception {
        fake.script(JUDGE, Reply.stream(verdict("A", GOOD, POOR, "r")).usage(1000, 60, 0.002),
                Reply.stream(verdict("B", POOR, GOOD, "r")).usage(1100, 70, 0.003));

        Verdict verdict = judge();

        assertEquals(2100, verdict.usage().promptTokens());
        assertEquals(130, verdict.usage().completionTokens());
        assertEquals(0.005, verdict.usage().cost(), 1e-12);
        assertTrue(!verdict.elapsed().isNegative() && !verdict.elapsed().isZero(), verdict.elapsed().toString());
    }

    @Test
    void aTieFromDisagreementIsToldApartFromAnUnreadableAnswer() throws Exception {
        fake.script(JUDGE, Reply.stream(verdict("A", GOOD, POOR, "a")), Reply.stream(verdict("A", GOOD, POOR, "a")),
                Reply.stream(verdict("A", GOOD, POOR, "a")), Reply.stream("Both made fine points."),
                Reply.stream("No idea."), Reply.stream("Hmm."),
                Reply.stream(verdict("tie", GOOD, GOOD, "a")), Reply.stream(verdict("tie", GOOD, GOOD, "a")));

        Verdict disagreed = judge();
        Verdict oneUnreadable = judge();
        Verdict bothUnreadable = judge();
        Verdict calledATie = judge();

        assertEquals(Verdict.TieReason.READINGS_DISAGREED, disagreed.tieReason());
        assertEquals("the judge's two readings disagreed", disagreed.tieExplanation());
        assertEquals(Verdict.TieReason.ANSWER_UNREADABLE, oneUnreadable.tieReason());
        assertEquals("one of the judge's answers could not be read", oneUnreadable.tieExplanation());
        assertEquals(Verdict.TieReason.ANSWER_UNREADABLE, bothUnreadable.tieReason());
        assertEquals("the judge's answers could not be read", bothUnreadable.tieExplanation());
        assertEquals(Winner.TIE, calledATie.winner());
        assertEquals(Verdict.TieReason.JUDGED, calledATie.tieReason());
        assertEquals(null, calledATie.tieExplanation(), "a tie the judge called needs no explanation");
    }

    private static JudgeAnswer answer(String text, Side presentedFirst) {
        return new JudgeAnswer(VerdictParser.parse(text, presentedFirst), JUDGE, Usage.NONE, Duration.ZERO);
    }

    @Test
    void aReadingIsAskedAloneAndMergedWithTheOtherLater() throws Exception {
        // A resumed tournament has the first reading stored and asks only for the second.
        ScriptedAnswerer answerer = new ScriptedAnswerer(Debate.TURN_TEXT_LIMIT)
                .script(JUDGE, ScriptedAnswerer.Reply.fails("judge down"), ScriptedAnswerer.Reply.fails("judge down"))
                .script(BACKUP, ScriptedAnswerer.Reply.text(verdict("A", POOR, GOOD, "Con as A.")).usage(1100, 70, 0.003),
                        ScriptedAnswerer.Reply.text(verdict("B", POOR, GOOD, "Con as B.")).usage(1000, 60, 0.002));
        Judge judge = new Judge(answerer, List.of(JUDGE, BACKUP));

        JudgeAnswer second = judge.read(settings, turns, Side.CON, 2, recorder(), new Cancellation(), "d7");
        JudgeAnswer first = judge.read(settings, turns, Side.PRO, 1, recorder(), new Cancellation(), "d7");

        assertEquals(List.of(RequestTag.judge("d7", 2), RequestTag.judge("d7", 1)),
                answerer.asked().stream().map(ScriptedAnswerer.Asked::tag).toList());
        assertEquals(Side.CON, second.reading().presentedFirst());
        assertEquals(Winner.CON, second.reading().winner());
        assertEquals(BACKUP, second.answeringModel());
        assertEquals(new Usage(1100, 70, 0.003), second.usage());

        Verdict verdict = Judge.merge(first, second);
        assertEquals(Winner.CON, verdict.winner());
        assertTrue(verdict.readingsAgree());
        assertEquals(List.of(first.reading(), second.reading()), verdict.readings());
        assertEquals(BACKUP, verdict.judgeModel());
        assertEquals(2100, verdict.usage().promptTokens());
        assertEquals(0.005, verdict.usage().cost(), 1e-12);
        assertEquals(first.elapsed().plus(second.elapsed()), verdict.elapsed());
        assertThrows(IllegalArgumentException.class, () -> Judge.merge(second, first), "Pro first comes first");
    }

    @Test
    void aWinHasNoTieReason() {
        Verdict verdict = Judge.merge(answer("Debater A wins.", Side.PRO), answer("Debater B wins.", Side.CON));
        assertEquals(Winner.PRO, verdict.winner());
        assertEquals(null, verdict.tieReason());
        assertEquals(null, verdict.tieExplanation());
    }

    @Test
    void anUnreadableProseAnswerMakesATie() throws Exception {
        fake.script(JUDGE, Reply.stream(verdict("A", GOOD, POOR, "Pro as A.")),
                Reply.stream("Both debaters ", "raised thoughtful points about cities."));

        Verdict verdict = judge();

        assertEquals(Winner.TIE, verdict.winner());
        assertFalse(verdict.readingsAgree());
        assertTrue(verdict.readings().get(0).parsed());
        assertFalse(verdict.readings().get(1).parsed());
        assertEquals("Both debaters raised thoughtful points about cities.", verdict.readings().get(1).rawAnswer());
        assertEquals("Pro as A.", verdict.rationale(), "the first reading's rationale");
        // Only the first reading had scores: they are used as they are.
        assertEquals(new Scores(8, 8, 8, 8), verdict.scores().get(Side.PRO));
        assertEquals(new Scores(3, 3, 3, 3), verdict.scores().get(Side.CON));
    }

    @Test
    void aClearProseAnswerStillCounts() throws Exception {
        fake.script(JUDGE, Reply.stream("Winner: Debater B. Con argued better."),
                Reply.stream("After reading both, Debater A wins."));

        Verdict verdict = judge();

        assertEquals(Winner.CON, verdict.winner());
        assertTrue(verdict.readingsAgree());
        assertEquals(Map.of(), verdict.scores());
    }

    @Test
    void scoresAreAveragedAndMappedBackToTheirSides() throws Exception {
        // Pro first: A is Pro. Con first: A is Con.
        fake.script(JUDGE, Reply.stream(verdict("A", new int[] {8, 6, 4, 2}, new int[] {2, 2, 2, 2}, "r")),
                Reply.stream(verdict("B", new int[] {4, 4, 4, 4}, new int[] {6, 8, 6, 4}, "r")));

        Verdict verdict = judge();

        assertEquals(new Scores(7, 7, 5, 3), verdict.scores().get(Side.PRO));
        assertEquals(new Scores(3, 3, 3, 3), verdict.scores().get(Side.CON));
        assertEquals(new Scores(8, 6, 4, 2), verdict.readings().get(0).scores().get(Side.PRO));
        assertEquals(new Scores(6, 8, 6, 4), verdict.readings().get(1).scores().get(Side.PRO));
        assertEquals(new Scores(4, 4, 4, 4), verdict.readings().get(1).scores().get(Side.CON));
    }

    @Test
    void aFailedJudgeModelFallsBackToTheNext() throws Exception {
        fake.script(JUDGE, Reply.errorMessage(500, "judge down"));
        fake.script(BACKUP, Reply.stream(verdict("B", POOR, GOOD, "Con as B.")),
                Reply.stream(verdict("A", GOOD, POOR, "Con as A.")));

        Verdict verdict = judge();

        assertEquals(2, fake.requestsFor(JUDGE).size(), "each reading tries the judge first");
        assertEquals(2, fake.requestsFor(BACKUP).size());
        assertEquals(Winner.CON, verdict.winner());
        assertTrue(verdict.readingsAgree());
        assertEquals(BACKUP, verdict.judgeModel(), "the model that answered");
        assertEquals(List.of("fallback judge/one -> judge/two", "fallback judge/one -> judge/two"), notices,
                "fallbacks reach the user, attempts and content do not");
        JsonObject body = fake.requestsFor(BACKUP).get(0).json();
        assertEquals(0.0, body.get("temperature").getAsDouble());
    }

    @Test
    void aFailedTurnIsShownWithItsErrorAndPartialText() {
        List<Turn> withFailure = List.of(
                turn(1, Side.PRO, Phase.OPENING, "YES-OPENING", null),
                turn(1, Side.CON, Phase.OPENING, "NO-OPENING half a sent", "fighter/con failed: HTTP 500"),
                turn(2, Side.PRO, Phase.CLOSING, "", "fighter/pro failed: stalled"));

        ChatRequest request = Judge.request(settings, withFailure, Side.CON);

        String transcript = request.messages().get(1).content();
        assertTrue(transcript.contains("Debater A:\nNO-OPENING half a sent\n(this turn failed: fighter/con failed: HTTP 500)"),
                transcript);
        assertTrue(transcript.contains("Debater B:\n(this turn failed: fighter/pro failed: stalled)"), transcript);
        assertBefore(transcript, "NO-OPENING", "YES-OPENING");
        assertBefore(transcript, "## Round 1 (opening statement)", "## Round 2 (closing statement)");
    }

    @Test
    void theDryRunRequestNeedsNoNetwork() {
        ChatRequest request = Judge.request(settings, turns, Side.PRO);

        assertEquals(JUDGE, request.model());
        assertEquals(0.0, request.temperature());
        assertEquals(800, request.maxTokens());
        assertEquals(42L, request.seed());
        assertEquals(List.of("system", "user"), request.messages().stream().map(m -> m.role()).toList());
        assertEquals(List.of(), fake.requests());
    }
}
