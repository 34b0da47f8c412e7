package dev.arena.fake;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The JSON of each stream chunk, field for field in the order the real servers send them
 * (protocol §2, §3 for OpenRouter; §9 for Ollama), so clients are tested against the true shapes.
 */
final class Chunks {

    /** Nulls are part of the real shapes ({@code "finish_reason":null}); HTML escaping is not. */
    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private static final String PROVIDER = "FakeProvider";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final boolean ollama;
    private final String id;
    private final long created;
    private final String model;

    private Chunks(boolean ollama, String id, long created, String model) {
        this.ollama = ollama;
        this.id = id;
        this.created = created;
        this.model = model;
    }

    /** Chunks of one OpenRouter generation; its id is {@code gen-<created>-<20 random characters>}. */
    static Chunks openRouter(String model) {
        long created = Instant.now().getEpochSecond();
        return new Chunks(false, generationId(created), created, model);
    }

    /** Chunks as Ollama sends them: a small, non-unique chatcmpl id and no OpenRouter fields. */
    static Chunks ollama(String model) {
        String id = "chatcmpl-" + ThreadLocalRandom.current().nextInt(999);
        return new Chunks(true, id, Instant.now().getEpochSecond(), model);
    }

    static String newGenerationId() {
        return generationId(Instant.now().getEpochSecond());
    }

    private static String generationId(long created) {
        StringBuilder id = new StringBuilder("gen-").append(created).append('-');
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 20; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    String id() {
        return id;
    }

    /** The opening chunk OpenRouter sends before any text: role, and empty content. */
    String role() {
        return choiceChunk(delta(""), null);
    }

    /** A thinking delta: OpenRouter leaves content null, Ollama leaves it empty. */
    String reasoning(String text) {
        JsonObject delta = delta(ollama ? "" : null);
        delta.addProperty("reasoning", text);
        return choiceChunk(delta, null);
    }

    String content(String text) {
        return choiceChunk(delta(text), null);
    }

    String finish() {
        return choiceChunk(delta(""), "stop");
    }

    /** The usage-only chunk, with {@code "choices":[]}; Ollama reports tokens but no cost. */
    String usage(int prompt, int completion, int reasoningTokens, BigDecimal cost) {
        JsonObject usage = new JsonObject();
        usage.addProperty("prompt_tokens", prompt);
        usage.addProperty("completion_tokens", completion);
        usage.addProperty("total_tokens", prompt + completion);
        if (!ollama) {
            usage.addProperty("cost", cost);
            usage.addProperty("is_byok", false);
            JsonObject promptDetails = new JsonObject();
            promptDetails.addProperty("cached_tokens", 0);
            promptDetails.addProperty("cache_write_tokens", 0);
            usage.add("prompt_tokens_details", promptDetails);
            JsonObject costDetails = new JsonObject();
            costDetails.addProperty("upstream_inference_cost", cost);
            usage.add("cost_details", costDetails);
            JsonObject completionDetails = new JsonObject();
            completionDetails.addProperty("reasoning_tokens", reasoningTokens);
            usage.add("completion_tokens_details", completionDetails);
        }
        JsonObject chunk = head();
        chunk.add("choices", new JsonArray());
        chunk.add("usage", usage);
        return GSON.toJson(chunk);
    }

    /**
     * OpenRouter's mid-stream error event (protocol §3), whose field order differs from other chunks.
     *
     * @param code an Integer or a String, both seen in the documentation
     */
    String error(Object code, String message, String errorType) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("error_type", errorType);
        JsonObject error = new JsonObject();
        error.add("code", code instanceof Number number ? new JsonPrimitive(number) : new JsonPrimitive(code.toString()));
        error.addProperty("message", message);
        error.add("metadata", metadata);
        JsonObject delta = new JsonObject();
        delta.addProperty("content", "");
        JsonObject choice = new JsonObject();
        choice.addProperty("index", 0);
        choice.add("delta", delta);
        choice.addProperty("finish_reason", "error");
        JsonArray choices = new JsonArray();
        choices.add(choice);

        JsonObject chunk = new JsonObject();
        chunk.addProperty("id", id);
        chunk.addProperty("object", "chat.completion.chunk");
        chunk.addProperty("created", created);
        chunk.addProperty("model", model);
        chunk.addProperty("provider", PROVIDER);
        chunk.add("error", error);
        chunk.add("choices", choices);
        return GSON.toJson(chunk);
    }

    private JsonObject head() {
        JsonObject chunk = new JsonObject();
        chunk.addProperty("id", id);
        if (ollama) {
            chunk.addProperty("object", "chat.completion.chunk");
            chunk.addProperty("created", created);
            chunk.addProperty("model", model);
            chunk.addProperty("system_fingerprint", "fp_ollama");
        } else {
            chunk.addProperty("provider", PROVIDER);
            chunk.addProperty("model", model);
            chunk.addProperty("object", "chat.completion.chunk");
            chunk.addProperty("created", created);
        }
        return chunk;
    }

    private static JsonObject delta(String content) {
        JsonObject delta = new JsonObject();
        delta.addProperty("role", "assistant");
        delta.addProperty("content", content);
        return delta;
    }

    private String choiceChunk(JsonObject delta, String finishReason) {
        JsonObject choice = new JsonObject();
        choice.addProperty("index", 0);
        choice.add("delta", delta);
        choice.addProperty("finish_reason", finishReason);
        if (!ollama) {
            choice.addProperty("native_finish_reason", finishReason);
            choice.add("logprobs", JsonNull.INSTANCE);
        }
        JsonArray choices = new JsonArray();
        choices.add(choice);
        JsonObject chunk = head();
        chunk.add("choices", choices);
        return GSON.toJson(chunk);
    }
}
