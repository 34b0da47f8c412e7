package dev.arena.openrouter;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Builds the JSON body of a streamed chat completion request. */
public final class RequestBody {

    private RequestBody() {
    }

    /** The body as sent: compact JSON. */
    public static String json(ChatRequest request) {
        return body(request).toString();
    }

    /** The same body indented for people, as {@code --dry-run} shows it. */
    public static String prettyJson(ChatRequest request) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(body(request));
    }

    /** The body as a JSON object, for a document that holds requests ({@code --dry-run --json}). */
    public static JsonObject body(ChatRequest request) {
        JsonObject body = new JsonObject();
        body.addProperty("model", request.model());
        JsonArray messages = new JsonArray();
        for (Message m : request.messages()) {
            JsonObject message = new JsonObject();
            message.addProperty("role", m.role());
            message.addProperty("content", m.content());
            messages.add(message);
        }
        body.add("messages", messages);
        body.addProperty("stream", true);
        // OpenRouter always reports usage; Ollama, vLLM and llama.cpp only when asked.
        JsonObject streamOptions = new JsonObject();
        streamOptions.addProperty("include_usage", true);
        body.add("stream_options", streamOptions);
        if (request.temperature() != null) {
            body.addProperty("temperature", request.temperature());
        }
        if (request.maxTokens() != null) {
            body.addProperty("max_tokens", request.maxTokens());
        }
        if (request.seed() != null) {
            body.addProperty("seed", request.seed());
        }
        return body;
    }
}
