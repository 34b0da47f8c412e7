package dev.arena.cli;

import dev.arena.openrouter.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code --since} of {@code arena logs}: a duration back from now ({@code 2h}, {@code 3d}, as
 * {@link Durations} reads them), or a local date ({@code 2026-11-30}, from its midnight) or date
 * and time ({@code 2026-11-30T12:00}, seconds optional), or an instant with {@code Z} or an
 * offset ({@code 2026-12-01T22:51:34.120Z}, as the store and {@code logs --json} print times).
 * A bad value is a usage error.
 */
final class SinceConverter implements ITypeConverter<Instant> {

    private final Clock clock;

    SinceConverter() {
        this(Clock.systemDefaultZone());
    }

    SinceConverter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        String text = value.strip();
        if (text.contains("-")) {
            try {
                // A time with Z or an offset is an instant, as arena prints them (logs --json).
                if (text.contains("T") && (text.endsWith("Z") || text.endsWith("z") || text.matches(".*T.*[+-]\\d\\d:?\\d\\d$"))) {
                    return OffsetDateTime.parse(text.endsWith("z") ? text.substring(0, text.length() - 1) + "Z" : text).toInstant();
                }
                LocalDateTime local = text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
                return local.atZone(clock.getZone()).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(notADate(value));
            }
        }
        try {
            return clock.instant().minus(Durations.parse(text));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage().contains("too long") ? e.getMessage() : notADate(value));
        }
    }

    private static String notADate(String value) {
        return "'" + value + "' is neither a duration (30m, 2h, 3d) nor a date (2026-11-30, 2026-11-30T12:00)";
    }
}
