package dev.arena.tournament;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The order in which a tournament plays its debates: every unordered pair of models on every
 * motion is a {@link Group} of two side-swapped legs, and the groups are shuffled with the
 * seed. Shuffling spreads each model's debates over the run, so a tournament stopped early (by
 * a budget, Ctrl-C) has played a fair sample rather than every debate of the first models;
 * the runner finishes the groups it has started, so that what was played stays balanced.
 *
 * <p>The schedule depends on the set of models, the list of motions and the seed alone: the
 * pairs are enumerated with the ids sorted, so {@code a,b,c} and {@code c,b,a} give the same
 * schedule, and the shuffle is a Fisher–Yates over {@link Random}, whose sequence the Java
 * specification fixes, so the same inputs give the same order on every JVM.
 *
 * <p>A schedule is a value; {@link #extend} makes a new one.
 */
public final class Schedule {

    /** Spreads the seeds of successive batches (the 64-bit golden ratio), so an extension's order does not mirror the first. */
    private static final long BATCH_SEED_STEP = 0x9E3779B97F4A7C15L;

    private final List<String> models;
    private final List<String> motions;
    private final long seed;
    private final List<Group> groups;

    private Schedule(List<String> models, List<String> motions, long seed, List<Group> groups) {
        this.models = models;
        this.motions = motions;
        this.seed = seed;
        this.groups = groups;
    }

    /**
     * The schedule of a new tournament.
     *
     * @param models two or more distinct ids (aliases already resolved)
     * @param motions one or more motions; a group names its motion by index in this list
     * @throws IllegalArgumentException with a sentence, when the models or motions make no tournament
     */
    public static Schedule of(List<String> models, List<String> motions, long seed) {
        List<String> m = checkedModels(models);
        List<String> t = checkedMotions(motions);
        return new Schedule(m, t, seed, shuffled(pairings(m, t, Set.of()), seed, 0));
    }

    /**
     * This schedule with models or motions added, as {@code --extend} does: the groups already
     * scheduled keep their order, since some may have been played, and only the new pairings
     * (each new model with every model, every pair on each new motion) come after them,
     * shuffled among themselves.
     *
     * @param models every model of the extended tournament: these models and any new ones
     * @param motions these motions, in the same order, then any new ones
     * @throws IllegalArgumentException with a sentence, when a model or motion would be dropped or moved
     */
    public Schedule extend(List<String> models, List<String> motions) {
        List<String> m = checkedModels(models);
        List<String> t = checkedMotions(motions);
        List<String> droppedModels = new ArrayList<>(this.models);
        droppedModels.removeAll(m);
        if (!droppedModels.isEmpty()) {
            throw new IllegalArgumentException("--extend only adds models; " + String.join(", ", droppedModels)
                    + " would be dropped");
        }
        if (t.size() < this.motions.size() || !t.subList(0, this.motions.size()).equals(this.motions)) {
            throw new IllegalArgumentException("--extend only adds motions after the ones the tournament has, in the same order");
        }
        List<Group> extended = new ArrayList<>(groups);
        extended.addAll(shuffled(pairings(m, t, new HashSet<>(groups)), seed, groups.size()));
        return new Schedule(m, t, seed, List.copyOf(extended));
    }

    public List<String> models() {
        return models;
    }

    public List<String> motions() {
        return motions;
    }

    public long seed() {
        return seed;
    }

    /** The groups in the order they are to be started. */
    public List<Group> groups() {
        return groups;
    }

    /** Every debate, group by group, each group's leg 1 before its leg 2. */
    public List<Leg> debates() {
        List<Leg> debates = new ArrayList<>(groups.size() * 2);
        groups.forEach(g -> debates.addAll(g.legs()));
        return debates;
    }

    /** The motion a group or leg names by index. */
    public String motion(int index) {
        return motions.get(index);
    }

    /**
     * The requests the whole schedule asks, retries and fallbacks left out: each debate's
     * turns and its panel's readings, the panel chosen per debate by {@link Families#panel}.
     */
    public long requests(int rounds, List<String> judges) {
        long requests = 0;
        for (Leg leg : debates()) {
            requests += requestsPerDebate(rounds, Families.panel(judges, leg.pro(), leg.con()).size());
        }
        return requests;
    }

    /** A debate's turns (two a round) and its judges' readings (two each: one per presentation order). */
    public static int requestsPerDebate(int rounds, int judges) {
        return 2 * rounds + 2 * judges;
    }

    /** Every pair of models on every motion, but those in {@code known}, in an order fixed by the ids alone. */
    private static List<Group> pairings(List<String> models, List<String> motions, Set<Group> known) {
        List<String> sorted = models.stream().sorted().toList();
        List<Group> pairings = new ArrayList<>();
        for (int motion = 0; motion < motions.size(); motion++) {
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size(); j++) {
                    Group group = new Group(motion, sorted.get(i), sorted.get(j));
                    if (!known.contains(group)) {
                        pairings.add(group);
                    }
                }
            }
        }
        return pairings;
    }

    /**
     * Fisher–Yates, written out rather than {@code Collections.shuffle}, whose algorithm is an
     * implementation note and not a promise. Each batch of groups (the first schedule, then
     * each extension) has its own seed, derived from the tournament's and the number of groups
     * before it.
     */
    private static List<Group> shuffled(List<Group> groups, long seed, int groupsBefore) {
        List<Group> list = new ArrayList<>(groups);
        Random random = new Random(seed + BATCH_SEED_STEP * groupsBefore);
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
        return List.copyOf(list);
    }

    private static List<String> checkedModels(List<String> models) {
        List<String> copy = List.copyOf(models);
        Set<String> seen = new HashSet<>();
        for (String model : copy) {
            if (model.isBlank()) {
                throw new IllegalArgumentException("a model id is empty");
            }
            if (!seen.add(model)) {
                throw new IllegalArgumentException(model + " is named twice; each model plays once");
            }
        }
        if (copy.size() < 2) {
            throw new IllegalArgumentException("a tournament needs at least two models");
        }
        return copy;
    }

    private static List<String> checkedMotions(List<String> motions) {
        List<String> copy = List.copyOf(motions);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a tournament needs at least one motion");
        }
        return copy;
    }
}
