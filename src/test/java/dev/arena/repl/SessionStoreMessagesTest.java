package dev.arena.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code /load} says of a file that is not a session: no Gson class name, no Gson link. */
class SessionStoreMessagesTest {

    @TempDir
    Path dir;

    @Test
    void plainTextIsSaidToBeNoSessionWithoutGsonInternals() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "some notes, not JSON at all");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionStore.read(notes));
        assertTrue(e.getMessage().contains("not a session saved by /save"), e.getMessage());
        assertFalse(e.getMessage().contains("Gson") || e.getMessage().contains("Exception")
                || e.getMessage().contains("http"), e.getMessage());
    }
}
