package dev.arena.openrouter;

/**
 * Receives a streamed completion piece by piece, on the thread that reads the socket.
 * Each call happens as soon as its chunk is decoded; nothing is buffered in between.
 */
public interface StreamHandler {

    /** A non-empty piece of the answer's text. */
    void onContent(String text);

    /** A non-empty piece of the model's reasoning, for models that stream it separately. */
    default void onReasoning(String text) {
    }
}
