package dev.arena.cli;

import dev.arena.openrouter.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code --since} of {@code arena logs}: a duration back from now ({@code 2h}, {@code 3d}, as
 * {@link Durations} reads them), or a local date ({@code 2026-11-30}, from its midnight) or date
 * and time ({@code 2026-11-30T12:00}, seconds optional). A bad value is a usage error.
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
