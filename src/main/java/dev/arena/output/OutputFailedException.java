package dev.arena.output;

import dev.arena.files.FileErrors;

import java.io.IOException;

/**
 * A write failed for a reason other than a closed pipe: a full disk, an I/O error. Unlike
 * {@link OutputClosedException} this is never a quiet end: the request stops, the user is told,
 * and arena exits 1. Unchecked so that it travels up through the streaming callbacks.
 */
public final class OutputFailedException extends RuntimeException {

    private final String reason;

    /** @param what the stream that failed, as the sentence names it: "stdout", "stderr" */
    public OutputFailedException(String what, IOException cause) {
        this(what, FileErrors.reason(cause), cause);
    }

    private OutputFailedException(String what, String reason, IOException cause) {
        super("cannot write to " + what + " (" + reason + ")", cause);
        this.reason = reason;
    }

    /** Why the write failed, for the user's sentence: "no space left on device". */
    public String reason() {
        return reason;
    }
}
