package dev.arena.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What must hold of the ratings of any results among a handful of models.
 *
 * <p>Checked to catch a planted bug: groups kept in the order they first appear, instead of key
 * order, change the bootstrap's draws and fail the first property within a few tries.
 */
class RatingsPropertiesTest {

    private static final List<String> MODELS = List.of("m1", "m2", "m3", "m4", "m5");

    @Provide
    Arbitrary<List<Game>> tournaments() {
        Arbitrary<Integer> model = Arbitraries.integers().between(0, MODELS.size() - 1);
        Arbitrary<Integer> other = Arbitraries.integers().between(1, MODELS.size() - 1);
        Arbitrary<Outcome> outcome = Arbitraries.of(Outcome.class);
        Arbitrary<List<Game>> group = Combinators.combine(model, other, outcome, outcome).as((first, offset, leg1, leg2) ->
                RatingsTest.group("", MODELS.get(first), MODELS.get((first + offset) % MODELS.size()), leg1, leg2));
        return group.list().ofMinSize(1).ofMaxSize(15).map(RatingsPropertiesTest::keyed);
    }

    /** The order the games come in, groups and legs alike, changes no number at all. */
    @Property(tries = 100)
    void theOrderOfTheGamesChangesNothing(@ForAll("tournaments") List<Game> games, @ForAll long shuffle) {
        List<Game> shuffled = new ArrayList<>(games);
        Collections.shuffle(shuffled, new Random(shuffle));

        assertEquals(Ratings.of(games, RatingOptions.seeded(5)), Ratings.of(shuffled, RatingOptions.seeded(5)));
    }

    /** Every winner a loser and every loser a winner: each rating and interval mirrors around 1500. */
    @Property(tries = 100)
    void swappingEveryOutcomeMirrorsTheRatings(@ForAll("tournaments") List<Game> games) {
        List<Game> swapped = games.stream()
                .map(game -> new Game(game.group(), game.pro(), game.con(), swapped(game.outcome())))
                .toList();

        Leaderboard board = Ratings.of(games, RatingOptions.seeded(5));
        Leaderboard mirror = Ratings.of(swapped, RatingOptions.seeded(5));

        for (RatedModel row : board.models()) {
            RatedModel mirrored = mirror.models().stream().filter(r -> r.model().equals(row.model())).findFirst().orElseThrow();
            assertEquals(3000 - row.rating(), mirrored.rating(), 1e-6, row.model());
            assertEquals(3000 - row.ciHigh(), mirrored.ciLow(), 1e-6, row.model());
            assertEquals(3000 - row.ciLow(), mirrored.ciHigh(), 1e-6, row.model());
        }
    }

    private static Outcome swapped(Outcome outcome) {
        return switch (outcome) {
            case PRO_WON -> Outcome.CON_WON;
            case CON_WON -> Outcome.PRO_WON;
            case TIE -> Outcome.TIE;
        };
    }

    /** Gives each group its own key, g0, g1, ... */
    private static List<Game> keyed(List<List<Game>> groups) {
        List<Game> games = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Game leg : groups.get(g)) {
                games.add(new Game("g" + g, leg.pro(), leg.con(), leg.outcome()));
            }
        }
        return games;
    }
}
