package dev.arena.tournament;

import dev.arena.debate.Winner;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A debate's result from its panel: the outcome named by more than half of the judges who gave
 * a verdict, or else a tie. A plurality is not enough: with three judges voting Pro, Con and
 * tie, or two judges split, the panel has not decided, and calling it for one side would turn
 * one judge's noise into a rating. Each judge's own vote is already a tie when its two readings
 * (positions swapped) disagree, so position bias is filtered before the vote.
 */
public final class PanelMajority {

    private PanelMajority() {
    }

    /**
     * @param votes the winner each judge of the panel named, one per judge that gave a verdict
     * @return the result, or empty when no judge gave a verdict: nothing to count, which is not
     *     a tie, so such a debate is left unjudged rather than rated as one
     */
    public static Optional<Winner> of(List<Winner> votes) {
        if (votes.isEmpty()) {
            return Optional.empty();
        }
        Map<Winner, Integer> counts = new EnumMap<>(Winner.class);
        votes.forEach(w -> counts.merge(w, 1, Integer::sum));
        return Optional.of(counts.entrySet().stream()
                .filter(e -> e.getValue() * 2 > votes.size())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(Winner.TIE));
    }
}
