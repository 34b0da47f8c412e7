package dev.arena.ratings;

import java.util.List;

/** What a reader must know before trusting a leaderboard's order; the command words it. */
public sealed interface RatingWarning {

    /**
     * The graph of who played whom falls apart: nothing compares a model with those of another
     * part, so ratings across parts mean nothing.
     *
     * @param parts each part's models in id order; the parts in the order of their first model
     */
    record Disconnected(List<List<String>> parts) implements RatingWarning {
        public Disconnected {
            parts = parts.stream().map(List::copyOf).toList();
        }
    }

    /** Two or more models, and every one has rank 1: no interval lies wholly above another. */
    record IntervalsTooWide() implements RatingWarning {
    }
}
