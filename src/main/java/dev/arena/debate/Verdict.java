package dev.arena.debate;

import java.util.List;
import java.util.Map;

/**
 * The judge's final word. The judge is asked twice with the sides presented in swapped
 * order, since LLM judges favour a position; {@code winner} is TIE unless both readings
 * agree. {@code scores} are the means of both readings.
 */
public record Verdict(Winner winner, Map<Side, Scores> scores, String rationale, String judgeModel,
                      boolean readingsAgree, List<JudgeReading> readings) {

    public Verdict {
        scores = Map.copyOf(scores);
        readings = List.copyOf(readings);
    }
}
