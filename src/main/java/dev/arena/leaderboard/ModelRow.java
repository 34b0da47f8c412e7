package dev.arena.leaderboard;

import dev.arena.ratings.Standing;

/**
 * One model's row of a leaderboard.
 *
 * @param rank           as {@link dev.arena.ratings.RatedModel#rank}; null, like the rating and its
 *                       interval, for a model with no rated debate
 * @param standing       its record in the rated debates
 * @param costPerDebate  what its own turns cost, in dollars, over its rated debates; null when
 *                       unknown, or when it has none
 * @param failed         its debates that failed on every model (tried again on a resume)
 * @param leftOut        its complete debates left out of the ratings because a fallback spoke
 */
public record ModelRow(String model, Integer rank, Double rating, Double ciLow, Double ciHigh, Standing standing,
                       Double costPerDebate, int failed, int leftOut) {

    public boolean rated() {
        return rating != null;
    }
}
