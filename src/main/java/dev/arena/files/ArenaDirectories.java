package dev.arena.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where arena keeps its own files, after the XDG base directory spec: each directory is the
 * variable's value when that is an absolute path (the spec says to ignore relative ones), else
 * its default under {@code home}, with {@code arena} appended. {@code home} stands for
 * {@code ~}, which Java does not expand.
 */
public final class ArenaDirectories {

    private ArenaDirectories() {
    }

    /** {@code $XDG_STATE_HOME/arena}, default {@code ~/.local/state/arena}: history, locks. */
    public static Path state(Map<String, String> env, Path home) {
        return xdg(env, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("arena");
    }

    /** {@code $XDG_DATA_HOME/arena}, default {@code ~/.local/share/arena}: sessions. */
    public static Path data(Map<String, String> env, Path home) {
        return xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve("arena");
    }

    /** {@code $XDG_CACHE_HOME/arena}, default {@code ~/.cache/arena}: the model lists. */
    public static Path cache(Map<String, String> env, Path home) {
        return xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("arena");
    }

    /** Where {@link WriteLock} keeps its lock files. */
    public static Path locks(Map<String, String> env, Path home) {
        return state(env, home).resolve("locks");
    }

    /** Makes {@code dir} and its missing parents, readable by the user alone where the file system says who. */
    public static void createPrivate(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            // Made meanwhile by another arena: fine.
        }
    }

    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}
