package dev.arena.ratings;

/**
 * One row of a leaderboard.
 *
 * @param rank 1 plus the number of models whose interval lies wholly above this one's; equal
 *     ranks are allowed
 * @param rating the maximum-likelihood rating on all the games
 * @param ciLow the 95% interval's lower bound
 * @param ciHigh its upper bound
 */
public record RatedModel(String model, int rank, double rating, double ciLow, double ciHigh, Standing standing) {
}
