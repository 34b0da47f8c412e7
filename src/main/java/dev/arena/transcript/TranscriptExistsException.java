package dev.arena.transcript;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --out} names a file that is not empty, and {@code --force} was not given. */
public final class TranscriptExistsException extends IOException {

    TranscriptExistsException(Path path) {
        super(path + " already exists and is not empty; add --force to overwrite it, or choose another file");
    }
}
