package dev.arena.cli;

import dev.arena.openrouter.Cancellation;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns Ctrl-C into a cancellation of the request in flight, so the stream is closed, what
 * arrived is kept, and arena exits 130 through its normal path; a second Ctrl-C ends the
 * process at once. A {@code kill} (SIGTERM) cancels the same way and gives the main thread
 * a moment to finish writing, so transcripts end complete rather than mid-write.
 */
final class StopSignals implements AutoCloseable {

    private static final Signal INT = new Signal("INT");
    private static final long GRACE_SECONDS = 3;
    /** Signals closer together than this are one press. */
    private static final long SAME_PRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final SignalHandler previous;
    private final Thread shutdownHook;
    private final CountDownLatch finished = new CountDownLatch(1);

    private StopSignals(Cancellation cancellation) {
        AtomicLong firstPress = new AtomicLong();
        previous = Signal.handle(INT, signal -> {
            long now = System.nanoTime();
            if (!firstPress.compareAndSet(0, now)) {
                // One Ctrl-C can arrive twice (a tool such as timeout passes it on and then
                // signals its whole group): only a second press a moment later means "now".
                if (now - firstPress.get() >= SAME_PRESS_NANOS) {
                    Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
                }
                return;
            }
            cancellation.cancel();
        });
        shutdownHook = new Thread(() -> {
            cancellation.cancel();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "arena-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static StopSignals cancel(Cancellation cancellation) {
        return new StopSignals(cancellation);
    }

    @Override
    public void close() {
        finished.countDown();
        Signal.handle(INT, previous);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running and has just been released by the countDown above.
        }
    }
}
