package dev.arena.cli;

import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay's waits: as recorded over the speed, at most 2 s each, none at speed 0, and none once cancelled. */
class ReplayPaceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static long millis(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void reach(ReplayPace pace, Instant at) {
        try {
            pace.reach(at);
        } catch (CancelledException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anHourInTheRecordIsTwoSecondsAndTheSpeedDividesTheRest() {
        ReplayPace pace = new ReplayPace(2, new Cancellation());
        reach(pace, T0);
        long half = millis(() -> reach(pace, T0.plusMillis(600)));
        assertTrue(half >= 250 && half < 1_500, "600 ms at speed 2: " + half + " ms");
        long capped = millis(() -> reach(pace, T0.plusSeconds(3600)));
        assertTrue(capped >= 1_900 && capped < 3_500, "an hour's stall is the 2 s cap: " + capped + " ms");
        long backwards = millis(() -> reach(pace, T0));
        assertTrue(backwards < 200, "an earlier time waits nothing: " + backwards + " ms");
    }

    @Test
    void speedZeroNeverWaitsAndACancelEndsTheReplay() throws CancelledException {
        ReplayPace instant = new ReplayPace(0, new Cancellation());
        reach(instant, T0);
        long none = millis(() -> reach(instant, T0.plusSeconds(3600)));
        assertTrue(none < 200, none + " ms");
        Cancellation cancel = new Cancellation();
        ReplayPace pace = new ReplayPace(1, cancel);
        pace.reach(T0);
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancel.cancel();
        }).start();
        long start = System.nanoTime();
        assertThrows(CancelledException.class, () -> pace.reach(T0.plusSeconds(60)));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1_500, "Ctrl-C does not wait out the pause");
    }
}
