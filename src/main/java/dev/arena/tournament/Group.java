package dev.arena.tournament;

import java.util.List;

/**
 * One unordered pair of models on one motion, played as two debates with the sides swapped:
 * the unit of scheduling. Playing both sides cancels the advantage a motion gives one side,
 * so a model is not rated for the side it drew; and since the two legs share a motion and a
 * pair, their results are correlated, which is why the ratings resample whole groups.
 *
 * <p>A group is its own key: the motion's index in the tournament's list and the two ids,
 * {@code first} before {@code second} in {@link String#compareTo} order. Neither the seed nor
 * the order the models were written in changes it, so the store finds a group again on
 * resume and after an extension.
 */
public record Group(int motion, String first, String second) {

    public Group {
        if (motion < 0) {
            throw new IllegalArgumentException("a motion index is 0 or more: " + motion);
        }
        if (first.compareTo(second) >= 0) {
            throw new IllegalArgumentException("a group's models are two ids in order: " + first + ", " + second);
        }
    }

    /**
     * The group as text, {@code 0 a/x b/y}: the motion's index and the two ids, separated by
     * spaces, which no model id has (ids may have colons: {@code :free}). The store keys its
     * groups so, and JSON events name them so.
     */
    public String key() {
        return motion + " " + first + " " + second;
    }

    /** The group a {@link #key} names. */
    public static Group ofKey(String key) {
        String[] parts = key.split(" ");
        return new Group(Integer.parseInt(parts[0]), parts[1], parts[2]);
    }

    /** Leg 1, {@code first} as Pro, then leg 2, {@code second} as Pro. */
    public List<Leg> legs() {
        return List.of(new Leg(this, 1), new Leg(this, 2));
    }
}
