package dev.arena.config;

import dev.arena.openrouter.Durations;
import dev.arena.resilience.Rate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The one check of each kind of value arena reads from outside, shared by the command-line
 * options (through {@code cli/OptionConverters}), the environment and the config file
 * ({@link ConfigKey}), so that one value gives one sentence wherever it was written. Each
 * returns the value, or throws {@link IllegalArgumentException} whose message is the
 * sentence, starting with the value as written.
 */
public final class ValueChecks {

    /**
     * Digits, optionally signed, with an optional fraction: what people type. Not Java's
     * {@code parseDouble}, which also takes {@code 0x1p1}, {@code 1d}, {@code NaN} and
     * {@code Infinity}, nor exponents: no setting needs them.
     */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    /** Longer is out of every setting's range, and parsing it would cost time. */
    private static final int MAX_DIGITS = 40;

    private ValueChecks() {
    }

    /** A whole number from {@code min} to {@code max}, in plain digits (no hex, no {@code 1e3}). */
    public static long wholeNumber(String text, long min, long max) {
        String t = text.strip();
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        BigDecimal n = t.length() > MAX_DIGITS ? null : new BigDecimal(t);
        if (n == null || n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException("'" + text + "' must be " + range(min, max));
        }
        return n.longValueExact();
    }

    /** A plain decimal number ({@code 0.7}, {@code 2}, {@code .5}) from {@code min} to {@code max}. */
    public static BigDecimal decimal(String text, BigDecimal min, BigDecimal max) {
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a decimal number such as 0.7");
        }
        BigDecimal n = t.length() > MAX_DIGITS ? null : new BigDecimal(t);
        if (n == null || n.compareTo(min) < 0 || max != null && n.compareTo(max) > 0) {
            throw new IllegalArgumentException("'" + text + "' must be "
                    + (max == null ? "at least " + min.toPlainString() : "between " + min.toPlainString() + " and " + max.toPlainString()));
        }
        return n;
    }

    // ---- each value arena takes, for its option and its config key alike

    /** {@code --rounds}, {@code rounds}: 1 to 50. */
    public static int rounds(String text) {
        return (int) wholeNumber(text, 1, 50);
    }

    /** {@code --temperature}, {@code temperature}: a plain decimal from 0 to 2. */
    public static double temperature(String text) {
        return decimal(text, BigDecimal.ZERO, BigDecimal.valueOf(2)).doubleValue();
    }

    /** {@code --max-tokens}, {@code max-tokens}: 1 or more (as an int: servers take no more). */
    public static int maxTokens(String text) {
        return (int) wholeNumber(text, 1, Integer.MAX_VALUE);
    }

    /** {@code --retries}, {@code retries}: 0 to 100; more would only delay a fallback bound to come. */
    public static int retries(String text) {
        return (int) wholeNumber(text, 0, 100);
    }

    /** {@code --idle-timeout}, {@code idle-timeout}: more than zero, at most a year. */
    public static Duration idleTimeout(String text) {
        return positiveDuration(text);
    }

    /** {@code --seed}: any whole number a long holds. */
    public static long seed(String text) {
        return wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** {@code models --max-price}: USD per million tokens, a plain decimal, 0 or more. */
    public static BigDecimal maxPrice(String text) {
        return decimal(text, BigDecimal.ZERO, null);
    }

    /** {@code models --min-context}: tokens, 0 or more. */
    public static long minContext(String text) {
        return wholeNumber(text, 0, Long.MAX_VALUE);
    }

    // ---- the same checks for values that arrive as numbers, from code that did not parse
    // them (a tournament building many debates, a test): the text the number stands for goes
    // through the check above, so the limits and the sentence are the ones a user typing it gets.

    /** {@link #rounds(String)} of a number. */
    public static int rounds(int n) {
        return rounds(Integer.toString(n));
    }

    /** {@link #temperature(String)} of a number, written as people do ({@code 0.00001}, not {@code 1.0E-5}). */
    public static double temperature(double t) {
        return temperature(Double.isFinite(t) ? BigDecimal.valueOf(t).toPlainString() : Double.toString(t));
    }

    /** {@link #maxTokens(String)} of a number. */
    public static int maxTokens(int n) {
        return maxTokens(Integer.toString(n));
    }

    // ---- the kinds of value

    /** A duration more than zero, as {@link Durations#parse} reads it. */
    public static Duration positiveDuration(String text) {
        Duration d = Durations.parse(text);
        if (d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be more than zero");
        }
        return d;
    }

    /**
     * One rate limit, {@code N/UNIT} or {@code MODEL=N/UNIT}: at most one {@code =}, a model
     * before it, and a rate as {@link Rate#parse} reads it.
     */
    public static String rateLimit(String text) {
        String spec = text.strip();
        int eq = spec.indexOf('=');
        if (eq >= 0 && spec.indexOf('=', eq + 1) >= 0) {
            throw new IllegalArgumentException("'" + text + "' has more than one '='; write MODEL=N/UNIT, e.g. openai/gpt-4o=5/min");
        }
        if (eq == 0 || eq > 0 && spec.substring(0, eq).isBlank()) {
            throw new IllegalArgumentException("'" + text + "' names no model before '='");
        }
        Rate.parse(eq < 0 ? spec : spec.substring(eq + 1));
        return spec;
    }

    private static String range(long min, long max) {
        if (min == Long.MIN_VALUE) {
            return "between " + min + " and " + max;
        }
        return max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
    }
}
