package dev.arena.tournament;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScheduleTest {

    private static final List<String> MODELS = List.of("openai/gpt-4o", "anthropic/claude", "google/gemini");
    private static final List<String> MOTIONS = List.of("Cities should ban cars", "Homework should be abolished");

    @Test
    void everyPairOnEveryMotionIsOneGroupOfTwoLegsWithTheSidesSwapped() {
        Schedule schedule = Schedule.of(MODELS, MOTIONS, 42);
        assertEquals(Set.of(
                        new Group(0, "anthropic/claude", "google/gemini"), new Group(0, "anthropic/claude", "openai/gpt-4o"),
                        new Group(0, "google/gemini", "openai/gpt-4o"), new Group(1, "anthropic/claude", "google/gemini"),
                        new Group(1, "anthropic/claude", "openai/gpt-4o"), new Group(1, "google/gemini", "openai/gpt-4o")),
                Set.copyOf(schedule.groups()));
        assertEquals(6, schedule.groups().size());
        List<Leg> debates = schedule.debates();
        assertEquals(12, debates.size());
        for (int i = 0; i < debates.size(); i += 2) {
            Leg first = debates.get(i);
            Leg second = debates.get(i + 1);
            assertEquals(schedule.groups().get(i / 2), first.group());
            assertEquals(List.of(1, 2), List.of(first.number(), second.number()));
            assertEquals(List.of(first.pro(), first.con()), List.of(second.con(), second.pro()));
            assertEquals(first.group().first(), first.pro());
        }
    }

    @Test
    void aGroupNamesItsMotionByIndex() {
        Schedule schedule = Schedule.of(MODELS, MOTIONS, 1);
        Leg leg = schedule.debates().get(0);
        assertEquals(MOTIONS.get(leg.motion()), schedule.motion(leg.motion()));
    }

    @Test
    void theSameSeedGivesTheSameOrderAndTheOrderOfTheModelsDoesNotMatter() {
        Schedule schedule = Schedule.of(MODELS, MOTIONS, 7);
        assertEquals(schedule.groups(), Schedule.of(MODELS, MOTIONS, 7).groups());
        assertEquals(schedule.groups(), Schedule.of(List.of(MODELS.get(2), MODELS.get(0), MODELS.get(1)), MOTIONS, 7).groups());
    }

    /**
     * Pins the order of one seed: a change in the shuffle would reorder every stored
     * tournament's unstarted groups. {@code new Random(1)} gives {@code nextInt(3) = 0}, then
     * {@code nextInt(2) = 0}: [ab, ac, bc] becomes [bc, ac, ab], then [ac, bc, ab].
     */
    @Test
    void theOrderOfASeedIsFixed() {
        assertEquals(List.of(new Group(0, "a/x", "c/z"), new Group(0, "b/y", "c/z"), new Group(0, "a/x", "b/y")),
                Schedule.of(List.of("a/x", "b/y", "c/z"), List.of("m"), 1).groups());
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        List<String> models = List.of("a/1", "b/2", "c/3", "d/4");
        Set<List<Group>> orders = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            orders.add(Schedule.of(models, MOTIONS, seed).groups());
        }
        assertEquals(50, orders.size(), "12 groups have 12! orders; 50 seeds should not collide");
    }

    @Test
    void anExtensionKeepsTheOldOrderAndAddsExactlyTheNewPairings() {
        Schedule old = Schedule.of(MODELS, MOTIONS.subList(0, 1), 3);
        Schedule extended = old.extend(List.of("openai/gpt-4o", "anthropic/claude", "google/gemini", "meta/llama"), MOTIONS);
        assertEquals(old.groups(), extended.groups().subList(0, 3));
        Set<Group> added = Set.copyOf(extended.groups().subList(3, extended.groups().size()));
        assertEquals(Set.of(
                        new Group(0, "anthropic/claude", "meta/llama"), new Group(0, "google/gemini", "meta/llama"),
                        new Group(0, "meta/llama", "openai/gpt-4o"),
                        new Group(1, "anthropic/claude", "google/gemini"), new Group(1, "anthropic/claude", "meta/llama"),
                        new Group(1, "anthropic/claude", "openai/gpt-4o"), new Group(1, "google/gemini", "meta/llama"),
                        new Group(1, "google/gemini", "openai/gpt-4o"), new Group(1, "meta/llama", "openai/gpt-4o")),
                added);
        assertEquals(12, extended.groups().size());
        assertEquals(List.of("openai/gpt-4o", "anthropic/claude", "google/gemini", "meta/llama"), extended.models());
        assertEquals(MOTIONS, extended.motions());
        assertEquals(3, extended.seed());
    }

    @Test
    void anExtensionWithNothingNewIsTheSameSchedule() {
        Schedule old = Schedule.of(MODELS, MOTIONS, 3);
        assertEquals(old.groups(), old.extend(List.of(MODELS.get(1), MODELS.get(0), MODELS.get(2)), MOTIONS).groups());
    }

    @Test
    void anExtensionsOrderIsNotTheFirstBatchsOrderAgain() {
        List<String> four = List.of("a/1", "b/2", "c/3", "d/4");
        Schedule old = Schedule.of(four, List.of("m0"), 5);
        Schedule extended = old.extend(four, List.of("m0", "m1"));
        List<List<String>> firstPairs = old.groups().stream().map(g -> List.of(g.first(), g.second())).toList();
        List<List<String>> addedPairs = extended.groups().subList(6, 12).stream().map(g -> List.of(g.first(), g.second())).toList();
        assertNotEquals(firstPairs, addedPairs);
    }

    @Test
    void anExtensionMayNotDropAModelOrMoveAMotion() {
        Schedule old = Schedule.of(MODELS, MOTIONS, 3);
        assertEquals("--extend only adds models; google/gemini would be dropped",
                assertThrows(IllegalArgumentException.class,
                        () -> old.extend(List.of("openai/gpt-4o", "anthropic/claude", "meta/llama"), MOTIONS)).getMessage());
        String moved = "--extend only adds motions after the ones the tournament has, in the same order";
        assertEquals(moved, assertThrows(IllegalArgumentException.class,
                () -> old.extend(MODELS, List.of(MOTIONS.get(1), MOTIONS.get(0)))).getMessage());
        assertEquals(moved, assertThrows(IllegalArgumentException.class,
                () -> old.extend(MODELS, MOTIONS.subList(0, 1))).getMessage());
    }

    @Test
    void tooFewOrRepeatedModelsOrNoMotionMakeNoTournament() {
        assertEquals("a tournament needs at least two models",
                assertThrows(IllegalArgumentException.class, () -> Schedule.of(List.of("a/x"), MOTIONS, 1)).getMessage());
        assertEquals("a/x is named twice; each model plays once",
                assertThrows(IllegalArgumentException.class, () -> Schedule.of(List.of("a/x", "b/y", "a/x"), MOTIONS, 1))
                        .getMessage());
        assertEquals("a model id is empty",
                assertThrows(IllegalArgumentException.class, () -> Schedule.of(List.of("a/x", " "), MOTIONS, 1)).getMessage());
        assertEquals("a tournament needs at least one motion",
                assertThrows(IllegalArgumentException.class, () -> Schedule.of(MODELS, List.of(), 1)).getMessage());
    }

    @Test
    void requestsCountEachDebatesTurnsAndItsPanelsTwoReadingsPerJudge() {
        assertEquals(8, Schedule.requestsPerDebate(3, 1));
        assertEquals(6, Schedule.requestsPerDebate(3, 0));
        // openai v anthropic: the x judge alone; google v either: x and the judge of the other
        // family. 3 rounds are 6 turns a debate; each judge reads twice.
        Schedule schedule = Schedule.of(MODELS, MOTIONS, 1);
        List<String> judges = List.of("openai/judge", "anthropic/judge", "x/judge");
        long perMotion = 2 * (6 + 2) + 2 * (6 + 4) + 2 * (6 + 4);
        assertEquals(2 * perMotion, schedule.requests(3, judges));
        assertEquals(12L * (6 + 2), schedule.requests(3, List.of("x/only-judge")));
    }

    @Test
    void aGroupsModelsAreInOrderAndALegIsOneOrTwo() {
        assertThrows(IllegalArgumentException.class, () -> new Group(0, "b/y", "a/x"));
        assertThrows(IllegalArgumentException.class, () -> new Group(0, "a/x", "a/x"));
        assertThrows(IllegalArgumentException.class, () -> new Group(-1, "a/x", "b/y"));
        assertThrows(IllegalArgumentException.class, () -> new Leg(new Group(0, "a/x", "b/y"), 3));
    }
}
