package dev.arena.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWriterOfTheSameFileIsRefusedUntilTheFirstIsDone() throws IOException {
        Path locks = dir.resolve("state/locks");
        Path file = dir.resolve("debate.json");
        try (WriteLock first = WriteLock.acquire(locks, file)) {
            assertTrue(first.held());
            FileBusyException e = assertThrows(FileBusyException.class, () -> WriteLock.acquire(locks, file));
            assertEquals("another arena process (pid " + ProcessHandle.current().pid() + ") is writing " + file
                    + "; wait for it to finish or choose another file", e.getMessage());
        }
        try (WriteLock again = WriteLock.acquire(locks, file)) {
            assertTrue(again.held(), "the lock is free once the first writer closed it");
        }
    }

    @Test
    void oneFileUnderTwoNamesIsOneLock() throws IOException {
        Path locks = dir.resolve("locks");
        Path real = Files.createDirectory(dir.resolve("real"));
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), real);
        try (WriteLock ignored = WriteLock.acquire(locks, real.resolve("t.md"))) {
            assertThrows(FileBusyException.class, () -> WriteLock.acquire(locks, alias.resolve("t.md")));
            assertThrows(FileBusyException.class, () -> WriteLock.acquire(locks, real.resolve("../real/./t.md")));
        }
    }

    @Test
    void aHardLinkIsTheSameFile() throws IOException {
        Path locks = dir.resolve("locks");
        Path one = Files.writeString(dir.resolve("one.md"), "");
        Path hard = Files.createLink(dir.resolve("hard.md"), one);
        try (WriteLock ignored = WriteLock.acquire(locks, one)) {
            assertThrows(FileBusyException.class, () -> WriteLock.acquire(locks, hard));
        }
        try (WriteLock ignored = WriteLock.acquire(locks, hard)) {
            assertThrows(FileBusyException.class, () -> WriteLock.acquire(locks, one), "either way round");
        }
        try (WriteLock again = WriteLock.acquire(locks, one)) {
            assertTrue(again.held(), "every lock was let go");
        }
    }

    @Test
    void differentFilesDoNotConflict() throws IOException {
        Path locks = dir.resolve("locks");
        try (WriteLock a = WriteLock.acquire(locks, dir.resolve("a.md"));
             WriteLock b = WriteLock.acquire(locks, dir.resolve("b.md"))) {
            assertTrue(a.held() && b.held());
        }
    }

    @Test
    void aLockDirectoryThatCannotBeMadeLeavesTheFileUnlockedRatherThanRefused() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        try (WriteLock lock = WriteLock.acquire(notADirectory.resolve("locks"), dir.resolve("t.md"))) {
            assertFalse(lock.held());
        }
    }

    @Test
    void devicesAreNotLocked() throws IOException {
        Path locks = dir.resolve("locks");
        try (WriteLock a = WriteLock.acquire(locks, Path.of("/dev/null"));
             WriteLock b = WriteLock.acquire(locks, Path.of("/dev/null"))) {
            assertFalse(a.held() || b.held());
        }
    }

    @Test
    void theLockDirectoryIsTheUsersAlone() throws IOException {
        Path locks = dir.resolve("locks");
        try (WriteLock ignored = WriteLock.acquire(locks, dir.resolve("t.md"))) {
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(locks)));
        }
    }
}
