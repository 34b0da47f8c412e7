package dev.arena.debate;

import java.time.Duration;

/**
 * One fighter's totals over the debate. {@code cost} is null when no model reported one;
 * {@code costEstimated} is true when some of it was computed from the catalogue's prices.
 */
public record FighterStats(Side side, int turns, long promptTokens, long completionTokens, Double cost,
                           Duration time, int fallbacks, boolean costEstimated) {

    /** Totals whose cost, if any, the server reported. */
    public FighterStats(Side side, int turns, long promptTokens, long completionTokens, Double cost,
                        Duration time, int fallbacks) {
        this(side, turns, promptTokens, completionTokens, cost, time, fallbacks, false);
    }
}
