package dev.arena.openrouter;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cuts a stream that has gone silent. The JDK's request timeout only covers the wait for
 * response headers (JDK-8208693), so a stalled body would otherwise hang forever. Every
 * read that returns bytes, comments included, counts as activity.
 */
final class IdleWatchdog {

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arena-idle-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final long idleNanos;
    private final Runnable onIdle;
    private final ScheduledFuture<?> check;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean fired;

    IdleWatchdog(Duration idle, Runnable onIdle) {
        this.idleNanos = idle.toNanos();
        this.onIdle = onIdle;
        // Checking ten times per timeout keeps the cut within 10% of the configured time.
        long period = Math.max(10_000_000L, Math.min(idleNanos / 10, 1_000_000_000L));
        this.check = SCHEDULER.scheduleAtFixedRate(this::checkIdle, period, period, TimeUnit.NANOSECONDS);
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    boolean fired() {
        return fired;
    }

    void stop() {
        check.cancel(false);
    }

    private void checkIdle() {
        if (!fired && System.nanoTime() - lastActivity >= idleNanos) {
            fired = true;
            check.cancel(false);
            onIdle.run();
        }
    }
}
