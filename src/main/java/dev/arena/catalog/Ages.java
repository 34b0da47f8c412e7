package dev.arena.catalog;

import java.time.Duration;

/** Ages for people: "40 s", "12 min", "3 h", "5 days". */
final class Ages {

    private Ages() {
    }

    static String format(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 48 * 3600) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " days";
    }
}
