package dev.arena.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** --since: durations back from now, and dates and times in the local zone. */
class SinceConverterTest {

    private final SinceConverter since = new SinceConverter(
            Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneId.of("Europe/Paris")));

    @Test
    void aDurationCountsBackFromNow() {
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), since.convert("2h"));
        assertEquals(Instant.parse("2026-11-28T12:00:00Z"), since.convert("3d"));
        assertEquals(Instant.parse("2026-12-01T11:30:00Z"), since.convert(" 30m "));
    }

    @Test
    void aDateIsItsLocalMidnightAndATimeIsLocalToo() {
        assertEquals(Instant.parse("2026-11-29T23:00:00Z"), since.convert("2026-11-30"));
        assertEquals(Instant.parse("2026-11-30T11:00:00Z"), since.convert("2026-11-30T12:00"));
        assertEquals(Instant.parse("2026-11-30T11:00:30Z"), since.convert("2026-11-30T12:00:30"));
    }

    @Test
    void aTimeWithZOrAnOffsetIsThatInstantAsArenaPrintsThem() {
        assertEquals(Instant.parse("2026-12-01T22:51:34.120Z"), since.convert("2026-12-01T22:51:34.120Z"));
        assertEquals(Instant.parse("2026-12-02T00:31:00Z"), since.convert("2026-12-02T00:31:00Z"));
        assertEquals(Instant.parse("2026-12-01T23:31:00Z"), since.convert("2026-12-02T00:31:00+01:00"));
    }

    @Test
    void anythingElseSaysWhatItTakes() {
        String expected = "'2026-02-30' is neither a duration (30m, 2h, 3d) nor a date (2026-11-30, 2026-11-30T12:00)";
        assertEquals(expected, assertThrows(TypeConversionException.class, () -> since.convert("2026-02-30")).getMessage());
        assertEquals("'9999d' is too long (at most 365 days)",
                assertThrows(TypeConversionException.class, () -> since.convert("9999d")).getMessage());
    }
}
