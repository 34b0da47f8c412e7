package dev.arena.cli;

import dev.arena.store.Pace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The pace of {@code logs show} and {@code logs export}: no waiting, each text whole, and a
 * clock that reads the recorded time of the event being given, so the JSON Lines events that
 * carry no time of their own (deltas, the verdict) are stamped with when they happened, not
 * with when they were exported.
 */
final class RecordedClock extends Clock implements Pace {

    private Instant now = Instant.EPOCH;

    @Override
    public void reach(Instant recorded) {
        if (recorded != null) {
            now = recorded;
        }
    }

    @Override
    public boolean piecewise() {
        return false;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
