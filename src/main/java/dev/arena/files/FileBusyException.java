package dev.arena.files;

import java.io.IOException;
import java.nio.file.Path;

/** Another arena process holds the write lock of a file. */
public final class FileBusyException extends IOException {

    private final String holder;

    FileBusyException(Path file, String holder) {
        super("another arena process" + (holder.isEmpty() ? "" : " (pid " + holder + ")") + " is writing " + file
                + "; wait for it to finish or choose another file");
        this.holder = holder;
    }

    /** The pid of the process that holds the lock, or "" when it is not known. */
    public String holder() {
        return holder;
    }
}
