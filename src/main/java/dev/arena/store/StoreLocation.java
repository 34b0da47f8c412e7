package dev.arena.store;

import dev.arena.files.ArenaDirectories;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the store lives: {@code $XDG_DATA_HOME/arena/arena.db} (default
 * {@code ~/.local/share/arena/arena.db}) unless {@code --db}, {@code $ARENA_DB} or the config
 * file's {@code db} names another file; and the marker {@code arena logs off} leaves, under the
 * state directory, so that checking it costs one stat and no database.
 */
public final class StoreLocation {

    private StoreLocation() {
    }

    public static Path defaultFile(Map<String, String> env, Path home) {
        return ArenaDirectories.data(env, home).resolve("arena.db");
    }

    /** The file whose presence turns logging off ({@code arena logs off}). */
    public static Path offMarker(Map<String, String> env, Path home) {
        return ArenaDirectories.state(env, home).resolve("logs-off");
    }

    /** Where the native library is kept once extracted. */
    public static Path cacheDir(Map<String, String> env, Path home) {
        return ArenaDirectories.cache(env, home);
    }
}
