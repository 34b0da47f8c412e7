package dev.arena.catalog;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes model lists in OpenRouter's {@code GET /models} shape. Reading is
 * tolerant: any field may be missing, null or of an unexpected type (prices are decimal
 * strings on OpenRouter, but numbers are accepted too), and entries without an id are
 * skipped. The same shape serves for the on-disk cache and for {@code arena models --json},
 * so a script reads what OpenRouter itself would send.
 */
public final class ModelJson {

    /** The longest number text read: no sane count or price is longer, and parsing a longer one costs time. */
    private static final int MAX_NUMBER_LENGTH = 64;

    private static final BigDecimal LAST_SECOND = BigDecimal.valueOf(253_402_300_799L); // 9999-12-31T23:59:59Z

    private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);

    private ModelJson() {
    }

    /**
     * The models of a {@code /models} body: {@code {"data":[...]}} (OpenRouter, Ollama,
     * vLLM, LM Studio) or a bare array.
     *
     * @throws IllegalArgumentException when the body is not JSON or holds no model list
     */
    public static List<ModelInfo> parseList(String body) {
        try {
            return read(new StringReader(body));
        } catch (ModelListLimits.ExceededException e) {
            throw new IllegalArgumentException("the model list " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("the model list is not JSON");
        }
    }

    /**
     * The models of a {@code /models} body read as a stream, model by model, so the text is
     * never held whole: fields arena does not use are skipped unread. The same limits as for
     * the bytes apply to what is kept ({@link ModelListLimits}).
     *
     * @throws IllegalArgumentException when the body is JSON but holds no model list
     * @throws ModelListLimits.ExceededException past a limit (also from a bounded stream below)
     * @throws IOException when the body is not JSON, or reading it failed
     */
    static List<ModelInfo> read(Reader body) throws IOException {
        JsonReader in = new JsonReader(body);
        in.setStrictness(Strictness.LENIENT); // as JsonParser.parseString, which read lists before
        List<ModelInfo> models = null;
        try {
            JsonToken root = in.peek();
            if (root == JsonToken.BEGIN_ARRAY) {
                models = readArray(in);
            } else if (root == JsonToken.BEGIN_OBJECT) {
                in.beginObject();
                while (in.hasNext()) {
                    if (in.nextName().equals("data") && in.peek() == JsonToken.BEGIN_ARRAY) {
                        models = readArray(in);
                    } else {
                        in.skipValue();
                    }
                }
                in.endObject();
            } else {
                in.skipValue();
            }
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedJsonException("more than one JSON value");
            }
        } catch (IllegalStateException | NumberFormatException e) {
            throw new MalformedJsonException(e.getMessage()); // the reader's word for a token out of place
        }
        if (models == null) {
            throw new IllegalArgumentException("the model list has no \"data\" array");
        }
        return models;
    }

    /**
     * The models of the JSON array at the reader, skipping entries that are not objects or
     * have no id.
     *
     * @throws ModelListLimits.ExceededException past {@link ModelListLimits#MAX_MODELS}
     */
    static List<ModelInfo> readArray(JsonReader in) throws IOException {
        List<ModelInfo> models = new ArrayList<>();
        Map<String, String> parameterNames = new HashMap<>();
        in.beginArray();
        while (in.hasNext()) {
            if (in.peek() != JsonToken.BEGIN_OBJECT) {
                in.skipValue();
                continue;
            }
            ModelInfo model = readModel(in, parameterNames);
            if (model != null) {
                if (models.size() == ModelListLimits.MAX_MODELS) {
                    throw new ModelListLimits.ExceededException(String.format(Locale.ROOT,
                            "holds more than %,d models", ModelListLimits.MAX_MODELS));
                }
                models.add(model);
            }
        }
        in.endArray();
        return models;
    }

    /** One model, or null when it has no usable id. */
    private static ModelInfo readModel(JsonReader in, Map<String, String> parameterNames) throws IOException {
        String id = null;
        String name = null;
        String description = null;
        Long created = null;
        Integer context = null;
        Integer providerContext = null;
        Integer maxCompletion = null;
        Pricing pricing = Pricing.UNKNOWN;
        List<String> parameters = List.of();
        LocalDate expiration = null;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "id" -> id = string(in);
                case "name" -> name = string(in);
                case "description" -> description = string(in);
                case "created" -> created = epochSeconds(string(in));
                case "context_length" -> context = integer(string(in));
                case "pricing" -> pricing = pricing(in);
                case "supported_parameters" -> parameters = strings(in, parameterNames);
                case "expiration_date" -> expiration = date(string(in));
                case "top_provider" -> {
                    if (in.peek() != JsonToken.BEGIN_OBJECT) {
                        in.skipValue();
                        break;
                    }
                    in.beginObject();
                    while (in.hasNext()) {
                        switch (in.nextName()) {
                            case "context_length" -> providerContext = integer(string(in));
                            case "max_completion_tokens" -> maxCompletion = integer(string(in));
                            default -> in.skipValue();
                        }
                    }
                    in.endObject();
                }
                default -> in.skipValue();
            }
        }
        in.endObject();
        if (id == null || id.isBlank()) {
            return null;
        }
        return new ModelInfo(id.strip(), name, created, context != null ? context : providerContext, pricing,
                maxCompletion, parameters, expiration, description);
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

    private static Pricing pricing(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.BEGIN_OBJECT) {
            in.skipValue();
            return Pricing.UNKNOWN;
        }
        BigDecimal prompt = null;
        BigDecimal completion = null;
        BigDecimal request = null;
        BigDecimal image = null;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "prompt" -> prompt = price(string(in));
                case "completion" -> completion = price(string(in));
                case "request" -> request = price(string(in));
                case "image" -> image = price(string(in));
                default -> in.skipValue();
            }
        }
        in.endObject();
        return new Pricing(prompt, completion, request, image);
    }

    /**
     * A price: a decimal string ("0.00000015") or a number. OpenRouter marks prices that
     * depend on the route (openrouter/auto) with "-1": those are unknown, not negative.
     */
    private static BigDecimal price(String text) {
        BigDecimal value = decimal(text);
        return value == null || value.signum() < 0 ? null : value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static LocalDate date(String text) {
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

    /**
     * The array's non-blank strings, each name kept once for the whole list (models share
     * them) and at most {@link ModelListLimits#MAX_PARAMETER_NAMES} distinct names.
     */
    private static List<String> strings(JsonReader in, Map<String, String> names) throws IOException {
        if (in.peek() != JsonToken.BEGIN_ARRAY) {
            in.skipValue();
            return List.of();
        }
        List<String> values = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) {
            String s = string(in);
            if (s != null && !s.isBlank()) {
                String stripped = s.strip();
                String known = names.get(stripped);
                if (known == null && names.size() < ModelListLimits.MAX_PARAMETER_NAMES) {
                    names.put(stripped, stripped);
                    known = stripped;
                }
                if (known != null) {
                    values.add(known);
                }
            }
        }
        in.endArray();
        return values;
    }

    /** A string, number or boolean as its text; null for null, objects and arrays (skipped). */
    private static String string(JsonReader in) throws IOException {
        switch (in.peek()) {
            case STRING, NUMBER -> {
                return in.nextString();
            }
            case BOOLEAN -> {
                return Boolean.toString(in.nextBoolean());
            }
            default -> {
                in.skipValue();
                return null;
            }
        }
    }

    /** A number written as text, or null when it is none or implausibly long. */
    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_NUMBER_LENGTH) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * When a model was added, or null when the number is no date: before 1970 or after
     * 9999-12-31 (a server once sent {@code 1e25}, which no date type holds).
     */
    private static Long epochSeconds(String text) {
        BigDecimal value = decimal(text);
        return value == null || value.signum() < 0 || value.compareTo(LAST_SECOND) > 0 ? null : value.longValue();
    }

    private static Integer integer(String text) {
        BigDecimal value = decimal(text);
        return value == null || value.signum() < 0 || value.compareTo(MAX_INT) > 0 ? null : value.intValue();
    }
}
