package dev.arena.debate;

import java.util.Map;

/**
 * One call to the judge: which side was presented first, what it decided, its scores per
 * side (empty when they could not be read), its rationale, and its raw answer. {@code parsed}
 * is false when the answer held no usable verdict (the judge answered in prose, say).
 */
public record JudgeReading(Side presentedFirst, Winner winner, Map<Side, Scores> scores, String rationale,
                           String rawAnswer, boolean parsed) {

    public JudgeReading {
        scores = Map.copyOf(scores);
    }
}
