package dev.arena.files;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The 64-bit FNV-1a hash of a text, as 16 hex digits, for file names derived from longer
 * names. Not a cryptographic hash: the first {@code MessageDigest} of a process loads the
 * security providers, about 25 ms of every start-up (measured), and a file name only has to
 * tell a handful of names apart.
 */
public final class Fnv1a {

    private Fnv1a() {
    }

    public static String hex(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(hash);
    }
}
