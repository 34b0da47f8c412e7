package dev.arena.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store holds every prompt and answer: only its owner may read it. And its native library is put in place once. */
class PrivateFilesTest {

    @TempDir
    Path dir;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void theFileItsJournalsAndTheDirectoriesArenaMadeAreTheOwnersOnly() throws Exception {
        Path made = dir.resolve("data").resolve("arena");
        Path file = made.resolve("arena.db");
        try (Connection c = Database.open(file, dir.resolve("cache")); Statement s = c.createStatement()) {
            s.execute("INSERT INTO conversations (id, kind, title, created_at, updated_at) VALUES ('c', 'chat', 't', 'x', 'x')");
            assertEquals("rw-------", mode(file));
            assertEquals("rw-------", mode(Path.of(file + "-wal")));
            assertEquals("rw-------", mode(Path.of(file + "-shm")));
        }
        assertEquals("rwx------", mode(made));
        assertEquals("rwx------", mode(made.getParent()));
    }

    @Test
    void aParentThatIsAFileOrAStoreThatIsADirectoryIsNamedAsSuch() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain"), "x");
        Path file = notADirectory.resolve("arena.db");
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file, dir.resolve("cache")));
        assertEquals("cannot create the store " + file + ": " + notADirectory + " is a file, not a directory", e.getMessage());
        Path directory = Files.createDirectories(dir.resolve("dir.db"));
        StoreException d = assertThrows(StoreException.class, () -> Database.open(directory, dir.resolve("cache")));
        assertEquals("the store " + directory + " is a directory, not a database file", d.getMessage());
    }

    @Test
    void theNativeLibraryIsExtractedOnceAndADamagedOneIsReplaced() throws Exception {
        Path cache = dir.resolve("cache");
        String first = StoreTesting.finish(StoreTesting.child("open", dir.resolve("a.db").toString(), cache.toString()));
        assertTrue(first.startsWith("exit 0: ok " + cache.resolve("native")), "org.sqlite.lib.path is the cache's: " + first);
        Path library;
        try (var found = Files.walk(cache.resolve("native"))) {
            library = found.filter(p -> p.getFileName().toString().equals(System.mapLibraryName("sqlitejdbc"))).findFirst().orElseThrow();
        }
        long size = Files.size(library);
        Object inode = Files.getAttribute(library, "unix:ino");
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, past);

        String second = StoreTesting.finish(StoreTesting.child("open", dir.resolve("b.db").toString(), cache.toString()));
        assertEquals(first, second.replace("b.db", "a.db"));
        assertEquals(past, Files.getLastModifiedTime(library), "not written again");
        assertEquals(inode, Files.getAttribute(library, "unix:ino"), "not replaced");

        // Cut short, as a full disk or a hand might leave it: the next arena puts a whole one back.
        try (var channel = java.nio.channels.FileChannel.open(library, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(size / 2);
        }
        String third = StoreTesting.finish(StoreTesting.child("open", dir.resolve("c.db").toString(), cache.toString()));
        assertTrue(third.startsWith("exit 0: ok " + cache.resolve("native")), third);
        assertEquals(size, Files.size(library));
        try (var left = Files.list(library.getParent())) {
            assertEquals(List.of(library.getFileName().toString(), library.getFileName() + ".source"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no partial copy left beside it");
        }
    }
}
