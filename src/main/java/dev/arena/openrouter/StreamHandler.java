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

    /**
     * Every chunk of one network read has been handed over, and the client is about to wait
     * for more: the moment to flush output. Chunks that arrived together are shown together,
     * with one write instead of one per chunk, and nothing waits longer than the network.
     */
    default void onReadDone() {
    }

    /**
     * False once the handler has all of the answer it will take: the client then stops reading,
     * closes the request and returns a completion whose finish reason is {@link Completion#CUT}.
     */
    default boolean wantsMore() {
        return true;
    }
}
