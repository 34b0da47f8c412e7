package dev.arena.leaderboard;

import dev.arena.debate.Winner;
import dev.arena.tournament.DebateState;
import dev.arena.tournament.Group;
import dev.arena.tournament.Leg;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which debates are rated, what each row counts, and the warnings; the maths itself is RatingsTest's. */
class LeaderboardTableTest {

    /** Leg 1 has {@code first} as Pro. */
    static ScheduledResult complete(String tournament, int motion, String first, String second, int leg, Winner winner) {
        return new ScheduledResult(tournament, new Leg(new Group(motion, first, second), leg), DebateState.COMPLETE, winner,
                false, 0.001, 0.002);
    }

    /** Both legs of a group won by {@code winner}'s model, whichever side it argued. */
    static List<ScheduledResult> group(String tournament, int motion, String first, String second, String winner) {
        return List.of(complete(tournament, motion, first, second, 1, winner.equals(first) ? Winner.PRO : Winner.CON),
                complete(tournament, motion, first, second, 2, winner.equals(second) ? Winner.PRO : Winner.CON));
    }

    private static ModelRow row(LeaderboardTable table, String model) {
        return table.models().stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow();
    }

    @Test
    void debatesWhereAFallbackSpokeAreLeftOutOfTheRatingsButCounted() {
        List<ScheduledResult> results = new ArrayList<>(group("cup", 0, "a/x", "b/y", "b/y"));
        results.add(new ScheduledResult("cup", new Leg(new Group(1, "a/x", "b/y"), 1), DebateState.COMPLETE, Winner.PRO,
                true, 0.5, 0.5));
        results.add(new ScheduledResult("cup", new Leg(new Group(1, "a/x", "b/y"), 2), DebateState.COMPLETE, Winner.CON,
                true, 0.5, 0.5));
        LeaderboardTable table = LeaderboardTable.of(List.of("cup"), results, 1);

        assertEquals(List.of("b/y", "a/x"), table.models().stream().map(ModelRow::model).toList());
        ModelRow a = row(table, "a/x");
        assertEquals(0, a.standing().wins(), "a/x won both debates where a fallback spoke, and neither counts");
        assertEquals(2, a.standing().debates());
        assertEquals(2, a.leftOut());
        assertEquals(2, row(table, "b/y").leftOut());
        assertEquals(0.0015, a.costPerDebate(), 1e-12, "over its rated debates only: 0.001 as Pro, 0.002 as Con");
        assertTrue(table.warnings().contains("2 debates were left out of the ratings because a fallback model spoke for a fighter"),
                table.warnings().toString());
    }

    @Test
    void failedDebatesAreCountedAndUnfinishedOnesAreNot() {
        List<ScheduledResult> results = new ArrayList<>(group("cup", 0, "a/x", "b/y", "a/x"));
        Group other = new Group(1, "a/x", "b/y");
        results.add(new ScheduledResult("cup", new Leg(other, 1), DebateState.FAILED, null, false, 0.001, null));
        results.add(new ScheduledResult("cup", new Leg(other, 2), DebateState.INTERRUPTED, null, false, null, null));
        LeaderboardTable table = LeaderboardTable.of(List.of("cup"), results, 1);

        for (ModelRow row : table.models()) {
            assertEquals(1, row.failed(), row.toString());
            assertEquals(2, row.standing().debates(), row.toString());
            assertEquals(0, row.leftOut(), row.toString());
        }
        assertEquals(List.of("a/x", "b/y"), table.models().stream().map(ModelRow::model).toList());
        assertTrue(row(table, "a/x").rating() > row(table, "b/y").rating());
    }

    @Test
    void aModelWithNoRatedDebateIsARowWithoutARatingAfterTheRatedOnes() {
        List<ScheduledResult> results = new ArrayList<>(group("cup", 0, "b/y", "c/z", "c/z"));
        results.add(new ScheduledResult("cup", new Leg(new Group(0, "a/x", "b/y"), 1), DebateState.PENDING, null, false,
                null, null));
        results.add(new ScheduledResult("cup", new Leg(new Group(0, "a/x", "c/z"), 1), DebateState.FAILED, null, false,
                null, null));
        LeaderboardTable table = LeaderboardTable.of(List.of("cup"), results, 1);

        assertEquals(List.of("c/z", "b/y", "a/x"), table.models().stream().map(ModelRow::model).toList());
        ModelRow a = row(table, "a/x");
        assertFalse(a.rated());
        assertNull(a.rank());
        assertNull(a.ciLow());
        assertNull(a.costPerDebate(), "no rated debate, no cost per debate");
        assertEquals(0, a.standing().debates());
        assertEquals(1, a.failed());
        assertEquals(1, row(table, "c/z").rank());
    }

    @Test
    void aCostUnknownInOneRatedDebateIsUnknown() {
        List<ScheduledResult> results = new ArrayList<>(group("cup", 0, "a/x", "b/y", "a/x"));
        results.add(new ScheduledResult("cup", new Leg(new Group(1, "a/x", "b/y"), 1), DebateState.COMPLETE, Winner.PRO,
                false, 0.001, null));
        LeaderboardTable table = LeaderboardTable.of(List.of("cup"), results, 1);
        assertEquals((0.001 + 0.002 + 0.001) / 3, row(table, "a/x").costPerDebate(), 1e-12);
        assertNull(row(table, "b/y").costPerDebate());
    }

    @Test
    void pooledTournamentsRateTogetherButNeverShareAGroup() {
        // The same pairing on motion 0 in both: two groups, not one of four legs.
        List<ScheduledResult> results = new ArrayList<>(group("spring", 0, "a/x", "b/y", "a/x"));
        results.addAll(group("autumn", 0, "a/x", "b/y", "b/y"));
        results.addAll(group("autumn", 1, "b/y", "c/z", "b/y"));
        LeaderboardTable pooled = LeaderboardTable.of(List.of("spring", "autumn"), results, 1);

        assertEquals("spring, autumn", pooled.name());
        assertEquals(List.of("b/y", "a/x", "c/z"), pooled.models().stream().map(ModelRow::model).toList());
        ModelRow a = row(pooled, "a/x");
        assertEquals(2, a.standing().wins());
        assertEquals(4, a.standing().debates());
        assertEquals(6, row(pooled, "b/y").standing().debates());

        LeaderboardTable spring = LeaderboardTable.of(List.of("spring"),
                results.stream().filter(r -> r.tournament().equals("spring")).toList(), 1);
        assertEquals(List.of("a/x", "b/y"), spring.models().stream().map(ModelRow::model).toList());
    }

    @Test
    void theRatingsWarningsAreSentences() {
        List<ScheduledResult> results = new ArrayList<>(group("cup", 0, "a/x", "b/y", "a/x"));
        results.addAll(group("cup", 0, "c/z", "d/w", "d/w"));
        LeaderboardTable table = LeaderboardTable.of(List.of("cup"), results, 1);
        assertEquals("the models fall into 2 parts that never met, directly or through others (a/x, b/y; c/z, d/w),"
                + " so ratings compare only within a part", table.warnings().get(0));

        LeaderboardTable ties = LeaderboardTable.of(List.of("cup"), List.of(complete("cup", 0, "a/x", "b/y", 1, Winner.TIE),
                complete("cup", 0, "a/x", "b/y", 2, Winner.TIE)), 1);
        assertEquals(List.of("the intervals are too wide to rank any model above another; more debates would narrow them"),
                ties.warnings());
        assertEquals(List.of(1, 1), ties.models().stream().map(ModelRow::rank).toList());
    }

    @Test
    void theSameResultsAndSeedGiveTheSameTable() {
        List<ScheduledResult> results = new ArrayList<>(group("cup", 0, "a/x", "b/y", "a/x"));
        results.add(complete("cup", 1, "a/x", "b/y", 1, Winner.CON));
        results.add(complete("cup", 1, "a/x", "b/y", 2, Winner.TIE));
        results.addAll(group("cup", 0, "b/y", "c/z", "c/z"));
        results.addAll(group("cup", 1, "a/x", "c/z", "a/x"));
        assertEquals(LeaderboardTable.of(List.of("cup"), results, 7), LeaderboardTable.of(List.of("cup"), results, 7));
    }
}
