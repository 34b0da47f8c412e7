package dev.arena.store;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Ids for conversations and requests, made in the process that records them (so that rows can
 * name each other before any reaches the database): 26 characters of Crockford base32, the
 * first ten the time in milliseconds, as ULIDs are, so that ids sort by creation, the rest
 * random. Lower case, so a user can type a unique prefix of one ({@code arena logs show 01jf4}).
 */
public final class Ids {

    private static final char[] DIGITS = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final String ALPHABET = new String(DIGITS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next(Instant at) {
        char[] id = new char[26];
        long time = at.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            id[i] = DIGITS[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        for (int i = 10; i < 26; i++) {
            id[i] = DIGITS[random[i - 10] & 31];
        }
        return new String(id);
    }

    /** True for text that can be (a prefix of) an id. */
    public static boolean looksLikeId(String text) {
        if (text.isEmpty() || text.length() > 26) {
            return false;
        }
        for (char c : text.toCharArray()) {
            if (ALPHABET.indexOf(Character.toLowerCase(c)) < 0) {
                return false;
            }
        }
        return true;
    }
}
