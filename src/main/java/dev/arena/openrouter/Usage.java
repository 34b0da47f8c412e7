package dev.arena.openrouter;

/**
 * Token counts and cost of one completion. {@code cost} is in USD and null when the
 * server did not report one (Ollama, vLLM and llama.cpp never do); {@code costEstimated}
 * is true when arena computed the cost from the catalogue's prices instead.
 */
public record Usage(long promptTokens, long completionTokens, Double cost, boolean costEstimated) {

    public static final Usage NONE = new Usage(0, 0, null);

    /** Usage as the server reported it. */
    public Usage(long promptTokens, long completionTokens, Double cost) {
        this(promptTokens, completionTokens, cost, false);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    /** The same token counts with a cost arena estimated. */
    public Usage withEstimatedCost(double estimate) {
        return new Usage(promptTokens, completionTokens, estimate, true);
    }
}
