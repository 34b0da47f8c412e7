package dev.arena.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a whole text file that arena did not write itself, with a bound: at most
 * {@code limit + 1} bytes are ever read, so {@code /dev/zero}, an endless FIFO or a file
 * the size of a disk ends in a sentence instead of an OutOfMemoryError (the launcher's heap
 * is 256 MiB). The size is not asked of the file system first: a FIFO or a device has none.
 *
 * <p>The text must be UTF-8, strictly: a byte sequence that is not UTF-8 is refused rather
 * than turned into replacement characters that would end up in a request or a prompt.
 */
public final class TextFiles {

    private static final int CHUNK = 8192;

    private TextFiles() {
    }

    /**
     * The content of {@code file} as text.
     *
     * @param limit the most bytes the file may hold
     * @param what  the file as the caller's sentences name it, e.g. "the key file /x/key"
     * @throws UnreadableTextException when it is larger than {@code limit}, not UTF-8, or a directory
     * @throws IOException             as {@link Files#newInputStream} throws it (missing, permission denied)
     */
    public static String read(Path file, int limit, String what) throws IOException {
        if (Files.isDirectory(file)) {
            throw new UnreadableTextException(what + " is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, limit, what);
        }
    }

    /**
     * The rest of {@code in} as text, with the same bound and check as a file (for a prompt
     * piped on stdin, say); {@code in} is not closed.
     *
     * @throws UnreadableTextException when it is larger than {@code limit} or not UTF-8
     */
    public static String read(InputStream in, int limit, String what) throws IOException {
        if (limit < 0 || limit == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("limit " + limit);
        }
        byte[] bytes = new byte[Math.min(limit + 1, CHUNK)];
        int length = 0;
        while (true) {
            if (length == bytes.length) {
                if (length > limit) {
                    throw new UnreadableTextException(what + " is larger than " + size(limit));
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit + 1L, 2L * length));
            }
            int n = in.read(bytes, length, bytes.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        if (!isUtf8(bytes, length)) {
            throw new UnreadableTextException(what + " is not UTF-8 text");
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** "64 KiB", "16 MiB": how the sentences and the README give a limit. */
    public static String size(int bytes) {
        int mib = 1024 * 1024;
        return bytes >= mib && bytes % mib == 0 ? bytes / mib + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** Decodes in small pieces, only to check: the String is made afterwards without a char[] copy of the whole. */
    private static boolean isUtf8(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            out.clear();
            if (result.isUnderflow()) {
                return !decoder.flush(out).isError();
            }
        }
    }
}
