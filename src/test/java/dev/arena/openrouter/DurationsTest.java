package dev.arena.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "''{0}'' = {1} ms")
    @CsvSource({
        "500ms, 500",
        "30s, 30000",
        "2m, 120000",
        "1h, 3600000",
        "1.5s, 1500",
        "0.5m, 30000",
        "90, 90000",
        "2.5, 2500",
        "0, 0",
        "' 30s ', 30000",
        "'30 s', 30000",
        "'\t500 ms\n', 500",
        "30S, 30000",
        "500MS, 500",
        "2M, 120000",
        "1H, 3600000",
        "0.4ms, 0",
        "1.6ms, 2",
        "2d, 172800000",
        "365d, 31536000000",
        "1D, 86400000",
    })
    void parses(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "s", "abc", "-5s", "+5s", "5x", "5 sec", "5min", "1.s", ".5s", "1,5s", "5s5",
        "1h30m", "5 5s", "1e3"})
    void rejectsWithHelpfulMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("500ms") && e.getMessage().contains("30s"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"366d", "8761h", "525601m"})
    void overAYearIsTooLongInOneSentenceWhateverTheUnit(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("'" + text + "' is too long (at most 365 days)", e.getMessage());
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({
        "0, 0ms",
        "450, 450ms",
        "999, 999ms",
        "1000, 1.0s",
        "1234, 1.2s",
        "1250, 1.3s",
        "9900, 9.9s",
        "9949, 9.9s",
        "9950, 10s",
        "9999, 10s",
        "10000, 10s",
        "10499, 10s",
        "10500, 11s",
        "42000, 42s",
        "59000, 59s",
        "59499, 59s",
        "59500, 1m00s",
        "60000, 1m00s",
        "185000, 3m05s",
        "3599000, 59m59s",
        "3599600, 1h00m",
        "3600000, 1h00m",
        "7500000, 2h05m",
        "86369000, 23h59m",
        "86370000, 1d00h",
        "273600000, 3d04h",
        "9223372036854775807, 106751991167d07h",
        "-5, 0ms",
    })
    void formats(long millis, String expected) {
        assertEquals(expected, Durations.format(Duration.ofMillis(millis)));
    }

    @org.junit.jupiter.api.Test
    void theLongestDurationFormatsInDays() {
        assertEquals("106751991167300d16h", Durations.format(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
        assertEquals("0ms", Durations.format(Duration.ofSeconds(Long.MIN_VALUE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "1.5s", "42s"})
    void formatOfParseRoundTrips(String text) {
        assertEquals(text, Durations.format(Durations.parse(text)));
    }
}
