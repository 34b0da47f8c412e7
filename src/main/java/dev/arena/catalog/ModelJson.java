package dev.arena.catalog;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes model lists in OpenRouter's {@code GET /models} shape. Reading is
 * tolerant: any field may be missing, null or of an unexpected type (prices are decimal
 * strings on OpenRouter, but numbers are accepted too), and entries without an id are
 * skipped. The same shape serves for the on-disk cache and for {@code arena models --json},
 * so a script reads what OpenRouter itself would send.
 */
public final class ModelJson {

    private ModelJson() {
    }

    /**
     * The models of a {@code /models} body: {@code {"data":[...]}} (OpenRouter, Ollama,
     * vLLM, LM Studio) or a bare array.
     *
     * @throws IllegalArgumentException when the body is not JSON or holds no model list
     */
    public static List<ModelInfo> parseList(String body) {
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the model list is not JSON");
        }
        JsonElement data = root;
        if (root != null && root.isJsonObject()) {
            data = root.getAsJsonObject().get("data");
        }
        if (data == null || !data.isJsonArray()) {
            throw new IllegalArgumentException("the model list has no \"data\" array");
        }
        return parseArray(data.getAsJsonArray());
    }

    /** The models of a JSON array, skipping entries that are not objects or have no id. */
    public static List<ModelInfo> parseArray(JsonArray array) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonElement element : array) {
            if (element != null && element.isJsonObject()) {
                ModelInfo model = parseModel(element.getAsJsonObject());
                if (model != null) {
                    models.add(model);
                }
            }
        }
        return models;
    }

    /** One model, or null when it has no usable id. */
    public static ModelInfo parseModel(JsonObject o) {
        String id = string(o.get("id"));
        if (id == null || id.isBlank()) {
            return null;
        }
        JsonObject topProvider = object(o.get("top_provider"));
        Integer context = integer(o.get("context_length"));
        if (context == null && topProvider != null) {
            context = integer(topProvider.get("context_length"));
        }
        Integer maxCompletion = topProvider == null ? null : integer(topProvider.get("max_completion_tokens"));
        return new ModelInfo(id.strip(), string(o.get("name")), longValue(o.get("created")), context,
                pricing(object(o.get("pricing"))), maxCompletion, strings(o.get("supported_parameters")),
                date(o.get("expiration_date")), string(o.get("description")));
    }

    /** The models as a JSON array in OpenRouter's shape. */
    public static JsonArray toJson(List<ModelInfo> models) {
        JsonArray array = new JsonArray();
        models.forEach(m -> array.add(toJson(m)));
        return array;
    }

    /** One model in OpenRouter's shape: prices as decimal strings per token, unknown fields null. */
    public static JsonObject toJson(ModelInfo m) {
        JsonObject o = new JsonObject();
        o.addProperty("id", m.id());
        o.addProperty("name", m.name());
        o.addProperty("created", m.created());
        o.addProperty("description", m.description());
        o.addProperty("context_length", m.contextLength());
        JsonObject pricing = new JsonObject();
        pricing.addProperty("prompt", plain(m.pricing().prompt()));
        pricing.addProperty("completion", plain(m.pricing().completion()));
        pricing.addProperty("request", plain(m.pricing().request()));
        pricing.addProperty("image", plain(m.pricing().image()));
        o.add("pricing", pricing);
        JsonObject topProvider = new JsonObject();
        topProvider.addProperty("context_length", m.contextLength());
        topProvider.addProperty("max_completion_tokens", m.maxCompletionTokens());
        o.add("top_provider", topProvider);
        JsonArray parameters = new JsonArray();
        m.supportedParameters().forEach(parameters::add);
        o.add("supported_parameters", parameters);
        o.addProperty("expiration_date", m.expirationDate() == null ? null : m.expirationDate().toString());
        return o;
    }

    private static Pricing pricing(JsonObject p) {
        if (p == null) {
            return Pricing.UNKNOWN;
        }
        return new Pricing(price(p.get("prompt")), price(p.get("completion")), price(p.get("request")),
                price(p.get("image")));
    }

    /**
     * A price: a decimal string ("0.00000015") or a number. OpenRouter marks prices that
     * depend on the route (openrouter/auto) with "-1": those are unknown, not negative.
     */
    private static BigDecimal price(JsonElement e) {
        String text = string(e);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip());
            return value.signum() < 0 ? null : value;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static LocalDate date(JsonElement e) {
        String text = string(e);
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            // "2026-03-01" or a timestamp that starts with the date.
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static List<String> strings(JsonElement e) {
        List<String> values = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                String s = string(item);
                if (s != null && !s.isBlank()) {
                    values.add(s.strip());
                }
            }
        }
        return values;
    }

    private static JsonObject object(JsonElement e) {
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String string(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static Long longValue(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) {
            return null;
        }
        try {
            return new BigDecimal(e.getAsString().strip()).longValue();
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Integer integer(JsonElement e) {
        Long value = longValue(e);
        return value == null || value < 0 || value > Integer.MAX_VALUE ? null : value.intValue();
    }
}
