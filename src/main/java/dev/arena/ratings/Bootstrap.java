package dev.arena.ratings;

import java.util.Arrays;
import java.util.Random;

/**
 * 95% intervals by the percentile bootstrap: refit on resamples of the groups, drawn with
 * replacement, and take each model's 2.5% and 97.5% percentiles. A group is drawn whole, both
 * side-swapped legs together, because they are correlated: the stronger model tends to win
 * both, and resampling single debates would count that twice as independent evidence and make
 * the intervals too narrow.
 *
 * <p>{@link Random}, whose sequence its specification fixes, so that a seed gives the same
 * numbers on every JVM.
 */
final class Bootstrap {

    private static final double LOW = 0.025;
    private static final double HIGH = 0.975;

    private Bootstrap() {
    }

    /** Each model's interval, in the table's model order. */
    static Interval[] intervals(GameTable table, RatingOptions options) {
        int n = table.modelCount();
        int groups = table.groupCount();
        int resamples = options.resamples();
        double[][] draws = new double[n][resamples];
        double[] scores = new double[n * n];
        Random random = new Random(options.seed());
        for (int resample = 0; resample < resamples; resample++) {
            Arrays.fill(scores, 0);
            for (int drawn = 0; drawn < groups; drawn++) {
                table.addGroup(random.nextInt(groups), scores);
            }
            double[] ratings = BradleyTerry.ratings(scores, n, options.prior());
            for (int i = 0; i < n; i++) {
                draws[i][resample] = ratings[i];
            }
        }
        Interval[] intervals = new Interval[n];
        for (int i = 0; i < n; i++) {
            Arrays.sort(draws[i]);
            intervals[i] = new Interval(percentile(draws[i], LOW), percentile(draws[i], HIGH));
        }
        return intervals;
    }

    /** Linear between the two nearest order statistics, as numpy's default. */
    private static double percentile(double[] sorted, double fraction) {
        double position = fraction * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
