package dev.arena.debate;

import dev.arena.openrouter.Usage;

import java.time.Duration;

/**
 * One answer of the judge: the reading parsed from it, the model that gave it, what it used
 * ({@link Usage#NONE} when unknown) and how long it took, waits included. A tournament keeps
 * each as it arrives, so that a resumed one asks only for the readings it is missing.
 */
public record JudgeAnswer(JudgeReading reading, String answeringModel, Usage usage, Duration elapsed) {

    public JudgeAnswer {
        usage = usage == null ? Usage.NONE : usage;
    }
}
