package dev.arena.openrouter;

/**
 * Token counts and cost of one completion. {@code cost} is in USD and null when the
 * server did not report one (Ollama, vLLM and llama.cpp never do).
 */
public record Usage(long promptTokens, long completionTokens, Double cost) {

    public static final Usage NONE = new Usage(0, 0, null);

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
