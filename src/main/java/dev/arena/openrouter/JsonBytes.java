package dev.arena.openrouter;

import java.nio.charset.StandardCharsets;

/**
 * A strict, forward-only cursor over the UTF-8 bytes of one JSON text, for {@link FastChunk}.
 * Every method skips the whitespace before its token and returns false, rather than throwing,
 * when the bytes are not what it expects; after a false the cursor is undefined and the caller
 * gives up on the text.
 *
 * <p>It accepts a subset of what the full parser (Gson, in its default legacy-strict mode)
 * accepts, so that whatever passes here would parse there to the same values: only RFC 8259
 * JSON, no raw control characters in strings, no {@code \'} escape, numbers and nesting far
 * below Gson's limits (a number that fills its 1024-char buffer, or nesting past 255, fails
 * there).
 *
 * <p>Bytes from 0x80 up are never structure: they only appear inside strings, and a malformed
 * UTF-8 sequence never swallows an ASCII byte when decoded, so strings end at the same quote
 * whether the text is read as bytes or as decoded characters.
 */
final class JsonBytes {

    /** Far deeper than any chunk's skipped values, far below Gson's nesting limit of 255. */
    private static final int MAX_DEPTH = 64;

    /** Far longer than any real number, far shorter than Gson's 1024-char buffer. */
    private static final int MAX_NUMBER = 256;

    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    private final byte[] a;
    private final int end;
    private int pos;

    /** The bytes between the quotes of the last string or key read, and whether it had escapes. */
    private int stringStart;
    private int stringEnd;
    private boolean escaped;

    JsonBytes(byte[] a, int off, int len) {
        this.a = a;
        this.pos = off;
        this.end = off + len;
    }

    /** True when the cursor is past the last byte: nothing, not even whitespace, is left. */
    boolean atEnd() {
        return pos == end;
    }

    /** Consumes the structural byte {@code c} (one of {@code { } [ ] , :}) if it comes next. */
    boolean take(char c) {
        skipWhitespace();
        if (pos < end && a[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes {@code null} if it comes next. */
    boolean takeNull() {
        return literal(NULL);
    }

    /** Reads an object key and the colon after it; see {@link #keyIs} and {@link #escaped}. */
    boolean key() {
        return string() && take(':');
    }

    /** True when the last key or string read has exactly these bytes (and so no escapes). */
    boolean keyIs(byte[] name) {
        int len = stringEnd - stringStart;
        if (escaped || len != name.length) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (a[stringStart + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /** True when the last key or string read had an escape, so its raw bytes are not its text. */
    boolean escaped() {
        return escaped;
    }

    /**
     * Reads a string value, checking its escapes; {@link #text} then decodes it. Raw control
     * characters are refused: RFC 8259 forbids them, even if Gson lets them through.
     */
    boolean string() {
        skipWhitespace();
        if (pos >= end || a[pos] != '"') {
            return false;
        }
        boolean sawEscape = false;
        for (int i = pos + 1; i < end; ) {
            byte b = a[i];
            if (b == '"') {
                stringStart = pos + 1;
                stringEnd = i;
                escaped = sawEscape;
                pos = i + 1;
                return true;
            }
            if (b == '\\') {
                int n = escapeLength(i);
                if (n < 0) {
                    return false;
                }
                i += n;
                sawEscape = true;
            } else if (b >= 0 && b < 0x20) {
                return false;
            } else {
                i++;
            }
        }
        return false;
    }

    /**
     * The text of the last string read, as the full parser would give it, or null if it has an
     * escape next to malformed UTF-8 (left to the full parser, which replaces it with U+FFFD).
     */
    String text() {
        if (!escaped) {
            // Decoding just these bytes gives the same text as decoding the whole event, because
            // the quotes around them are ASCII, which no malformed sequence runs into.
            return new String(a, stringStart, stringEnd - stringStart, StandardCharsets.UTF_8);
        }
        return Unescaper.unescape(a, stringStart, stringEnd);
    }

    /** Skips any one value, checking it is well formed. */
    boolean skipValue() {
        return skipValue(0);
    }

    private boolean skipValue(int depth) {
        skipWhitespace();
        if (pos >= end) {
            return false;
        }
        return switch (a[pos]) {
            case '"' -> string();
            case '{' -> depth < MAX_DEPTH && skipObject(depth + 1);
            case '[' -> depth < MAX_DEPTH && skipArray(depth + 1);
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            default -> number();
        };
    }

    private boolean skipObject(int depth) {
        pos++;
        if (take('}')) {
            return true;
        }
        do {
            if (!key() || !skipValue(depth)) {
                return false;
            }
        } while (take(','));
        return take('}');
    }

    private boolean skipArray(int depth) {
        pos++;
        if (take(']')) {
            return true;
        }
        do {
            if (!skipValue(depth)) {
                return false;
            }
        } while (take(','));
        return take(']');
    }

    /**
     * An RFC 8259 number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. What follows
     * it is checked by the caller, which expects a comma or a closing bracket.
     */
    private boolean number() {
        int i = pos;
        if (i < end && a[i] == '-') {
            i++;
        }
        if (i < end && a[i] == '0') {
            i++;
        } else {
            int digits = digits(i);
            if (digits == i) {
                return false;
            }
            i = digits;
        }
        if (i < end && a[i] == '.') {
            int digits = digits(i + 1);
            if (digits == i + 1) {
                return false;
            }
            i = digits;
        }
        if (i < end && (a[i] == 'e' || a[i] == 'E')) {
            i++;
            if (i < end && (a[i] == '+' || a[i] == '-')) {
                i++;
            }
            int digits = digits(i);
            if (digits == i) {
                return false;
            }
            i = digits;
        }
        if (i - pos > MAX_NUMBER) {
            return false;
        }
        pos = i;
        return true;
    }

    /** The index of the first byte at or after {@code i} that is not an ASCII digit. */
    private int digits(int i) {
        while (i < end && a[i] >= '0' && a[i] <= '9') {
            i++;
        }
        return i;
    }

    private boolean literal(byte[] word) {
        skipWhitespace();
        if (end - pos < word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (a[pos + k] != word[k]) {
                return false;
            }
        }
        pos += word.length;
        return true;
    }

    /**
     * The length of the escape starting with the backslash at {@code i}: 2, or 6 for
     * {@code \\uXXXX}; -1 if it is not one of JSON's escapes.
     */
    private int escapeLength(int i) {
        if (i + 1 >= end) {
            return -1;
        }
        return switch (a[i + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> 2;
            case 'u' -> i + 6 <= end && hex(a[i + 2]) >= 0 && hex(a[i + 3]) >= 0 && hex(a[i + 4]) >= 0
                    && hex(a[i + 5]) >= 0 ? 6 : -1;
            default -> -1;
        };
    }

    /** The value of a hex digit, or -1. */
    static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /** JSON whitespace only: a form feed or a non-ASCII space is an error, as in Gson. */
    private void skipWhitespace() {
        while (pos < end) {
            byte b = a[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
