package dev.arena.output;

/**
 * The reader of our output went away (for example {@code arena chat ... | head -c 20}): a
 * write failed with a broken pipe, and nothing else. Unchecked so that it can travel up
 * through the streaming callbacks and close the request.
 */
public final class OutputClosedException extends RuntimeException {

    public OutputClosedException(Throwable cause) {
        super("output closed", cause);
    }
}
