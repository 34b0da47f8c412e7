package dev.arena.openrouter;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;

/**
 * Turns the JSON of a {@code data:} event into a {@link Chunk}. Deliberately tolerant:
 * unknown fields are ignored, every field may be missing, null or of another type, and
 * text that is not a JSON object (a proxy re-emitting a keep-alive comment as data)
 * yields null to be skipped.
 *
 * <p>A long answer is hundreds of thousands of chunks, and this is the hot path between the
 * socket and the screen: the common content chunk takes {@link FastChunk}'s path before it
 * gets here (see {@link StreamState#parser}), and every other reads with Gson's streaming
 * {@link JsonReader}, keeping only the fields arena uses and skipping the rest without
 * building a tree.
 */
final class ChunkDecoder {

    /** The full parse, for any chunk; {@link FastChunk} gives the same result, or none. */
    Chunk parse(String data) {
        try (JsonReader reader = new JsonReader(new StringReader(data))) {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                return null;
            }
            Chunk chunk = root(reader);
            // Trailing text after the object means this was not one JSON object after all.
            return reader.peek() == JsonToken.END_DOCUMENT ? chunk : null;
        } catch (IOException | IllegalStateException | NumberFormatException | JsonParseException e) {
            return null;
        }
    }

    private static Chunk root(JsonReader reader) throws IOException {
        String model = null;
        String provider = null;
        Usage usage = null;
        Chunk.ErrorBody error = null;
        Choice choice = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "model" -> model = primitive(reader);
                case "provider" -> provider = primitive(reader);
                case "choices" -> choice = firstChoice(reader);
                case "usage" -> usage = usage(reader);
                case "error" -> error = error(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (choice == null) {
            return new Chunk(null, null, model, null, usage, error, provider);
        }
        // Non-streaming provider failures put the error inside the choice.
        return new Chunk(choice.content, choice.reasoning(), model, choice.finishReason, usage,
                error != null ? error : choice.error, provider);
    }

    /** The fields of {@code choices[0]}; later choices (n > 1) are skipped. */
    private static final class Choice {
        String content;
        String reasoning;
        String reasoningContent;
        String finishReason;
        Chunk.ErrorBody error;
        boolean sawDelta;

        String reasoning() {
            return reasoning != null ? reasoning : reasoningContent;
        }
    }

    private static Choice firstChoice(JsonReader reader) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_ARRAY) {
            reader.skipValue();
            return null;
        }
        Choice choice = null;
        reader.beginArray();
        if (reader.hasNext()) {
            if (reader.peek() == JsonToken.BEGIN_OBJECT) {
                choice = choice(reader);
            } else {
                reader.skipValue();
            }
        }
        while (reader.hasNext()) {
            reader.skipValue();
        }
        reader.endArray();
        return choice;
    }

    private static Choice choice(JsonReader reader) throws IOException {
        Choice choice = new Choice();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "delta" -> {
                    choice.sawDelta |= reader.peek() == JsonToken.BEGIN_OBJECT;
                    message(reader, choice);
                }
                // A server that ignored stream=true sends a whole message instead of a delta.
                case "message" -> {
                    if (choice.sawDelta) {
                        reader.skipValue();
                    } else {
                        message(reader, choice);
                    }
                }
                case "finish_reason" -> choice.finishReason = primitive(reader);
                case "error" -> choice.error = error(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return choice;
    }

    private static void message(JsonReader reader, Choice choice) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            reader.skipValue();
            return;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "content" -> choice.content = primitive(reader);
                case "reasoning" -> choice.reasoning = primitive(reader);
                case "reasoning_content" -> choice.reasoningContent = primitive(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
    }

    private static Usage usage(JsonReader reader) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            reader.skipValue();
            return null;
        }
        double prompt = 0;
        double completion = 0;
        Double cost = null;
        boolean empty = true;
        reader.beginObject();
        while (reader.hasNext()) {
            empty = false;
            switch (reader.nextName()) {
                case "prompt_tokens" -> prompt = count(reader);
                case "completion_tokens" -> completion = count(reader);
                case "cost" -> cost = cost(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return empty ? null : Usage.checked(prompt, completion, cost);
    }

    private static Chunk.ErrorBody error(JsonReader reader) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            reader.skipValue();
            return null;
        }
        String code = null;
        String message = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "code" -> code = primitive(reader);
                case "message" -> message = primitive(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new Chunk.ErrorBody(code == null ? "" : code, message == null ? "unknown error" : message);
    }

    /** A string, number or boolean as text; null for JSON null, objects and arrays. */
    private static String primitive(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case STRING:
            case NUMBER:
                return reader.nextString();
            case BOOLEAN:
                return Boolean.toString(reader.nextBoolean());
            default:
                reader.skipValue();
                return null;
        }
    }

    /** A token count: numbers only (a count sent as text is not trusted), fractions cut by {@link Usage#checked}. */
    private static double count(JsonReader reader) throws IOException {
        return reader.peek() == JsonToken.NUMBER ? number(reader) : skipZero(reader);
    }

    /**
     * A number as a double, read from its text: {@code nextDouble} would throw on {@code 1e999}
     * (JSON forbids infinities) and lose the whole chunk, its text included. Infinity is then
     * refused by {@link Usage#checked}, as NaN would be.
     */
    private static double number(JsonReader reader) throws IOException {
        String text = reader.nextString();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double skipZero(JsonReader reader) throws IOException {
        reader.skipValue();
        return 0;
    }

    /** A cost: a number, or null for anything else (a cost sent as text is not trusted). */
    private static Double cost(JsonReader reader) throws IOException {
        if (reader.peek() == JsonToken.NUMBER) {
            return number(reader);
        }
        reader.skipValue();
        return null;
    }

    /** A string or number of a parsed tree as text; null for JSON null, objects and arrays. */
    static String string(JsonElement element) {
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }
}
