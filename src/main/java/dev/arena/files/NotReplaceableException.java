package dev.arena.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The path names something that is not a regular file (a symbolic link, a FIFO, a device, a
 * directory), which arena will not replace. The message is only the reason, since callers
 * already say which file they meant to write.
 */
public final class NotReplaceableException extends IOException {

    private final Path path;
    private final String what;

    NotReplaceableException(Path path, String what) {
        super(path + " is " + what + ", and arena replaces only regular files; choose another file name");
        this.path = path;
        this.what = what;
    }

    public Path path() {
        return path;
    }

    /** What is there instead: "a symbolic link", "a directory", "a FIFO, socket or device". */
    public String what() {
        return what;
    }
}
