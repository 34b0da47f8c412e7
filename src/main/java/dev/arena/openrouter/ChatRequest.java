package dev.arena.openrouter;

import java.util.ArrayList;
import java.util.List;

/**
 * What to ask a model. Optional parameters are null when the user did not set them, so
 * that the server's (or the model's) own defaults apply.
 */
public record ChatRequest(String model, List<Message> messages, Double temperature, Integer maxTokens, Long seed) {

    public ChatRequest {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }

    public ChatRequest withModel(String otherModel) {
        return new ChatRequest(otherModel, messages, temperature, maxTokens, seed);
    }

    /**
     * The same request with the partial answer appended as a final assistant message, which
     * OpenRouter and most OpenAI-compatible servers treat as a prefill to continue from.
     */
    public ChatRequest continuing(String partialAnswer) {
        List<Message> withPrefill = new ArrayList<>(messages);
        withPrefill.add(Message.assistant(partialAnswer));
        return new ChatRequest(model, withPrefill, temperature, maxTokens, seed);
    }
}
