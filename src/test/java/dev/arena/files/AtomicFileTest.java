package dev.arena.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesANewFileAndReplacesAnOldOne() throws IOException {
        Path file = dir.resolve("a.json");
        AtomicFile.write(file, "one", Visibility.PRIVATE);
        assertEquals("one", Files.readString(file));
        AtomicFile.write(file, "two", Visibility.PRIVATE);
        assertEquals("two", Files.readString(file));
        assertEquals(List.of(file), entries(), "no temporary file is left");
    }

    @Test
    void aPrivateFileIsReadableByTheOwnerOnly() throws IOException {
        Path file = dir.resolve("cache.json");
        AtomicFile.write(file, "{}", Visibility.PRIVATE);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
    }

    @Test
    void aFileTheUserNamedGetsTheUmasksPermissionsLikeAnyNewFile() throws IOException {
        Path reference = Files.createFile(dir.resolve("made-by-createFile"));
        Path file = dir.resolve("t.json");
        AtomicFile.write(file, "{}", Visibility.USER_CHOICE);
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(file));
        assertTrue(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE));
        assertEquals(2, entries().size(), "no temporary file is left");
    }

    @Test
    void aSymbolicLinkIsRefusedAndLeftAsItWas() throws IOException {
        Path target = Files.writeString(dir.resolve("target"), "kept");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        NotReplaceableException e = assertThrows(NotReplaceableException.class, () -> AtomicFile.write(link, "new", Visibility.PRIVATE));
        assertEquals(link + " is a symbolic link, and arena replaces only regular files; choose another file name", e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("kept", Files.readString(target));
        assertEquals(2, entries().size(), "no temporary file is left");
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub.json"));
        NotReplaceableException e = assertThrows(NotReplaceableException.class, () -> AtomicFile.write(sub, "x", Visibility.PRIVATE));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(sub));
    }

    @Test
    void aDeviceIsRefusedWithoutLookingAtItsDirectory() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull));
        NotReplaceableException e = assertThrows(NotReplaceableException.class, () -> AtomicFile.checkReplaceable(devNull));
        assertTrue(e.getMessage().contains("a FIFO, socket or device"), e.getMessage());
    }

    @Test
    void aFifoIsRefused() throws Exception {
        Path fifo = dir.resolve("fifo.json");
        assumeTrue(run("mkfifo", fifo.toString()), "no mkfifo here");
        assertThrows(NotReplaceableException.class, () -> AtomicFile.write(fifo, "x", Visibility.PRIVATE));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo));
        assertEquals(List.of(fifo), entries(), "no temporary file is left");
    }

    @Test
    void aMissingDirectoryFailsAndLeavesNothing() throws IOException {
        Path file = dir.resolve("missing/a.json");
        assertThrows(IOException.class, () -> AtomicFile.write(file, "x", Visibility.PRIVATE));
        assertEquals(List.of(), entries());
    }

    @Test
    void aDirectoryWhereNoFileCanBeMadeIsNamedNotTheTemporaryFile() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        Path file = Path.of("/proc/x.json");
        IOException written = assertThrows(IOException.class, () -> AtomicFile.write(file, "x", Visibility.USER_CHOICE));
        assertEquals("no file can be made in /proc", FileErrors.reason(written));
        IOException checked = assertThrows(IOException.class, () -> AtomicFile.checkWritable(file, Visibility.USER_CHOICE));
        assertEquals("no file can be made in /proc", FileErrors.reason(checked));
    }

    @Test
    void checkWritableLeavesNothingBehind() throws IOException {
        AtomicFile.checkWritable(dir.resolve("later.json"), Visibility.USER_CHOICE);
        assertEquals(List.of(), entries());
        IOException missing = assertThrows(IOException.class,
                () -> AtomicFile.checkWritable(dir.resolve("no/later.json"), Visibility.USER_CHOICE));
        assertEquals(dir.resolve("no") + " does not exist", FileErrors.reason(missing));
    }

    @Test
    void aFullDiskLeavesTheOldFileAndNoTemporary() throws Exception {
        // A real full disk: a 32 KiB tmpfs, where the machine lets us mount one (as root, as CI runs).
        Path small = Files.createDirectory(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", small.toString()), "cannot mount a small tmpfs here");
        try {
            Path file = Files.writeString(small.resolve("a.json"), "old");
            IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, new byte[256 * 1024], Visibility.PRIVATE));
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertEquals("old", Files.readString(file));
            try (Stream<Path> s = Files.list(small)) {
                assertEquals(List.of(file), s.toList(), "no temporary file is left");
            }
        } finally {
            run("umount", small.toString());
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
