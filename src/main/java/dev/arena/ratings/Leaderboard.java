package dev.arena.ratings;

import java.util.List;

/**
 * Ratings of every model that played.
 *
 * @param models by rating, highest first, then by model id
 */
public record Leaderboard(List<RatedModel> models, List<RatingWarning> warnings) {

    public Leaderboard {
        models = List.copyOf(models);
        warnings = List.copyOf(warnings);
    }
}
