package dev.arena.debate;

import java.util.List;

/**
 * One side as the user configured it: the models to try in order (the first is the
 * fighter's own, the rest its fallbacks) and an optional custom stance, which replaces
 * the default persona in the system prompt.
 */
public record Fighter(Side side, List<String> models, String stance) {

    public Fighter {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a fighter needs at least one model");
        }
    }

    public String model() {
        return models.get(0);
    }
}
