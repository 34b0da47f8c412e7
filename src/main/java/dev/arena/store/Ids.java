package dev.arena.store;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for conversations and requests, made in the process that records them (so that rows can
 * name each other before any reaches the database): 26 characters of Crockford base32, the
 * first ten the time in milliseconds, as ULIDs are, so that ids sort by creation, the rest
 * random. The random part need not be secret, only distinct between the processes and threads
 * that record at once: ThreadLocalRandom (seeded per thread from the clock) mixed with the pid,
 * as SecureRandom costs 30 ms to start (measured). Lower case, so a user can type a unique prefix of one ({@code arena logs show 01jf4}).
 */
public final class Ids {

    private static final char[] DIGITS = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final String ALPHABET = new String(DIGITS);
    private static final long PID_BITS = ProcessHandle.current().pid() * 0x9E3779B97F4A7C15L;

    private Ids() {
    }

    public static String next(Instant at) {
        char[] id = new char[26];
        long time = at.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            id[i] = DIGITS[(int) (time & 31)];
            time >>>= 5;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() ^ PID_BITS;
        long low = random.nextLong();
        for (int i = 10; i < 18; i++, high >>>= 5) {
            id[i] = DIGITS[(int) (high & 31)];
        }
        for (int i = 18; i < 26; i++, low >>>= 5) {
            id[i] = DIGITS[(int) (low & 31)];
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
