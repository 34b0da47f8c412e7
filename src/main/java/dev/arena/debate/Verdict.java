package dev.arena.debate;

import dev.arena.openrouter.Usage;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The judge's final word. The judge is asked twice with the sides presented in swapped
 * order, since LLM judges favour a position; {@code winner} is TIE unless both readings
 * agree. {@code scores} are the means of both readings. {@code usage} is what both calls to
 * the judge used together (see {@link Usage#sum}), {@link Usage#NONE} when unknown;
 * {@code elapsed} is the time both took, from asking the first to the end of the second.
 */
public record Verdict(Winner winner, Map<Side, Scores> scores, String rationale, String judgeModel,
                      boolean readingsAgree, List<JudgeReading> readings, Usage usage, Duration elapsed) {

    /** Why a verdict is a tie. */
    public enum TieReason {
        /** Both readings were read and both called it a tie. */
        JUDGED,
        /** Both readings were read and named different outcomes: position bias, so a tie. */
        READINGS_DISAGREED,
        /** At least one reading held no verdict that could be read. */
        ANSWER_UNREADABLE
    }

    public Verdict {
        scores = Map.copyOf(scores);
        readings = List.copyOf(readings);
        usage = usage == null ? Usage.NONE : usage;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    /** A verdict whose usage and time are not known. */
    public Verdict(Winner winner, Map<Side, Scores> scores, String rationale, String judgeModel,
                   boolean readingsAgree, List<JudgeReading> readings) {
        this(winner, scores, rationale, judgeModel, readingsAgree, readings, Usage.NONE, Duration.ZERO);
    }

    /** Why this verdict is a tie; null when it is not one. */
    public TieReason tieReason() {
        if (winner != Winner.TIE) {
            return null;
        }
        if (unreadableReadings() > 0) {
            return TieReason.ANSWER_UNREADABLE;
        }
        return readingsAgree ? TieReason.JUDGED : TieReason.READINGS_DISAGREED;
    }

    /**
     * Why a tie that the judge did not itself call came about, for people: "the judge's two
     * readings disagreed", "one of the judge's answers could not be read", "the judge's answers
     * could not be read". Null for a win and for a tie the judge called in both readings.
     */
    public String tieExplanation() {
        TieReason reason = tieReason();
        if (reason == null || reason == TieReason.JUDGED) {
            return null;
        }
        if (reason == TieReason.READINGS_DISAGREED) {
            return "the judge's two readings disagreed";
        }
        return unreadableReadings() < readings.size() ? "one of the judge's answers could not be read"
                : "the judge's answers could not be read";
    }

    private long unreadableReadings() {
        return readings.stream().filter(r -> !r.parsed()).count();
    }
}
