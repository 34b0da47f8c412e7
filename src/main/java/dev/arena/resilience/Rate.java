package dev.arena.resilience;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request rate such as {@code 10/min}: at most {@code requests} per {@code period}. */
public record Rate(long requests, Duration period, String unit) {

    private static final Pattern SPEC = Pattern.compile("(\\d+)\\s*/\\s*(s|sec|min|m|h|hour)");

    public static final Rate DEFAULT = parse("10/min");

    /**
     * The most requests per period: a million, far past any server's limit, and within what the
     * token bucket counts (it refuses more than one request per nanosecond, 10^9/s).
     */
    public static final long MAX_REQUESTS = 1_000_000;

    public Rate {
        if (requests < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per period");
        }
    }

    /** Parses {@code N/s}, {@code N/min} or {@code N/h}. */
    public static Rate parse(String text) {
        Matcher m = SPEC.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate (examples: 10/min, 2/s, 100/h)");
        }
        String digits = m.group(1);
        // Compared as text first: a run of digits may be longer than a long holds.
        if (digits.replaceFirst("^0+(?=\\d)", "").length() > 7 || Long.parseLong(digits) > MAX_REQUESTS) {
            throw new IllegalArgumentException("'" + text + "' is more than " + MAX_REQUESTS
                    + " requests per period, the most arena counts");
        }
        long n = Long.parseLong(digits);
        return switch (m.group(2)) {
            case "s", "sec" -> new Rate(n, Duration.ofSeconds(1), "s");
            case "h", "hour" -> new Rate(n, Duration.ofHours(1), "h");
            default -> new Rate(n, Duration.ofMinutes(1), "min");
        };
    }

    @Override
    public String toString() {
        return requests + "/" + unit;
    }
}
