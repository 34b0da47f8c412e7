package dev.arena.text;

import java.util.Arrays;

/**
 * Removes the API key from text a server or model controls. arena never prints the key, but
 * a server may echo it back (in an error message, a served model name, even an answer), and
 * that text reaches the screen, pipes, transcripts and JSON events.
 *
 * <p>The key is found in any letter case, and also where a server JSON-encoded it: any of its
 * characters may be written as a {@code \u005CuXXXX} escape (or {@code \/}, {@code \"},
 * {@code \\}), so a raw body in a debug log, or a judge's JSON verdict decoded later, cannot
 * carry it past. Whole strings go through {@link #redact}; a stream whose pieces may split the
 * key goes through a {@link StreamingRedactor} from {@link #streaming()}. Both use the same scan,
 * so a text fed whole or in pieces gives the same result, but for the at most
 * {@link #LIVE_PREFIX} characters of the key's start that a piece may have shown already.
 */
public final class Redactor {

    /** Redacts nothing: for servers without a key (Ollama) and for tests. */
    public static final Redactor NONE = new Redactor(null);

    /**
     * Keys shorter than this are not redacted. A key that short is no real secret: local
     * servers take any placeholder ("ollama", "none", "x"), and redacting such a word would
     * cut it out of every answer and error that happens to contain it.
     */
    static final int MIN_LENGTH = 8;

    /**
     * How many characters that could begin the key are passed on at once rather than held for
     * the next piece. Tokens reach the screen as they arrive, and a token ending in "s" (the
     * first letter of OpenRouter's keys) or a backslash is common; two characters of a key give
     * nothing away (OpenRouter's all begin "sk-or-v1-"), and if the key does follow they are
     * all of it that is shown.
     */
    static final int LIVE_PREFIX = 2;

    private static final String MARKER = "[redacted]";

    private final String key;
    private final String marker;

    public Redactor(String key) {
        this.key = key == null || key.length() < MIN_LENGTH ? null : key;
        this.marker = this.key == null ? MARKER : marker(this.key);
    }

    /** True when there is a key to remove; false makes every call return its input. */
    public boolean active() {
        return key != null;
    }

    /** {@code text} with every occurrence of the key replaced by {@code [redacted]}; null stays null. */
    public String redact(String text) {
        if (key == null || text == null) {
            return text;
        }
        return scan(text, 0, new Matches(key), true);
    }

    /** A redactor for one stream of pieces (one answer's content, say). */
    public StreamingRedactor streaming() {
        return new StreamingRedactor(this);
    }

    Matches matches() {
        return new Matches(key);
    }

    /** What replaces the key. */
    String marker() {
        return marker;
    }

    /**
     * What of {@code text} to pass on now, with each occurrence of the key replaced (leftmost
     * first). Its first {@code shown} characters were passed on before and are only context, for
     * an occurrence that began in them: such an occurrence is replaced from where they end. At
     * the end of a stream all the rest is passed on; otherwise a tail longer than
     * {@link #LIVE_PREFIX} that could still be the start of the key is held back. Afterwards
     * {@link Matches#keepFrom} says where the text to keep for the next piece starts (the
     * earliest start of the key still possible), and {@link Matches#keepShown} how much of it
     * was passed on. Clean text comes back as the same instance: one scan, no copy, no allocation.
     */
    String scan(String text, int shown, Matches m, boolean atEnd) {
        m.reset();
        StringBuilder out = null;
        int from = shown;
        for (int p = 0; p < text.length(); p++) {
            int start = m.step(text.charAt(p), p);
            if (start >= 0) {
                if (out == null) {
                    out = new StringBuilder(text.length() + MARKER.length());
                }
                if (start > from) {
                    out.append(text, from, start);
                }
                out.append(marker);
                from = Math.max(from, p + 1);
            }
        }
        int end = text.length();
        int alive = atEnd ? end : m.earliestStart(end);
        int hold = end - alive > LIVE_PREFIX ? Math.max(alive, from) : end;
        int passedTo = Math.max(from, hold);
        m.keepFrom = alive;
        m.keepShown = Math.max(0, passedTo - alive);
        if (out == null) {
            return from == 0 && passedTo == end ? text : text.substring(from, passedTo);
        }
        return out.append(text, from, passedTo).toString();
    }

    /**
     * {@code [redacted]}, unless the key could be found again in the marker and the text around
     * it: only a key holding a bracket, or the word "redacted" itself, can. Those get a run of a
     * character the key lacks, which no occurrence of the key can overlap (a key holding every
     * candidate gets nothing at all).
     */
    private static String marker(String key) {
        if (key.indexOf('[') < 0 && key.indexOf(']') < 0 && !key.equalsIgnoreCase("redacted")) {
            return MARKER;
        }
        // Punctuation only: a letter could match the key in another case, and a hex digit could
        // end an escape that began before the marker.
        for (char c : "*#~%@!$^&+=?|:;,.<>".toCharArray()) {
            if (key.indexOf(c) < 0) {
                return String.valueOf(c).repeat(MARKER.length());
            }
        }
        return "";
    }

    /** Same letter in any case, as {@link String#regionMatches(boolean, int, String, int, int)} compares. */
    static boolean same(char a, char b) {
        return a == b || Character.toUpperCase(a) == Character.toUpperCase(b)
                || Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    /**
     * The partial matches of the key alive at the current position: where each started, how
     * many of the key's characters it has matched, and how far it is into a JSON escape
     * ({@code 0} none, {@code 1} after the backslash, {@code 2..5} after "\\u" and 0..3 hex
     * digits, whose value so far is kept). A match may take either branch at a backslash, so
     * several can be alive at once; in ordinary text there are none, and a character that
     * cannot start the key costs two comparisons.
     */
    static final class Matches {

        private final String key;
        private final char first;
        private final char firstLower;
        private final char firstUpper;
        // Allocated when the first partial match starts: most text never starts one.
        private int[] start;
        private int[] matched;
        private int[] escape;
        private int[] value;
        private int count;
        private int[] nStart;
        private int[] nMatched;
        private int[] nEscape;
        private int[] nValue;
        private int nCount;
        /** After a scan: where the text to keep for the next piece starts (the end when there is none). */
        int keepFrom;
        /** After a scan: how many characters of the kept text were passed on already. */
        int keepShown;

        Matches(String key) {
            this.key = key;
            this.first = key.charAt(0);
            this.firstLower = Character.toLowerCase(first);
            this.firstUpper = Character.toUpperCase(first);
        }

        void reset() {
            count = 0;
        }

        /** Takes the character at {@code p}; returns the start of the key it completes, or -1. */
        int step(char c, int p) {
            // The common case, in as few comparisons as possible: no match under way, and an ASCII
            // character that cannot start one (beyond ASCII, some letters fold to ASCII ones).
            if (count == 0 && c != '\\' && c != firstLower && c != firstUpper && (c < 0x80 || !same(c, first))) {
                return -1;
            }
            nCount = 0;
            for (int s = 0; s < count; s++) {
                advance(start[s], matched[s], escape[s], value[s], c);
            }
            advance(p, 0, 0, 0, c);
            int completed = -1;
            for (int s = 0; s < nCount; s++) {
                if (nMatched[s] == key.length() && (completed < 0 || nStart[s] < completed)) {
                    completed = nStart[s];
                }
            }
            if (completed >= 0) {
                // Every other partial match overlaps the one replaced: none can complete any more.
                count = 0;
                return completed;
            }
            swap();
            return -1;
        }

        private void advance(int s, int i, int e, int v, char c) {
            char k = key.charAt(i);
            if (e == 0) {
                if (same(c, k)) {
                    add(s, i + 1, 0, 0);
                }
                if (c == '\\') {
                    add(s, i, 1, 0);
                }
            } else if (e == 1) {
                if (c == 'u') {
                    add(s, i, 2, 0);
                } else if (c == k && (k == '/' || k == '"' || k == '\\')) {
                    add(s, i + 1, 0, 0);
                }
            } else {
                int digit = hexDigit(c);
                if (digit < 0) {
                    return;
                }
                int next = v * 16 + digit;
                if (e < 5) {
                    add(s, i, e + 1, next);
                } else if (same((char) next, k)) {
                    add(s, i + 1, 0, 0);
                }
            }
        }

        private static int hexDigit(char c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                return (c | 0x20) - 'a' + 10;
            }
            return -1;
        }

        private void add(int s, int i, int e, int v) {
            if (nStart == null || nCount == nStart.length) {
                int size = nStart == null ? 8 : nCount * 2;
                nStart = nStart == null ? new int[size] : Arrays.copyOf(nStart, size);
                nMatched = nMatched == null ? new int[size] : Arrays.copyOf(nMatched, size);
                nEscape = nEscape == null ? new int[size] : Arrays.copyOf(nEscape, size);
                nValue = nValue == null ? new int[size] : Arrays.copyOf(nValue, size);
            }
            nStart[nCount] = s;
            nMatched[nCount] = i;
            nEscape[nCount] = e;
            nValue[nCount] = v;
            nCount++;
        }

        private void swap() {
            int[] t = start; start = nStart; nStart = t;
            t = matched; matched = nMatched; nMatched = t;
            t = escape; escape = nEscape; nEscape = t;
            t = value; value = nValue; nValue = t;
            count = nCount;
        }

        /** Where the earliest partial match still alive starts, or {@code end} when none is. */
        int earliestStart(int end) {
            int earliest = end;
            for (int s = 0; s < count; s++) {
                earliest = Math.min(earliest, start[s]);
            }
            return earliest;
        }
    }
}
