package dev.arena.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aReadOnlyDirectoryIsPermissionDeniedNotTheNameOfATemporaryFile() {
        // What AtomicFile meets in a read-only sessions directory (as a user other than root).
        assertEquals("permission denied", FileErrors.reason(new AccessDeniedException("/ro/.s.json.123.tmp")));
    }

    @Test
    void theOsReasonIsKeptAndAMissingFileNamed() {
        assertEquals("no space left on device",
                FileErrors.reason(new FileSystemException("/x/s.json", null, "No space left on device")));
        assertEquals("read-only file system", FileErrors.reason(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals("/x/s.json does not exist", FileErrors.reason(new NoSuchFileException("/x/s.json")));
        assertEquals("/x/cache is not a directory", FileErrors.reason(new java.nio.file.NotDirectoryException("/x/cache")));
        assertEquals("/no/such/cache is in the way: it exists and is not a directory",
                FileErrors.reason(new java.nio.file.FileAlreadyExistsException("/no/such/cache")));
        assertEquals("the disk said no", FileErrors.reason(new IOException("the disk said no")));
    }

    @Test
    void arenasOwnSentencesPassThrough() throws Exception {
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link"), dir.resolve("target"));
        NotReplaceableException refused = assertThrows(NotReplaceableException.class, () -> AtomicFile.write(link, "x", Visibility.PRIVATE));
        assertEquals(refused.getMessage(), FileErrors.reason(refused));
        assertEquals("a symbolic link", refused.what());
        UnreadableTextException unreadable = assertThrows(UnreadableTextException.class, () -> TextFiles.read(dir, 1, "D"));
        assertEquals("D is a directory", FileErrors.reason(unreadable));
    }

    @Test
    void aBadCharacterIsSaidToBeNotUtf8RatherThanInputLength() {
        assertEquals("it is not UTF-8 text", FileErrors.reason(new java.nio.charset.MalformedInputException(1)));
    }
}
