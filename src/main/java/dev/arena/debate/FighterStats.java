package dev.arena.debate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Both fighters' totals over {@code turns}, Pro first: what a debate's summary reports, and
     * what a stored debate rebuilds its summary from.
     */
    public static List<FighterStats> of(List<Turn> turns) {
        List<FighterStats> stats = new ArrayList<>();
        for (Side side : Side.values()) {
            int count = 0;
            long in = 0;
            long out = 0;
            Double cost = null;
            Duration time = Duration.ZERO;
            int fallbacks = 0;
            boolean estimated = false;
            boolean invalid = false;
            for (Turn t : turns) {
                if (t.side() != side) {
                    continue;
                }
                if (!t.failed()) {
                    count++;
                }
                invalid |= t.usage().invalid();
                in += t.usage().promptTokens();
                out += t.usage().completionTokens();
                if (t.usage().cost() != null) {
                    cost = (cost == null ? 0 : cost) + t.usage().cost();
                    estimated |= t.usage().costEstimated();
                }
                time = time.plus(Duration.between(t.startedAt(), t.endedAt()));
                fallbacks += t.fallbacks().size();
            }
            stats.add(invalid ? new FighterStats(side, count, 0, 0, null, time, fallbacks, false, true)
                    : new FighterStats(side, count, in, out, cost, time, fallbacks, estimated, false));
        }
        return stats;
    }
}
