package dev.arena.debate;

import java.time.Duration;

/**
 * One fighter's totals over the debate. {@code cost} is null when no model reported one;
 * {@code costEstimated} is true when some of it was computed from the catalogue's prices.
 * {@code usageInvalid} is true when some turn's usage was invalid: then the tokens and cost
 * are not known, and views show them as {@code invalid}.
 */
public record FighterStats(Side side, int turns, long promptTokens, long completionTokens, Double cost,
                           Duration time, int fallbacks, boolean costEstimated, boolean usageInvalid) {

    /** Totals whose cost, if any, the server reported. */
    public FighterStats(Side side, int turns, long promptTokens, long completionTokens, Double cost,
                        Duration time, int fallbacks) {
        this(side, turns, promptTokens, completionTokens, cost, time, fallbacks, false, false);
    }
}
