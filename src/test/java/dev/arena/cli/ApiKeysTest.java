package dev.arena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiKeysTest {

    @TempDir
    Path dir;

    @Test
    void anUnreadableKeyFileGivesItsReasonOnceNotThePathTwice() throws IOException {
        // Under a regular file: the OS says "Not a directory" even to root.
        Path key = Files.writeString(dir.resolve("plain"), "x").resolve("key");
        ConfigException e = assertThrows(ConfigException.class, () -> ApiKeys.find(key, Map.of()));
        assertEquals("cannot read the key file " + key + ": not a directory;"
                + " point --api-key-file at a readable file that holds the key", e.getMessage());
    }
}
