package dev.arena.ratings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The games as arrays the fit and the bootstrap can loop over: models by index (in id order),
 * and each group's games side by side. Groups are in key order and models in id order, so
 * that the order the games came in changes no number, not even the bootstrap's draws.
 *
 * <p>Scores go into an n×n matrix, {@code scores[i * n + j]} being what model i scored against
 * model j: a win 1, a tie ½. Sums of halves are exact in a double, so neither does the order
 * in which games are added.
 */
final class GameTable {

    private final List<String> models;
    /** Group g's games are at indices groupStart[g] (inclusive) to groupStart[g + 1]. */
    private final int[] groupStart;
    private final int[] pro;
    private final int[] con;
    private final double[] proScore;

    private GameTable(List<String> models, int[] groupStart, int[] pro, int[] con, double[] proScore) {
        this.models = models;
        this.groupStart = groupStart;
        this.pro = pro;
        this.con = con;
        this.proScore = proScore;
    }

    static GameTable of(List<Game> games) {
        TreeSet<String> ids = new TreeSet<>();
        Map<String, List<Game>> groups = new TreeMap<>();
        for (Game game : games) {
            ids.add(game.pro());
            ids.add(game.con());
            groups.computeIfAbsent(game.group(), key -> new ArrayList<>()).add(game);
        }
        List<String> models = List.copyOf(ids);
        Map<String, Integer> index = new HashMap<>();
        for (String model : models) {
            index.put(model, index.size());
        }
        int[] groupStart = new int[groups.size() + 1];
        int[] pro = new int[games.size()];
        int[] con = new int[games.size()];
        double[] proScore = new double[games.size()];
        int group = 0;
        int at = 0;
        for (List<Game> legs : groups.values()) {
            groupStart[group++] = at;
            for (Game game : legs) {
                pro[at] = index.get(game.pro());
                con[at] = index.get(game.con());
                proScore[at] = game.outcome().proScore();
                at++;
            }
        }
        groupStart[group] = at;
        return new GameTable(models, groupStart, pro, con, proScore);
    }

    List<String> models() {
        return models;
    }

    int modelCount() {
        return models.size();
    }

    int groupCount() {
        return groupStart.length - 1;
    }

    /** The score matrix of every game once. */
    double[] scores() {
        double[] scores = new double[models.size() * models.size()];
        for (int group = 0; group < groupCount(); group++) {
            addGroup(group, scores);
        }
        return scores;
    }

    /** Adds one group's games to a score matrix. */
    void addGroup(int group, double[] scores) {
        int n = models.size();
        for (int game = groupStart[group]; game < groupStart[group + 1]; game++) {
            scores[pro[game] * n + con[game]] += proScore[game];
            scores[con[game] * n + pro[game]] += 1 - proScore[game];
        }
    }
}
