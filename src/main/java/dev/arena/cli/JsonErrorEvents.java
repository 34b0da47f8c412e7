package dev.arena.cli;

/**
 * A command whose {@code --json} stream tells a failure as an {@code error} event (message,
 * exit code), in the shape of its other events. {@link ErrorHandlers} writes it for the
 * failures that escape the command before its run has a stream (a model id, a key, a setting).
 */
interface JsonErrorEvents {

    /** Writes the failure's event on stdout; called only when {@code --json} was asked for. */
    void errorEvent(String sentence, int exitCode);
}
