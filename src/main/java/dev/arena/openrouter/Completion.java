package dev.arena.openrouter;

/**
 * How a streamed completion ended. {@code servedModel} is the model the server says
 * answered (OpenRouter may route an alias to a concrete version); {@code usage} is
 * {@link Usage#NONE} when the server sent none. {@code provider} is who OpenRouter routed the
 * request to ({@code "OpenAI"}), null when the server does not say.
 */
public record Completion(String servedModel, String finishReason, Usage usage, String generationId, String provider) {

    /** The finish reason of an answer arena stopped reading because it reached a length limit. */
    public static final String CUT = "cut_at_limit";

    /** The same completion with {@code usage} instead (a cost arena estimated, say). */
    public Completion withUsage(Usage usage) {
        return new Completion(servedModel, finishReason, usage, generationId, provider);
    }

    /** Whether arena cut the answer at a length limit (its end was never read). */
    public boolean cut() {
        return CUT.equals(finishReason);
    }
}
