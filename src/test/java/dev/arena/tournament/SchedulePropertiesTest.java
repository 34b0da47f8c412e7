package dev.arena.tournament;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schedule's promises for any models, motions and seed: complete, balanced, determined by
 * its inputs, and extended without disturbing what was scheduled.
 */
class SchedulePropertiesTest {

    /** Distinct ids from a few vendors, so that families repeat as they do in real panels. */
    @Provide
    Arbitrary<List<String>> models() {
        return Arbitraries.of("openai", "anthropic", "google", "meta-llama", "local")
                .flatMap(vendor -> Arbitraries.integers().between(0, 9).map(n -> vendor.equals("local") ? "model" + n : vendor + "/m" + n))
                .list().uniqueElements().ofMinSize(2).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> motions() {
        return Arbitraries.integers().between(1, 4).map(n -> {
            List<String> motions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                motions.add("motion " + i);
            }
            return motions;
        });
    }

    @Property
    void eachModelArguesEachSideOfEachMotionOnceAgainstEachOpponent(@ForAll("models") List<String> models,
                                                                    @ForAll("motions") List<String> motions,
                                                                    @ForAll long seed) {
        Schedule schedule = Schedule.of(models, motions, seed);
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (Leg leg : schedule.debates()) {
            seen.merge(List.of(leg.motion(), leg.pro(), leg.con()), 1, Integer::sum);
        }
        int n = models.size();
        assertEquals(motions.size() * n * (n - 1), seen.size(), "every ordered pair on every motion");
        assertTrue(seen.values().stream().allMatch(c -> c == 1), "each exactly once: " + seen);
        assertTrue(seen.keySet().stream().allMatch(k -> !k.get(1).equals(k.get(2))), "nobody debates itself");
        assertEquals(motions.size() * n * (n - 1) / 2, schedule.groups().size());
        assertEquals(schedule.groups().size(), Set.copyOf(schedule.groups()).size(), "every group once");
    }

    @Property
    void theScheduleIsAFunctionOfTheSetOfModelsTheMotionsAndTheSeed(@ForAll("models") List<String> models,
                                                                    @ForAll("motions") List<String> motions,
                                                                    @ForAll long seed, @ForAll long shuffleSeed) {
        List<String> reordered = new ArrayList<>(models);
        Collections.shuffle(reordered, new Random(shuffleSeed));
        assertEquals(Schedule.of(models, motions, seed).groups(), Schedule.of(reordered, motions, seed).groups());
    }

    @Property
    void anExtensionKeepsTheOldGroupsFirstAndAddsEveryNewPairingOnce(@ForAll("models") List<String> models,
                                                                     @ForAll("motions") List<String> motions,
                                                                     @ForAll @IntRange(min = 0, max = 3) int newModels,
                                                                     @ForAll @IntRange(min = 0, max = 2) int newMotions,
                                                                     @ForAll long seed) {
        List<String> oldModels = models.subList(0, Math.max(2, models.size() - newModels));
        List<String> oldMotions = motions;
        List<String> allMotions = new ArrayList<>(motions);
        for (int i = 0; i < newMotions; i++) {
            allMotions.add("added motion " + i);
        }
        Schedule old = Schedule.of(oldModels, oldMotions, seed);
        Schedule extended = old.extend(models, allMotions);
        List<Group> groups = extended.groups();
        assertEquals(old.groups(), groups.subList(0, old.groups().size()), "the old order is kept");
        assertEquals(Set.copyOf(Schedule.of(models, allMotions, seed).groups()), new HashSet<>(groups),
                "the extended schedule has every pairing of the new models and motions");
        assertEquals(groups.size(), Set.copyOf(groups).size(), "none twice");
        assertEquals(groups, old.extend(models, allMotions).groups(), "an extension is determined too");
    }
}
