package dev.arena.files;

import java.io.IOException;
import java.nio.file.Path;

/** Another arena process holds the write lock of a file. */
public final class FileBusyException extends IOException {

    FileBusyException(Path file, String holder) {
        super("another arena process" + (holder.isEmpty() ? "" : " (pid " + holder + ")") + " is writing " + file
                + "; wait for it to finish or choose another file");
    }
}
