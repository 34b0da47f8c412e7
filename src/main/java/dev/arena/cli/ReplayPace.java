package dev.arena.cli;

import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.store.Pace;

import java.time.Duration;
import java.time.Instant;

/**
 * The pace of {@code arena replay}: each event waits for the time that passed before it in the
 * record, divided by the speed ({@code --speed 2} twice as fast, 0 no waiting), and never more
 * than {@link #LONGEST_PAUSE}, so a long stall or rate-limit wait in the record does not
 * freeze the replay. Waits end at once on a cancel (Ctrl-C).
 */
final class ReplayPace implements Pace {

    static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private final double speed;
    private final Cancellation cancel;
    private Instant last;

    ReplayPace(double speed, Cancellation cancel) {
        this.speed = speed;
        this.cancel = cancel;
    }

    @Override
    public void reach(Instant recorded) throws CancelledException {
        cancel.throwIfCancelled();
        if (recorded == null) {
            return;
        }
        if (last == null || !recorded.isAfter(last)) {
            last = last == null ? recorded : last;
            return;
        }
        Duration gap = Duration.between(last, recorded);
        last = recorded;
        if (speed > 0) {
            long nanos = (long) Math.min(gap.toNanos() / speed, LONGEST_PAUSE.toNanos());
            cancel.sleep(Duration.ofNanos(nanos));
        }
    }
}
