package dev.arena.output;

import dev.arena.leaderboard.ModelRow;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A leaderboard row as the cells of a table, shared by the text and the Markdown tables so both
 * read alike: ratings to one decimal, win rates in whole percent, "-" where a model has no rated
 * debate, and "unknown" for a cost nobody knows.
 */
final class LeaderboardCells {

    static final String[] HEADER = {"rank", "model", "rating", "95% CI", "wins", "losses", "ties", "debates",
        "pro win", "con win", "cost/debate", "failed", "left out"};

    private static final String NONE = "-";

    private LeaderboardCells() {
    }

    static String[] of(ModelRow row) {
        return new String[] {
            row.rated() ? Integer.toString(row.rank()) : NONE,
            row.model(),
            row.rated() ? rating(row.rating()) : NONE,
            row.rated() ? "[" + rating(row.ciLow()) + ", " + rating(row.ciHigh()) + "]" : NONE,
            Integer.toString(row.standing().wins()),
            Integer.toString(row.standing().losses()),
            Integer.toString(row.standing().ties()),
            Integer.toString(row.standing().debates()),
            percent(row.standing().proWinRate()),
            percent(row.standing().conWinRate()),
            Notices.costOrUnknown(row.costPerDebate(), false),
            Integer.toString(row.failed()),
            Integer.toString(row.leftOut())};
    }

    private static String rating(double points) {
        return String.format(Locale.ROOT, "%.1f", points);
    }

    private static String percent(OptionalDouble rate) {
        return rate.isPresent() ? String.format(Locale.ROOT, "%.0f%%", 100 * rate.getAsDouble()) : NONE;
    }
}
