package dev.arena.openrouter;

/**
 * Decodes the bytes of a JSON string that has escapes, for {@link JsonBytes#text}: escapes become
 * their characters and UTF-8 sequences theirs. The UTF-8 is decoded strictly, refusing what the
 * JDK would replace with U+FFFD: well-formed UTF-8 has only one decoding, so the text is then
 * exactly the full parser's, and the rare malformed case is simply left to that parser.
 */
final class Unescaper {

    private Unescaper() {
    }

    /**
     * The text of {@code a[from..to)}, whose escapes {@link JsonBytes#string} has already checked;
     * null if it holds malformed UTF-8.
     */
    static String unescape(byte[] a, int from, int to) {
        // Every escape and every UTF-8 sequence is at least as many bytes as the chars it becomes.
        char[] out = new char[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            byte b = a[i];
            if (b == '\\') {
                if (a[i + 1] == 'u') {
                    out[n++] = (char) (JsonBytes.hex(a[i + 2]) << 12 | JsonBytes.hex(a[i + 3]) << 8
                            | JsonBytes.hex(a[i + 4]) << 4 | JsonBytes.hex(a[i + 5]));
                    i += 6;
                } else {
                    out[n++] = escaped(a[i + 1]);
                    i += 2;
                }
            } else if (b >= 0) {
                out[n++] = (char) b;
                i++;
            } else {
                int len = utf8(a, i, to, out, n);
                if (len < 0) {
                    return null;
                }
                n += len == 4 ? 2 : 1;
                i += len;
            }
        }
        return new String(out, 0, n);
    }

    /** The character of a two-byte escape, {@code \\n} and the like. */
    private static char escaped(byte c) {
        return switch (c) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> (char) c; // '"', '\\' and '/' stand for themselves
        };
    }

    /**
     * Decodes the UTF-8 sequence starting at {@code a[i]} into {@code out[n]} (and {@code out[n+1]}
     * for a 4-byte sequence, as a surrogate pair). Returns its length in bytes, or -1 if it is not
     * well formed: a stray continuation byte, an overlong form, a surrogate, past U+10FFFF, or cut
     * short before {@code to}.
     */
    private static int utf8(byte[] a, int i, int to, char[] out, int n) {
        int b0 = a[i] & 0xFF;
        if (b0 < 0xC2 || b0 > 0xF4) {
            return -1;
        }
        int len = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
        if (i + len > to) {
            return -1;
        }
        // The second byte's range is narrower after these leads (Unicode Table 3-7).
        int b1 = a[i + 1] & 0xFF;
        int min = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80;
        int max = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF;
        if (b1 < min || b1 > max) {
            return -1;
        }
        int code = (b0 & (0xFF >> (len + 1))) << 6 | b1 & 0x3F;
        for (int k = 2; k < len; k++) {
            int b = a[i + k] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                return -1;
            }
            code = code << 6 | b & 0x3F;
        }
        if (len == 4) {
            out[n] = Character.highSurrogate(code);
            out[n + 1] = Character.lowSurrogate(code);
        } else {
            out[n] = (char) code;
        }
        return len;
    }
}
