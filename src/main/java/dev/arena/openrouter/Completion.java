package dev.arena.openrouter;

/**
 * How a streamed completion ended. {@code servedModel} is the model the server says
 * answered (OpenRouter may route an alias to a concrete version); {@code usage} is
 * {@link Usage#NONE} when the server sent none.
 */
public record Completion(String servedModel, String finishReason, Usage usage, String generationId) {
}
