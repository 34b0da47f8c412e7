package dev.arena.debate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shape a judge has been seen to answer in, read with either side presented first. */
class VerdictParserTest {

    private static final Scores A_CARD = new Scores(7, 6, 5, 8);
    private static final Scores B_CARD = new Scores(5, 4, 3, 2);
    private static final String CARDS = "\"scores\":{\"A\":{\"argument_strength\":7,\"rebuttal\":6,\"evidence\":5,\"clarity\":8},"
            + "\"B\":{\"argument_strength\":5,\"rebuttal\":4,\"evidence\":3,\"clarity\":2}}";

    /**
     * One answer and what it must be read as, in the judge's own A/B terms.
     *
     * @param winner    "A", "B" or "tie"
     * @param rationale the expected rationale; null: the whole (stripped) answer, as for prose
     */
    private record Case(String name, String answer, String winner, boolean parsed, Scores a, Scores b,
                        String rationale) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Case> cases() {
        return List.of(
                new Case("clean JSON", "{\"winner\":\"A\"," + CARDS + ",\"rationale\":\"A was sharper.\"}",
                        "A", true, A_CARD, B_CARD, "A was sharper."),
                new Case("JSON in a ```json fence", "```json\n{\"winner\":\"B\"," + CARDS + ",\"rationale\":\"B won.\"}\n```",
                        "B", true, A_CARD, B_CARD, "B won."),
                new Case("JSON with text before and after",
                        "Here is my verdict:\n{\"winner\":\"B\"," + CARDS + ",\"rationale\":\"R.\"}\nHope this helps {really}!",
                        "B", true, A_CARD, B_CARD, "R."),
                new Case("braces and escaped quotes inside strings",
                        "Verdict: {\"rationale\":\"B wrote \\\"}\\\" and { twice.\",\"winner\":\"b\"," + CARDS + "} end",
                        "B", true, A_CARD, B_CARD, "B wrote \"}\" and { twice."),
                new Case("capitalised keys, 'Debater A' keys and value",
                        "{\"Winner\":\"Debater A\",\"Scores\":{\"Debater A\":{\"Argument_Strength\":7,\"Rebuttal\":6,"
                                + "\"Evidence\":5,\"Clarity\":8},\"debater_b\":{\"argumentStrength\":5,\"REBUTTAL\":4,"
                                + "\"evidence\":3,\"clarity\":2}},\"Rationale\":\"Close.\"}",
                        "A", true, A_CARD, B_CARD, "Close."),
                new Case("lower-case side keys, winner 'b'",
                        "{\"winner\":\"b\",\"scores\":{\"a\":{\"argument_strength\":7,\"rebuttal\":6,\"evidence\":5,"
                                + "\"clarity\":8},\"b\":{\"argument_strength\":5,\"rebuttal\":4,\"evidence\":3,\"clarity\":2}},"
                                + "\"rationale\":\"x\"}",
                        "B", true, A_CARD, B_CARD, "x"),
                new Case("winner 'tie'", "{\"winner\":\"tie\"," + CARDS + ",\"rationale\":\"Even.\"}",
                        "tie", true, A_CARD, B_CARD, "Even."),
                new Case("winner 'draw'", "{\"winner\":\"draw\"," + CARDS + ",\"rationale\":\"Even.\"}",
                        "tie", true, A_CARD, B_CARD, "Even."),
                new Case("winner 'TIE'", "{\"winner\":\"TIE\"," + CARDS + ",\"rationale\":\"Even.\"}",
                        "tie", true, A_CARD, B_CARD, "Even."),
                new Case("winner as a sentence", "{\"winner\":\"Debater B wins\"," + CARDS + ",\"rationale\":\"r\"}",
                        "B", true, A_CARD, B_CARD, "r"),
                new Case("scores as numeric strings",
                        "{\"winner\":\"A\",\"scores\":{\"A\":{\"argument_strength\":\"7\",\"rebuttal\":\"6\",\"evidence\":\"5\","
                                + "\"clarity\":\"8/10\"},\"B\":{\"argument_strength\":\"5\",\"rebuttal\":4,\"evidence\":\"3\","
                                + "\"clarity\":\"2\"}},\"rationale\":\"r\"}",
                        "A", true, A_CARD, B_CARD, "r"),
                new Case("scores out of range are clamped to 1..10",
                        "{\"winner\":\"A\",\"scores\":{\"A\":{\"argument_strength\":15,\"rebuttal\":0,\"evidence\":-3,"
                                + "\"clarity\":\"12\"},\"B\":{\"argument_strength\":5,\"rebuttal\":4,\"evidence\":3,\"clarity\":2}},"
                                + "\"rationale\":\"r\"}",
                        "A", true, new Scores(10, 1, 1, 10), B_CARD, "r"),
                new Case("a side missing a criterion has no scores",
                        "{\"winner\":\"A\",\"scores\":{\"A\":{\"argument_strength\":7,\"rebuttal\":6,\"evidence\":5,"
                                + "\"clarity\":8},\"B\":{\"argument_strength\":5,\"rebuttal\":4,\"evidence\":3}},\"rationale\":\"r\"}",
                        "A", true, A_CARD, null, "r"),
                new Case("verdict nested one level down",
                        "{\"verdict\":{\"winner\":\"B\"," + CARDS + ",\"rationale\":\"nested\"}}",
                        "B", true, A_CARD, B_CARD, "nested"),
                new Case("JSON with scores but no winner", "{" + CARDS + ",\"rationale\":\"no call\"}",
                        "tie", false, A_CARD, B_CARD, "no call"),
                new Case("malformed JSON falls back to prose",
                        "{\"winner\": \"B\" \"scores\" ]] oops}", "B", true, null, null, null),
                new Case("JSON cut off by the token limit", "{\"winner\":\"A\",\"scores\":{\"A\":{\"argument_strength\":7,",
                        "A", true, null, null, null),
                new Case("prose 'winner: A'", "After careful thought.\nWinner: A\nA argued better.", "A", true, null, null, null),
                new Case("prose markdown '**Winner:** Debater B'", "**Winner:** Debater B\n\nB was clearer.", "B", true,
                        null, null, null),
                new Case("prose 'Debater B wins'", "Weighing it all, Debater B wins on rebuttal and evidence.", "B", true,
                        null, null, null),
                new Case("prose 'winner is debater a'", "I think the winner is debater a.", "A", true, null, null, null),
                new Case("prose 'it's a tie'", "Honestly, it\u2019s a tie: both made strong points.", "tie", true, null, null, null),
                new Case("prose 'Tie.' alone", "Tie.", "tie", true, null, null, null),
                new Case("prose naming both as winner is no verdict",
                        "Debater A wins on evidence, but Debater B wins on clarity.", "tie", false, null, null, null),
                new Case("prose naming a winner and a tie is no verdict",
                        "Debater A wins. Some would call it a draw.", "tie", false, null, null, null),
                new Case("prose without a verdict", "Both debaters made good points about cars.", "tie", false, null, null, null),
                new Case("'winner is a close call' names no one", "The winner is a close call between them", "tie", false,
                        null, null, null),
                new Case("empty answer", "", "tie", false, null, null, ""));
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Case c : cases()) {
            for (Side first : Side.values()) {
                rows.add(Arguments.of(c, first));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}, {1} first")
    @MethodSource("table")
    void readsEveryShape(Case c, Side presentedFirst) {
        JudgeReading reading = VerdictParser.parse(c.answer(), presentedFirst);

        Side a = presentedFirst;
        Side b = presentedFirst.opponent();
        Winner expected = switch (c.winner()) {
            case "A" -> Winner.of(a);
            case "B" -> Winner.of(b);
            default -> Winner.TIE;
        };
        assertEquals(expected, reading.winner(), "winner");
        assertEquals(c.parsed(), reading.parsed(), "parsed");
        assertEquals(presentedFirst, reading.presentedFirst());
        assertEquals(c.answer(), reading.rawAnswer(), "the raw answer is always kept");
        assertEquals(c.a(), reading.scores().get(a), "Debater A's scores, on " + a);
        assertEquals(c.b(), reading.scores().get(b), "Debater B's scores, on " + b);
        assertEquals(VerdictParser.sides(c.rationale() == null ? c.answer().strip() : c.rationale(), presentedFirst),
                reading.rationale(), "rationale, with the debaters named by side");
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void aLongProseAnswerKeepsItsFirst500CharactersAsRationale(Side presentedFirst) {
        String answer = "Debater A wins. " + "Both spoke at length about parking and buses. ".repeat(30);
        JudgeReading reading = VerdictParser.parse(answer, presentedFirst);

        assertEquals(Winner.of(presentedFirst), reading.winner());
        assertEquals(VerdictParser.sides(answer.substring(0, 500), presentedFirst), reading.rationale());
        assertTrue(reading.rationale().startsWith(presentedFirst.label() + " wins. Both spoke"), reading.rationale());
        assertEquals(answer, reading.rawAnswer());
    }

    @Test
    void nullAndGarbageNeverThrow() {
        assertFalse(VerdictParser.parse(null, Side.PRO).parsed());
        for (String garbage : List.of("{", "}", "{{{{", "\"", "{\"winner\":", "[1,2,{]", "{\"a\":\"\\", "\u0000{}\u0000")) {
            JudgeReading reading = VerdictParser.parse(garbage, Side.CON);
            assertEquals(Winner.TIE, reading.winner(), garbage);
            assertFalse(reading.parsed(), garbage);
            assertEquals(Map.of(), reading.scores(), garbage);
        }
    }

    @Test
    void theFirstVerdictObjectIsUsedEvenAfterAnUnrelatedOne() {
        String answer = "Criteria I used: {\"weights\": {\"clarity\": 1}}. Verdict: {\"winner\":\"B\"," + CARDS
                + ",\"rationale\":\"r\"}";
        JudgeReading reading = VerdictParser.parse(answer, Side.PRO);

        assertTrue(reading.parsed());
        assertEquals(Winner.CON, reading.winner());
        assertEquals(B_CARD, reading.scores().get(Side.CON));
    }

    @Test
    void theRationaleNamesTheSidesTheUserKnowsNotTheJudgesLetters() {
        String answer = "{\"winner\":\"A\"," + CARDS + ",\"rationale\":\"Debater A was sharper; debater b's "
                + "evidence was thin. DEBATER-A, DebaterB, Debater_a. Debater Alpha and the debaters abide.\"}";

        JudgeReading proFirst = VerdictParser.parse(answer, Side.PRO);
        JudgeReading conFirst = VerdictParser.parse(answer, Side.CON);

        assertEquals("Pro was sharper; Con's evidence was thin. Pro, Con, Pro. Debater Alpha and the debaters abide.",
                proFirst.rationale());
        assertEquals("Con was sharper; Pro's evidence was thin. Con, Pro, Con. Debater Alpha and the debaters abide.",
                conFirst.rationale());
        assertEquals(answer, conFirst.rawAnswer(), "the raw answer stays as the judge wrote it");
        assertEquals("Con wins on rebuttal.", VerdictParser.parse("Debater B wins on rebuttal.", Side.PRO).rationale(),
                "a prose answer used as the rationale too");
    }

    @Test
    void balancedEndHonoursStringsAndEscapes() {
        String text = "x {\"a\":\"}\\\"}\",\"b\":{\"c\":1}} y";
        int start = text.indexOf('{');
        assertEquals(text.lastIndexOf('}'), VerdictParser.balancedEnd(text, start));
        assertEquals(-1, VerdictParser.balancedEnd("{\"open\":{", 0));
    }
}
