package dev.arena.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({
        "10/min, 10, 60, min",
        "10/m, 10, 60, min",
        "2/s, 2, 1, s",
        "2/sec, 2, 1, s",
        "100/h, 100, 3600, h",
        "100/hour, 100, 3600, h",
        "'5 / min', 5, 60, min",
        "' 5/MIN ', 5, 60, min",
        "1/S, 1, 1, s",
    })
    void parses(String text, long requests, long periodSeconds, String unit) {
        Rate rate = Rate.parse(text);
        assertEquals(requests, rate.requests());
        assertEquals(Duration.ofSeconds(periodSeconds), rate.period());
        assertEquals(unit, rate.unit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "10/", "/min", "10/day", "10 per min", "-1/min", "1.5/s", "ten/min", "10/min/s"})
    void rejectsWithHelpfulMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rate.parse(text));
        assertTrue(e.getMessage().contains("10/min"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/min", "0/s", "00/h"})
    void zeroRequestsRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rate.parse(text));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }

    @Test
    void constructorRejectsZero() {
        assertThrows(IllegalArgumentException.class, () -> new Rate(0, Duration.ofSeconds(1), "s"));
    }

    @ParameterizedTest
    @CsvSource({"10/min, 10/min", "10/m, 10/min", "2/sec, 2/s", "'5 / min', 5/min", "100/HOUR, 100/h"})
    void toStringIsCanonicalAndParsesBack(String text, String canonical) {
        Rate rate = Rate.parse(text);
        assertEquals(canonical, rate.toString());
        assertEquals(rate, Rate.parse(rate.toString()));
    }

    @Test
    void defaultIsTenPerMinute() {
        assertEquals(Rate.parse("10/min"), Rate.DEFAULT);
    }
}
