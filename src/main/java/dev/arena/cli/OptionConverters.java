package dev.arena.cli;

import dev.arena.config.ValueChecks;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Function;

/**
 * The options' values go through the same checks as the config file's and the
 * environment's ({@link ValueChecks}), so one value gives one sentence wherever it was
 * written: picocli shows it as {@code Invalid value for option '--temperature': ...}, a usage
 * error (exit 2), where the config file names its line (exit 3). Option defaults, from
 * arena or from the config file, pass through the same converters.
 */
final class OptionConverters {

    private OptionConverters() {
    }

    private static <T> T checked(Function<String, T> check, String value) {
        try {
            return check.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static final class Rounds implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return checked(ValueChecks::rounds, value);
        }
    }

    static final class Temperature implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return checked(ValueChecks::temperature, value);
        }
    }

    static final class MaxTokens implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return checked(ValueChecks::maxTokens, value);
        }
    }

    static final class Retries implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return checked(ValueChecks::retries, value);
        }
    }

    static final class IdleTimeout implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return checked(ValueChecks::idleTimeout, value);
        }
    }

    /** One piece of {@code --rate-limit} (the option splits at commas), checked and kept as written. */
    static final class RateLimit implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(ValueChecks::rateLimit, value);
        }
    }

    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return checked(ValueChecks::seed, value);
        }
    }

    static final class MaxPrice implements ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            return checked(ValueChecks::maxPrice, value);
        }
    }

    /**
     * A whole number whose range its command checks, with its own wording: here only the form,
     * so that {@code abc} reads "is not a whole number", not picocli's "is not an int".
     */
    static final class WholeNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return checked(v -> (int) ValueChecks.wholeNumber(v, Integer.MIN_VALUE, Integer.MAX_VALUE), value);
        }
    }

    /** {@code tournament --budget}: dollars, a plain decimal, 0 or more (not picocli's "is not a double"). */
    static final class Budget implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return checked(v -> ValueChecks.decimal(v, BigDecimal.ZERO, null).doubleValue(), value);
        }
    }

    static final class MinContext implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return checked(ValueChecks::minContext, value);
        }
    }
}
