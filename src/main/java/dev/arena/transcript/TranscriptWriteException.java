package dev.arena.transcript;

import dev.arena.files.FileErrors;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A transcript file could not be written: a full disk, an I/O error, a directory made
 * read-only or removed, or (for a FIFO given to {@code --out}) a reader that went away. A
 * closed pipe is a failure here, not a quiet end: the user asked for this file. Unchecked so
 * that it travels up through the streaming callbacks and stops the debate.
 */
public final class TranscriptWriteException extends RuntimeException {

    private final Path path;

    public TranscriptWriteException(Path path, IOException cause) {
        super("cannot write the transcript " + path + " (" + FileErrors.reason(cause) + ")", cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
