package dev.arena.leaderboard;

import dev.arena.debate.Winner;
import dev.arena.ratings.Game;
import dev.arena.ratings.Leaderboard;
import dev.arena.ratings.Outcome;
import dev.arena.ratings.RatedModel;
import dev.arena.ratings.RatingOptions;
import dev.arena.ratings.RatingWarning;
import dev.arena.ratings.Ratings;
import dev.arena.ratings.Standing;
import dev.arena.tournament.DebateState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The leaderboard of one tournament, or of several pooled: every model that was scheduled, the
 * rated ones by rating (highest first), then those with no rated debate by id; and what a
 * reader must know before trusting the order, in sentences every format shows alike.
 *
 * <p>A debate is rated when it is complete, its panel gave a result, and no fallback spoke: a
 * rating must not credit a model for words another model said. Debates where a fallback spoke
 * are counted in each row and in a warning, so they are never silently missing.
 *
 * @param tournaments the names, in the order given
 */
public record LeaderboardTable(List<String> tournaments, List<ModelRow> models, List<String> warnings) {

    private static final Standing NO_DEBATES = new Standing(0, 0, 0, 0, 0, 0);

    public LeaderboardTable {
        tournaments = List.copyOf(tournaments);
        models = List.copyOf(models);
        warnings = List.copyOf(warnings);
    }

    /** The tournament's name, or the pooled ones' joined with ", ". */
    public String name() {
        return String.join(", ", tournaments);
    }

    /**
     * Rates the results of {@code tournaments}; {@code seed} seeds the bootstrap of the intervals,
     * so the same results and seed give the same table.
     */
    public static LeaderboardTable of(List<String> tournaments, List<ScheduledResult> results, long seed) {
        Map<String, Tally> tallies = new TreeMap<>();
        List<Game> games = new ArrayList<>();
        int leftOut = 0;
        for (ScheduledResult r : results) {
            Tally pro = tallies.computeIfAbsent(r.leg().pro(), model -> new Tally());
            Tally con = tallies.computeIfAbsent(r.leg().con(), model -> new Tally());
            if (r.state() == DebateState.FAILED) {
                pro.failed++;
                con.failed++;
            } else if (r.judged() && r.fallbackSpoke()) {
                pro.leftOut++;
                con.leftOut++;
                leftOut++;
            } else if (r.judged()) {
                games.add(new Game(groupKey(r), r.leg().pro(), r.leg().con(), outcome(r.winner())));
                pro.cost(r.proCost());
                con.cost(r.conCost());
            }
        }
        Leaderboard ratings = Ratings.of(games, RatingOptions.seeded(seed));
        List<ModelRow> rows = new ArrayList<>();
        for (RatedModel m : ratings.models()) {
            Tally t = tallies.remove(m.model());
            rows.add(new ModelRow(m.model(), m.rank(), m.rating(), m.ciLow(), m.ciHigh(), m.standing(), t.costPerDebate(),
                    t.failed, t.leftOut));
        }
        tallies.forEach((model, t) -> rows.add(new ModelRow(model, null, null, null, null, NO_DEBATES, null, t.failed,
                t.leftOut)));
        List<String> warnings = new ArrayList<>();
        ratings.warnings().forEach(w -> warnings.add(sentence(w)));
        if (leftOut > 0) {
            warnings.add(leftOut + (leftOut == 1 ? " debate was" : " debates were")
                    + " left out of the ratings because a fallback model spoke for a fighter");
        }
        return new LeaderboardTable(tournaments, rows, warnings);
    }

    /**
     * The group's key, within its tournament: pooled tournaments may share a pairing and a
     * motion index, and their debates are not one group. A newline separates the name, which
     * holds no control character, from the group (motion index and ids, never with a newline).
     */
    private static String groupKey(ScheduledResult r) {
        return r.tournament() + "\n" + r.leg().motion() + " " + r.leg().group().first() + " " + r.leg().group().second();
    }

    private static Outcome outcome(Winner winner) {
        return switch (winner) {
            case PRO -> Outcome.PRO_WON;
            case CON -> Outcome.CON_WON;
            case TIE -> Outcome.TIE;
        };
    }

    private static String sentence(RatingWarning warning) {
        if (warning instanceof RatingWarning.Disconnected d) {
            return "the models fall into " + d.parts().size() + " parts that never met, directly or through others ("
                    + d.parts().stream().map(part -> String.join(", ", part)).collect(Collectors.joining("; "))
                    + "), so ratings compare only within a part";
        }
        // The other warning there is: RatingWarning.IntervalsTooWide.
        return "the intervals are too wide to rank any model above another; more debates would narrow them";
    }

    /** One model's counts as the results are read. */
    private static final class Tally {
        int failed;
        int leftOut;
        int rated;
        double cost;
        boolean costKnown = true;

        void cost(Double debateCost) {
            rated++;
            if (debateCost == null) {
                costKnown = false;
            } else {
                cost += debateCost;
            }
        }

        Double costPerDebate() {
            return costKnown && rated > 0 ? cost / rated : null;
        }
    }
}
