package dev.arena.openrouter;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * Lets another thread (a Ctrl-C handler, a closed pipe) stop the request in flight.
 * Cancelling closes the response stream, which is how the JDK HttpClient aborts a body
 * that is being read (JDK-8294916); it also wakes any backoff or rate-limit sleep.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private Closeable inFlight;

    public void cancel() {
        Closeable toClose;
        synchronized (this) {
            cancelled = true;
            toClose = inFlight;
            inFlight = null;
            notifyAll();
        }
        closeQuietly(toClose);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() throws CancelledException {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** Registers the stream to close on cancel; closes it at once if already cancelled. */
    void attach(Closeable stream) throws CancelledException {
        synchronized (this) {
            if (!cancelled) {
                inFlight = stream;
                return;
            }
        }
        closeQuietly(stream);
        throw new CancelledException();
    }

    synchronized void detach() {
        inFlight = null;
    }

    /** Sleeps for the given time, or less if cancelled meanwhile. */
    public void sleep(Duration duration) throws CancelledException {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (this) {
            while (!cancelled) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                }
            }
        }
        throw new CancelledException();
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // The stream is being abandoned; a failure to close it changes nothing.
        }
    }
}
