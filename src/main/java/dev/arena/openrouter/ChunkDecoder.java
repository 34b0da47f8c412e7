package dev.arena.openrouter;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Turns the JSON of a {@code data:} event into a {@link Chunk}. Deliberately tolerant:
 * unknown fields are ignored, every field may be missing or null, and text that is not a
 * JSON object (a proxy re-emitting a keep-alive comment as data) yields null to be skipped.
 */
final class ChunkDecoder {

    Chunk decode(String data) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(data);
            if (!parsed.isJsonObject()) {
                return null;
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            return null;
        }
        String content = null;
        String reasoning = null;
        String finishReason = null;
        Chunk.ErrorBody error = errorOf(root.get("error"));
        JsonObject choice = firstChoice(root);
        if (choice != null) {
            finishReason = string(choice.get("finish_reason"));
            JsonObject delta = object(choice.get("delta"));
            if (delta == null) {
                // A server that ignored stream=true sends whole messages instead of deltas.
                delta = object(choice.get("message"));
            }
            if (delta != null) {
                content = string(delta.get("content"));
                reasoning = string(delta.get("reasoning"));
                if (reasoning == null) {
                    reasoning = string(delta.get("reasoning_content"));
                }
            }
            if (error == null) {
                // Non-streaming provider failures put the error inside the choice.
                error = errorOf(choice.get("error"));
            }
        }
        return new Chunk(content, reasoning, string(root.get("model")), finishReason, usageOf(root.get("usage")), error);
    }

    private static JsonObject firstChoice(JsonObject root) {
        JsonElement choices = root.get("choices");
        if (choices == null || !choices.isJsonArray()) {
            return null;
        }
        JsonArray array = choices.getAsJsonArray();
        return array.isEmpty() ? null : object(array.get(0));
    }

    private static Usage usageOf(JsonElement element) {
        JsonObject usage = object(element);
        if (usage == null || usage.isEmpty()) {
            return null;
        }
        JsonElement cost = usage.get("cost");
        Double costValue = cost != null && cost.isJsonPrimitive() && cost.getAsJsonPrimitive().isNumber()
                ? cost.getAsDouble() : null;
        return new Usage(number(usage.get("prompt_tokens")), number(usage.get("completion_tokens")), costValue);
    }

    private static Chunk.ErrorBody errorOf(JsonElement element) {
        JsonObject error = object(element);
        if (error == null) {
            return null;
        }
        String code = string(error.get("code"));
        String message = string(error.get("message"));
        return new Chunk.ErrorBody(code == null ? "" : code, message == null ? "unknown error" : message);
    }

    private static JsonObject object(JsonElement element) {
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
    }

    /** A string or number as text; null for JSON null, objects and arrays. */
    static String string(JsonElement element) {
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    private static long number(JsonElement element) {
        if (element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
            return element.getAsLong();
        }
        return 0;
    }
}
