package dev.arena.debate;

import java.time.Duration;
import java.util.List;

/**
 * How the debate went: per-fighter totals, the verdict (null without a judge or when the
 * debate stopped early), the whole time, and why it stopped early ({@code stopReason} is
 * null for a complete debate).
 */
public record DebateSummary(List<FighterStats> fighters, Verdict verdict, Duration elapsed, String stopReason) {

    public DebateSummary {
        fighters = List.copyOf(fighters);
    }

    public boolean complete() {
        return stopReason == null;
    }
}
