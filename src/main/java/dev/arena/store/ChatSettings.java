package dev.arena.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;

/**
 * What the next request of a chat conversation is asked with: its model and system prompt (the
 * columns {@code model} and {@code system} of {@code conversations}) and the rest, kept as JSON
 * in its {@code settings} column: {@code {"fallbacks": [...], "temperature": T, "max_tokens": N,
 * "seed": N}}, each key absent when unset.
 */
public record ChatSettings(String model, List<String> fallbacks, String system, Double temperature, Integer maxTokens,
                           Long seed) {

    public ChatSettings {
        fallbacks = List.copyOf(fallbacks);
    }

    String json() {
        JsonObject settings = new JsonObject();
        if (!fallbacks.isEmpty()) {
            JsonArray array = new JsonArray();
            fallbacks.forEach(array::add);
            settings.add("fallbacks", array);
        }
        if (temperature != null) {
            settings.addProperty("temperature", temperature);
        }
        if (maxTokens != null) {
            settings.addProperty("max_tokens", maxTokens);
        }
        if (seed != null) {
            settings.addProperty("seed", seed);
        }
        return settings.toString();
    }

    /**
     * The settings as stored. The column is part of the store's interface, so a user may have
     * edited it: a value that is not what arena writes is ignored, not a failure to continue.
     */
    static ChatSettings of(String model, String system, String json) {
        JsonObject settings;
        try {
            JsonElement parsed = JsonParser.parseString(json == null ? "{}" : json);
            settings = parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            settings = new JsonObject();
        }
        List<String> fallbacks = new ArrayList<>();
        if (settings.get("fallbacks") instanceof JsonArray array) {
            array.forEach(f -> {
                if (f.isJsonPrimitive()) {
                    fallbacks.add(f.getAsString());
                }
            });
        }
        return new ChatSettings(model, fallbacks, system, number(settings, "temperature") == null ? null
                : number(settings, "temperature").doubleValue(),
                number(settings, "max_tokens") == null ? null : number(settings, "max_tokens").intValue(),
                number(settings, "seed") == null ? null : number(settings, "seed").longValue());
    }

    private static Number number(JsonObject settings, String key) {
        JsonElement value = settings.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsNumber() : null;
    }
}
