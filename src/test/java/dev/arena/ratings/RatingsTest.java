package dev.arena.ratings;

import static dev.arena.ratings.Outcome.CON_WON;
import static dev.arena.ratings.Outcome.PRO_WON;
import static dev.arena.ratings.Outcome.TIE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The rating maths on results whose answer is known. */
class RatingsTest {

    private static final RatingOptions NO_PRIOR = new RatingOptions(0, RatingOptions.DEFAULT_RESAMPLES, 7);
    private static final RatingOptions DEFAULTS = RatingOptions.seeded(7);

    @Test
    void threeWinsInFourAreAFactorOfThreeInTheOdds() {
        List<Game> games = List.of(
                new Game("g1", "a", "b", PRO_WON), new Game("g1", "b", "a", CON_WON),
                new Game("g2", "a", "b", PRO_WON), new Game("g2", "b", "a", PRO_WON));

        Leaderboard board = Ratings.of(games, NO_PRIOR);

        assertEquals(400 * Math.log10(3), rating(board, "a") - rating(board, "b"), 1e-6);
        assertEquals(1500, (rating(board, "a") + rating(board, "b")) / 2, 1e-9);
        assertEquals(List.of("a", "b"), ids(board));
    }

    @Test
    void theSameSeedGivesTheSameNumbersAndAnotherSeedOthers() {
        List<Game> games = randomTournament(new Random(42), 6, 40);

        Leaderboard first = Ratings.of(games, RatingOptions.seeded(1));
        Leaderboard again = Ratings.of(games, RatingOptions.seeded(1));
        Leaderboard reseeded = Ratings.of(games, RatingOptions.seeded(2));

        assertEquals(first, again, "records compare every double exactly");
        assertEquals(column(first, RatedModel::rating), column(reseeded, RatedModel::rating),
                "the seed only drives the bootstrap");
        assertNotEquals(column(first, RatedModel::ciLow), column(reseeded, RatedModel::ciLow));
        assertNotEquals(column(first, RatedModel::ciHigh), column(reseeded, RatedModel::ciHigh));
    }

    /**
     * A judge that always favours the position it reads first, reading each debate twice with
     * the positions swapped, gives each side one reading: every debate is a tie.
     */
    @Test
    void aJudgeThatFavoursTheFirstPositionRanksNoModelAboveAnother() {
        List<String> models = List.of("d", "c", "b", "a");
        List<Game> games = new ArrayList<>();
        for (String motion : List.of("m1", "m2")) {
            for (int i = 0; i < models.size(); i++) {
                for (int j = i + 1; j < models.size(); j++) {
                    String group = motion + ":" + models.get(i) + ":" + models.get(j);
                    games.add(new Game(group, models.get(i), models.get(j), TIE));
                    games.add(new Game(group, models.get(j), models.get(i), TIE));
                }
            }
        }

        Leaderboard board = Ratings.of(games, DEFAULTS);

        for (RatedModel row : board.models()) {
            assertEquals(1500, row.rating(), 1e-9, row.model());
            assertEquals(1500, row.ciLow(), 1e-9, row.model());
            assertEquals(1500, row.ciHigh(), 1e-9, row.model());
            assertEquals(1, row.rank(), row.model());
            assertEquals(12, row.standing().ties(), row.model());
        }
        assertEquals(List.of("a", "b", "c", "d"), ids(board), "equal ratings in id order");
        assertEquals(List.of(new RatingWarning.IntervalsTooWide()), board.warnings());
    }

    @Test
    void anUndefeatedModelGetsAFiniteRatingAboveTheOthers() {
        List<Game> games = new ArrayList<>();
        for (int motion = 0; motion < 3; motion++) {
            games.addAll(group("ab" + motion, "a", "b", PRO_WON, CON_WON));
            games.addAll(group("ac" + motion, "a", "c", PRO_WON, CON_WON));
            games.addAll(group("bc" + motion, "b", "c", PRO_WON, PRO_WON));
        }

        Leaderboard board = Ratings.of(games, DEFAULTS);

        RatedModel a = row(board, "a");
        assertEquals(List.of("a", "b", "c"), ids(board));
        assertEquals(12, a.standing().wins());
        assertTrue(Double.isFinite(a.rating()) && Double.isFinite(a.ciHigh()), a.toString());
        assertTrue(a.rating() > rating(board, "b") + 100, a.toString());
        assertTrue(a.rating() < 1500 + 1000, "the prior keeps it within reach: " + a);
    }

    @Test
    void withoutAPriorAnUndefeatedModelStillGetsFiniteNumbersQuickly() {
        List<Game> games = new ArrayList<>();
        games.addAll(group("ab", "a", "b", PRO_WON, CON_WON));
        games.addAll(group("bc", "b", "c", PRO_WON, TIE));

        Leaderboard board = Ratings.of(games, NO_PRIOR);

        for (RatedModel row : board.models()) {
            assertTrue(Double.isFinite(row.rating()) && Double.isFinite(row.ciLow()) && Double.isFinite(row.ciHigh()),
                    row.toString());
        }
        assertEquals(List.of("a", "b", "c"), ids(board));
    }

    @Test
    void playersWhoNeverMetAreReportedByPart() {
        List<Game> games = new ArrayList<>();
        games.addAll(group("1", "d", "c", PRO_WON, TIE));
        games.addAll(group("2", "a", "b", CON_WON, PRO_WON));
        games.addAll(group("3", "e", "b", TIE, TIE));

        Leaderboard board = Ratings.of(games, DEFAULTS);

        assertTrue(board.warnings().contains(new RatingWarning.Disconnected(
                List.of(List.of("a", "b", "e"), List.of("c", "d")))), board.warnings().toString());
    }

    @Test
    void aConnectedGraphGivesNoDisconnectedWarning() {
        Leaderboard board = Ratings.of(randomTournament(new Random(3), 4, 12), DEFAULTS);

        assertFalse(board.warnings().stream().anyMatch(w -> w instanceof RatingWarning.Disconnected),
                board.warnings().toString());
    }

    /** A quarter of the resamples draw the split group twice, and have the two level. */
    @Test
    void fourDebatesAreTooFewToRankAnyone() {
        List<Game> games = new ArrayList<>();
        games.addAll(group("1", "a", "b", PRO_WON, CON_WON));
        games.addAll(group("2", "a", "b", PRO_WON, PRO_WON));

        Leaderboard board = Ratings.of(games, DEFAULTS);

        assertTrue(rating(board, "a") > rating(board, "b"));
        assertEquals(List.of(1, 1), column(board, RatedModel::rank));
        assertEquals(List.of(new RatingWarning.IntervalsTooWide()), board.warnings());
    }

    /**
     * A model missing from a resample sits at the centre; here a's lowest and c's highest
     * ratings both come from resamples that miss them, 1500 each but for rounding, which once
     * ranked c below a.
     */
    @Test
    void boundsThatDifferOnlyInRoundingRankAlike() {
        List<Game> games = new ArrayList<>();
        games.addAll(group("ab", "a", "b", PRO_WON, CON_WON));
        games.addAll(group("bc", "b", "c", PRO_WON, TIE));

        Leaderboard board = Ratings.of(games, DEFAULTS);

        assertEquals(1500, row(board, "a").ciLow(), 1e-9);
        assertEquals(1500, row(board, "c").ciHigh(), 1e-9);
        assertEquals(List.of(1, 1, 1), column(board, RatedModel::rank));
    }

    @Test
    void aClearWinnerIsRankedAboveAndTheIntervalsAreNotTooWide() {
        List<Game> games = new ArrayList<>();
        for (int motion = 0; motion < 10; motion++) {
            games.addAll(group("m" + motion, "a", "b", PRO_WON, CON_WON));
        }

        Leaderboard board = Ratings.of(games, DEFAULTS);

        assertEquals(List.of(1, 2), column(board, RatedModel::rank));
        assertEquals(List.of(), board.warnings());
    }

    /**
     * Each group's legs went opposite ways, so every resample of whole groups has the two models
     * level: the intervals have no width. Resampling single debates would give them some.
     */
    @Test
    void theBootstrapDrawsBothLegsOfAGroupTogether() {
        List<Game> games = new ArrayList<>();
        for (int motion = 0; motion < 10; motion++) {
            games.addAll(motion % 2 == 0
                    ? group("m" + motion, "a", "b", PRO_WON, PRO_WON)
                    : group("m" + motion, "a", "b", CON_WON, CON_WON));
        }

        Leaderboard board = Ratings.of(games, DEFAULTS);

        for (RatedModel row : board.models()) {
            assertEquals(1500, row.ciLow(), 1e-9, row.toString());
            assertEquals(1500, row.ciHigh(), 1e-9, row.toString());
        }
    }

    @Test
    void standingsCountEachSide() {
        List<Game> games = List.of(
                new Game("1", "a", "b", PRO_WON), new Game("1", "b", "a", PRO_WON),
                new Game("2", "a", "b", PRO_WON), new Game("2", "b", "a", TIE));

        Standing a = row(Ratings.of(games, DEFAULTS), "a").standing();

        assertEquals(new Standing(2, 0, 0, 0, 1, 1), a);
        assertEquals(2, a.wins());
        assertEquals(1, a.losses());
        assertEquals(1, a.ties());
        assertEquals(4, a.debates());
        assertEquals(OptionalDouble.of(1.0), a.proWinRate());
        assertEquals(OptionalDouble.of(0.0), a.conWinRate());
        assertEquals(OptionalDouble.empty(), new Standing(0, 0, 0, 1, 0, 0).proWinRate());
    }

    @Test
    void noGamesGiveAnEmptyLeaderboard() {
        assertEquals(new Leaderboard(List.of(), List.of()), Ratings.of(List.of(), DEFAULTS));
    }

    @Test
    void optionsAndGamesOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RatingOptions(-1, 1000, 0));
        assertThrows(IllegalArgumentException.class, () -> new RatingOptions(Double.NaN, 1000, 0));
        assertThrows(IllegalArgumentException.class, () -> new RatingOptions(Double.POSITIVE_INFINITY, 1000, 0));
        assertThrows(IllegalArgumentException.class, () -> new RatingOptions(1, 999, 0));
        assertThrows(IllegalArgumentException.class, () -> new Game("g", "a", "a", TIE));
    }

    /** Both legs of one pairing on one motion: first leads Pro, then Con. */
    static List<Game> group(String key, String first, String second, Outcome firstLeg, Outcome secondLeg) {
        return List.of(new Game(key, first, second, firstLeg), new Game(key, second, first, secondLeg));
    }

    /** Random pairings and results among models m0, m1, ... */
    @Test
    void thePointFitGivesTheLeaderboardsRatingsInItsOrder() {
        List<Game> games = randomTournament(new Random(11), 5, 20);

        Map<String, Double> points = Ratings.points(games, RatingOptions.DEFAULT_PRIOR);
        Leaderboard board = Ratings.of(games, DEFAULTS);

        assertEquals(ids(board), List.copyOf(points.keySet()));
        for (RatedModel row : board.models()) {
            assertEquals(row.rating(), points.get(row.model()), 1e-9, row.model());
        }
        assertTrue(Ratings.points(List.of(), RatingOptions.DEFAULT_PRIOR).isEmpty(), "no results rate nobody");
    }

    static List<Game> randomTournament(Random random, int models, int groups) {
        Outcome[] outcomes = Outcome.values();
        List<Game> games = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int first = random.nextInt(models);
            int second = (first + 1 + random.nextInt(models - 1)) % models;
            games.addAll(group("g" + g, "m" + first, "m" + second,
                    outcomes[random.nextInt(outcomes.length)], outcomes[random.nextInt(outcomes.length)]));
        }
        return games;
    }

    private static RatedModel row(Leaderboard board, String model) {
        return board.models().stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow();
    }

    private static double rating(Leaderboard board, String model) {
        return row(board, model).rating();
    }

    private static List<String> ids(Leaderboard board) {
        return column(board, RatedModel::model);
    }

    private static <T> List<T> column(Leaderboard board, Function<RatedModel, T> field) {
        return board.models().stream().map(field).toList();
    }
}
