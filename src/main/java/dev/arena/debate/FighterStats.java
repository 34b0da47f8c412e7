package dev.arena.debate;

import java.time.Duration;

/** One fighter's totals over the debate. {@code cost} is null when no model reported one. */
public record FighterStats(Side side, int turns, long promptTokens, long completionTokens, Double cost,
                           Duration time, int fallbacks) {
}
