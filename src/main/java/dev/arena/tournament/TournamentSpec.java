package dev.arena.tournament;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that defines a tournament's results: who fights (resolved ids), on which motions,
 * who judges, and the settings of every debate. It is stored when the tournament is first run,
 * and a resume must give the same, since a rating over debates run under different settings
 * would compare unlike things; only more models or motions may be added ({@code --extend}).
 *
 * @param fallbacks models that speak for a fighter whose own model failed, in order; a debate
 *                  where one spoke is left out of the ratings
 * @param seed      shuffles the schedule and seeds the bootstrap of the intervals
 */
public record TournamentSpec(String name, List<String> models, List<String> motions, List<String> judges,
                             List<String> fallbacks, int rounds, Double temperature, Integer maxTokens, long seed) {

    public TournamentSpec {
        models = List.copyOf(models);
        motions = List.copyOf(motions);
        judges = List.copyOf(judges);
        fallbacks = List.copyOf(fallbacks);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tournament needs a name");
        }
        if (new LinkedHashSet<>(models).size() < 2) {
            throw new IllegalArgumentException("a tournament needs at least two different models");
        }
        if (motions.isEmpty()) {
            throw new IllegalArgumentException("a tournament needs at least one motion");
        }
        if (judges.isEmpty()) {
            throw new IllegalArgumentException("a tournament needs a judge: --judges, or judge= in the config");
        }
    }

    /** The settings as stored in {@code tournaments.settings}. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.add("models", array(models));
        o.add("motions", array(motions));
        o.add("judges", array(judges));
        o.add("fallbacks", array(fallbacks));
        o.addProperty("rounds", rounds);
        o.addProperty("temperature", temperature);
        o.addProperty("max_tokens", maxTokens);
        o.addProperty("seed", seed);
        return o.toString();
    }

    public static TournamentSpec fromJson(String name, String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new TournamentSpec(name, strings(o.get("models")), strings(o.get("motions")), strings(o.get("judges")),
                strings(o.get("fallbacks")), o.get("rounds").getAsInt(),
                o.get("temperature") == null || o.get("temperature").isJsonNull() ? null : o.get("temperature").getAsDouble(),
                o.get("max_tokens") == null || o.get("max_tokens").isJsonNull() ? null : o.get("max_tokens").getAsInt(),
                o.get("seed").getAsLong());
    }

    /**
     * Why this spec cannot go on as {@code stored}, in one sentence, or null when it can: the
     * same settings, or, with {@code extend}, the stored models and motions and more of them.
     */
    public String refusalToResume(TournamentSpec stored, boolean extend) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(judges, stored.judges)) {
            changed.add("judges (stored: " + String.join(", ", stored.judges) + ")");
        }
        if (!Objects.equals(fallbacks, stored.fallbacks)) {
            changed.add("fallbacks (stored: " + (stored.fallbacks.isEmpty() ? "none" : String.join(", ", stored.fallbacks)) + ")");
        }
        if (rounds != stored.rounds) {
            changed.add("rounds (stored: " + stored.rounds + ")");
        }
        if (!Objects.equals(temperature, stored.temperature)) {
            changed.add("temperature (stored: " + stored.temperature + ")");
        }
        if (!Objects.equals(maxTokens, stored.maxTokens)) {
            changed.add("max tokens (stored: " + stored.maxTokens + ")");
        }
        if (seed != stored.seed) {
            changed.add("seed (stored: " + stored.seed + ")");
        }
        boolean sameEntrants = Set.copyOf(models).equals(Set.copyOf(stored.models))
                && Set.copyOf(motions).equals(Set.copyOf(stored.motions));
        boolean grown = models.containsAll(stored.models) && motions.containsAll(stored.motions);
        if (!sameEntrants && !(extend && grown)) {
            changed.add(extend ? "models or motions: --extend may add some but not drop any"
                    : "models or motions (--extend adds new ones)");
        }
        if (changed.isEmpty()) {
            return null;
        }
        return "tournament " + name + " was started with other settings: " + String.join("; ", changed)
                + "; run it as it was started, or give it another --name";
    }

    private static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static List<String> strings(JsonElement e) {
        List<String> values = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            e.getAsJsonArray().forEach(v -> values.add(v.getAsString()));
        }
        return values;
    }
}
