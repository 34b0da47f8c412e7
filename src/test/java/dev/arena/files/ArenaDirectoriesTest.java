package dev.arena.files;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArenaDirectoriesTest {

    private final Path home = Path.of("/home/u");

    @Test
    void eachDirectoryFollowsItsXdgVariable() {
        assertEquals(Path.of("/xdg/arena"), ArenaDirectories.cache(Map.of("XDG_CACHE_HOME", "/xdg"), home));
        assertEquals(Path.of("/s/arena"), ArenaDirectories.state(Map.of("XDG_STATE_HOME", "/s"), home));
        assertEquals(Path.of("/d/arena"), ArenaDirectories.data(Map.of("XDG_DATA_HOME", "/d"), home));
        assertEquals(Path.of("/s/arena/locks"), ArenaDirectories.locks(Map.of("XDG_STATE_HOME", "/s"), home));
    }

    @Test
    void withoutTheVariablesTheDefaultsAreUnderHome() {
        assertEquals(Path.of("/home/u/.cache/arena"), ArenaDirectories.cache(Map.of(), home));
        assertEquals(Path.of("/home/u/.local/state/arena"), ArenaDirectories.state(Map.of(), home));
        assertEquals(Path.of("/home/u/.local/share/arena"), ArenaDirectories.data(Map.of(), home));
    }

    @Test
    void relativeValuesAreIgnoredAsTheSpecSays() {
        assertEquals(Path.of("/home/u/.cache/arena"), ArenaDirectories.cache(Map.of("XDG_CACHE_HOME", "relative"), home));
        assertEquals(Path.of("/home/u/.local/state/arena"), ArenaDirectories.state(Map.of("XDG_STATE_HOME", " "), home));
    }
}
