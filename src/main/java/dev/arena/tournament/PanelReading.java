package dev.arena.tournament;

import dev.arena.debate.JudgeReading;

/**
 * One reading by one judge of the panel: {@code reading} 1 presents Pro first, 2 Con first.
 * {@code model} is the model that answered. Stored as it arrives, so a resume asks only for
 * the readings still missing.
 */
public record PanelReading(String judge, int reading, JudgeReading answer, String model) {
}
