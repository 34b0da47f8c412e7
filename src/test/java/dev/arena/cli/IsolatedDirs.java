package dev.arena.cli;

import java.nio.file.Path;
import java.util.Map;

/** The environment that keeps an in-process run of arena in a test's own directory: no real cache, config, state or store. */
final class IsolatedDirs {

    private IsolatedDirs() {
    }

    /** Points every XDG directory arena uses below {@code dir}, in {@code env}. */
    static void under(Path dir, Map<String, String> env) {
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
    }
}
