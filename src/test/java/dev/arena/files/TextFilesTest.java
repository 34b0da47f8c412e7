package dev.arena.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TextFilesTest {

    @TempDir
    Path dir;

    private Path bytes(int n, byte b) throws Exception {
        byte[] content = new byte[n];
        Arrays.fill(content, b);
        return Files.write(dir.resolve("f"), content);
    }

    @Test
    void aFileOfTheLimitIsReadWhole() throws Exception {
        for (int limit : new int[] {0, 1, 8191, 8192, 8193, 100_000}) {
            assertEquals("x".repeat(limit), TextFiles.read(bytes(limit, (byte) 'x'), limit, "F"), "limit " + limit);
        }
    }

    @Test
    void oneByteMoreIsRefusedInOneSentence() throws Exception {
        for (int limit : new int[] {0, 1, 8191, 8192, 64 * 1024}) {
            UnreadableTextException e = assertThrows(UnreadableTextException.class,
                    () -> TextFiles.read(bytes(limit + 1, (byte) 'x'), limit, "the file F"));
            assertEquals("the file F is larger than " + TextFiles.size(limit), e.getMessage());
        }
    }

    @Test
    void anEndlessDeviceStopsAtTheLimit() {
        UnreadableTextException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                UnreadableTextException.class, () -> TextFiles.read(Path.of("/dev/zero"), 1024 * 1024, "/dev/zero")));
        assertEquals("/dev/zero is larger than 1 MiB", e.getMessage());
    }

    @Test
    void utf8IsDecodedStrictly() throws Exception {
        Path good = Files.writeString(dir.resolve("good"), "ünïcødé ✓ 🐘");
        assertEquals("ünïcødé ✓ 🐘", TextFiles.read(good, 100, "F"));
        byte[][] bad = {
            {(byte) 0xff},
            {'a', (byte) 0xc3},                        // cut in the middle of a character
            {(byte) 0xc0, (byte) 0x80},                // an overlong NUL
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},   // a lone surrogate
            "latin-1: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1),
        };
        for (byte[] b : bad) {
            Path file = Files.write(dir.resolve("bad"), b);
            assertEquals("the file F is not UTF-8 text",
                    assertThrows(UnreadableTextException.class, () -> TextFiles.read(file, 100, "the file F")).getMessage());
        }
    }

    @Test
    void aDirectoryOrAMissingFileIsNamed() {
        assertEquals("D is a directory",
                assertThrows(UnreadableTextException.class, () -> TextFiles.read(dir, 100, "D")).getMessage());
        assertThrows(NoSuchFileException.class, () -> TextFiles.read(dir.resolve("none"), 100, "F"));
    }

    @Test
    void sizesReadAsTheReadmeGivesThem() {
        assertEquals("64 KiB", TextFiles.size(64 * 1024));
        assertEquals("1 MiB", TextFiles.size(1024 * 1024));
        assertEquals("16 MiB", TextFiles.size(16 * 1024 * 1024));
        assertEquals("1536 KiB", TextFiles.size(1536 * 1024));
        assertEquals("100 bytes", TextFiles.size(100));
    }
}
