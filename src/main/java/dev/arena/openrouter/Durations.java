package dev.arena.openrouter;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes durations the way people type them: {@code 90s}, {@code 2m}, {@code 500ms}. */
public final class Durations {

    private static final Pattern SPEC = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

    private static final Duration MAX = Duration.ofDays(365);

    private Durations() {
    }

    /**
     * Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 2d} (days, as {@link #format}
     * writes long waits), or a bare number of seconds.
     */
    public static Duration parse(String text) {
        Matcher m = SPEC.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 500ms, 30s, 2m)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            case "d" -> amount * 86_400_000;
            default -> amount * 1000;
        };
        // Math.round saturates at Long.MAX_VALUE; a duration that long is a typo, not a wish.
        if (millis > MAX.toMillis()) {
            throw new IllegalArgumentException("'" + text + "' is too long (at most " + MAX.toDays() + " days)");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /**
     * Formats for people: {@code 450ms}, {@code 1.2s}, {@code 42s}, {@code 3m05s}, and long
     * waits (a server may ask for any Retry-After) in hours or days: {@code 2h05m},
     * {@code 3d04h}. Any duration formats, up to {@code Duration}'s largest; a negative one
     * reads as {@code 0ms}.
     */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "0ms";
        }
        if (d.getSeconds() < 60) {
            long ms = d.toMillis();
            if (ms < 1000) {
                return ms + "ms";
            }
            // Not 10_000: from 9950 ms on, "%.1f" rounds up to "10.0s", which should read "10s".
            if (ms < 9_950) {
                return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
            }
            if (ms < 59_500) {
                return Math.round(ms / 1000.0) + "s";
            }
        }
        long s = d.getSeconds();
        if (d.getNano() >= 500_000_000 && s < Long.MAX_VALUE) {
            s++;
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        long m = rounded(s, 60);
        if (m < 24 * 60) {
            return String.format(Locale.ROOT, "%dh%02dm", m / 60, m % 60);
        }
        long h = rounded(m, 60);
        return String.format(Locale.ROOT, "%dd%02dh", h / 24, h % 24);
    }

    /** {@code n / unit} rounded half up, without the overflow of {@code (n + unit / 2) / unit}. */
    private static long rounded(long n, long unit) {
        return n / unit + (n % unit >= unit / 2 ? 1 : 0);
    }
}
