package dev.arena.openrouter;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes durations the way people type them: {@code 90s}, {@code 2m}, {@code 500ms}. */
public final class Durations {

    private static final Pattern SPEC = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private static final Duration MAX = Duration.ofDays(365);

    private Durations() {
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or a bare number of seconds. */
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
            default -> amount * 1000;
        };
        // Math.round saturates at Long.MAX_VALUE; a duration that long is a typo, not a wish.
        if (millis > MAX.toMillis()) {
            throw new IllegalArgumentException("'" + text + "' is too long (at most " + MAX.toDays() + " days)");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** Formats for people: {@code 450ms}, {@code 1.2s}, {@code 42s}, {@code 3m05s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        // Not 10_000: from 9950 ms on, "%.1f" rounds up to "10.0s", which should read "10s".
        if (ms < 9_950) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = Math.round(ms / 1000.0);
        if (s < 60) {
            return s + "s";
        }
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
