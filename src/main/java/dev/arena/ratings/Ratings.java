package dev.arena.ratings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rates the models of a set of debate results. */
public final class Ratings {

    /**
     * In rating points. Bounds closer than this are equal: the fit stops within 1e-7 points of
     * its maximum, and two resamples that say the same of two models (say, both level) give
     * bounds that differ only in rounding, which must not rank one above the other.
     */
    private static final double SEPARATION = 1e-6;

    private Ratings() {
    }

    /**
     * Fits the ratings, their intervals and ranks. The order of the games changes nothing;
     * the same games and options give the same numbers.
     */
    public static Leaderboard of(List<Game> games, RatingOptions options) {
        GameTable table = GameTable.of(games);
        int n = table.modelCount();
        double[] scores = table.scores();
        double[] ratings = BradleyTerry.ratings(scores, n, options.prior());
        Interval[] intervals = Bootstrap.intervals(table, options);
        Map<String, Standing> standings = Standing.of(games);
        List<RatedModel> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String model = table.models().get(i);
            rows.add(new RatedModel(model, rank(i, intervals), ratings[i], intervals[i].low(), intervals[i].high(),
                    standings.get(model)));
        }
        rows.sort(Comparator.comparingDouble(RatedModel::rating).reversed().thenComparing(RatedModel::model));
        return new Leaderboard(rows, warnings(table, scores, rows));
    }

    /**
     * The ratings alone, by the same fit as {@link #of} but without intervals, ranks or
     * warnings: cheap enough for a live view to refit on every result. By rating, highest
     * first, then by model id.
     *
     * @param prior as {@link RatingOptions#prior}
     */
    public static Map<String, Double> points(List<Game> games, double prior) {
        GameTable table = GameTable.of(games);
        double[] ratings = BradleyTerry.ratings(table.scores(), table.modelCount(), prior);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ratings.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> ratings[i]).reversed()
                .thenComparing(i -> table.models().get(i)));
        Map<String, Double> points = new LinkedHashMap<>();
        order.forEach(i -> points.put(table.models().get(i), ratings[i]));
        return points;
    }

    /**
     * As Chatbot Arena ranks: 1 plus the number of models whose lower bound is above this one's
     * upper bound, by more than {@link #SEPARATION}.
     */
    private static int rank(int model, Interval[] intervals) {
        int above = 0;
        for (Interval other : intervals) {
            if (other.low() > intervals[model].high() + SEPARATION) {
                above++;
            }
        }
        return 1 + above;
    }

    private static List<RatingWarning> warnings(GameTable table, double[] scores, List<RatedModel> rows) {
        List<RatingWarning> warnings = new ArrayList<>();
        int[] part = Components.of(scores, table.modelCount());
        Map<Integer, List<String>> parts = new TreeMap<>();
        for (int i = 0; i < part.length; i++) {
            parts.computeIfAbsent(part[i], label -> new ArrayList<>()).add(table.models().get(i));
        }
        if (parts.size() > 1) {
            warnings.add(new RatingWarning.Disconnected(List.copyOf(parts.values())));
        }
        if (rows.size() > 1 && rows.stream().allMatch(row -> row.rank() == 1)) {
            warnings.add(new RatingWarning.IntervalsTooWide());
        }
        return warnings;
    }
}
