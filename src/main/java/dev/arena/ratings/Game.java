package dev.arena.ratings;

import java.util.Objects;

/**
 * One rated debate.
 *
 * @param group the side-swapped pair it belongs to: the two debates of one pairing on one motion
 *     share a key, so that the bootstrap resamples them together (they share a motion and a
 *     judge's taste for it, so their results are correlated); any string, compared exactly
 * @param pro the model that argued for the motion
 * @param con the model that argued against it
 */
public record Game(String group, String pro, String con, Outcome outcome) {

    public Game {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(pro, "pro");
        Objects.requireNonNull(con, "con");
        Objects.requireNonNull(outcome, "outcome");
        if (pro.equals(con)) {
            throw new IllegalArgumentException("a model cannot debate itself: " + pro);
        }
    }
}
