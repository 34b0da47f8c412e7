package dev.arena.openrouter;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lets another thread (a Ctrl-C handler, a closed pipe) stop the requests in flight.
 * Cancelling closes their response streams, which is how the JDK HttpClient aborts a body
 * that is being read (JDK-8294916); it also wakes any backoff or rate-limit sleep.
 *
 * <p>Cancellations form a tree: a tournament holds one root that Ctrl-C cancels, and makes a
 * {@link #child()} per debate, so one debate can be stopped without touching the others while
 * one cancel of the root still reaches every request of every debate. Streams are closed, and
 * children cancelled, outside the lock: closing a stream may block on the network.
 */
public final class Cancellation {

    private final Cancellation parent;
    // Identity sets: neither Attachment nor Cancellation overrides equals.
    private final Set<Attachment> attached = new HashSet<>();
    private final Set<Cancellation> children = new HashSet<>();
    private volatile boolean cancelled;

    public Cancellation() {
        this(null);
    }

    private Cancellation(Cancellation parent) {
        this.parent = parent;
    }

    /**
     * A cancellation that this one's cancel reaches (at once, if this one is already
     * cancelled), and whose own cancel reaches neither this one nor its other children.
     * {@link #release()} it when its work is done, or this one keeps it until cancelled.
     */
    public Cancellation child() {
        Cancellation child = new Cancellation(this);
        synchronized (this) {
            if (!cancelled) {
                children.add(child);
                return child;
            }
        }
        child.cancel();
        return child;
    }

    /**
     * Lets go of the parent: its cancel no longer reaches this one, and it no longer holds
     * this one. Does nothing on a root or a child already released.
     */
    public void release() {
        if (parent != null) {
            parent.forget(this);
        }
    }

    private synchronized void forget(Cancellation child) {
        children.remove(child);
    }

    public void cancel() {
        List<Attachment> toClose;
        List<Cancellation> toCancel;
        synchronized (this) {
            if (cancelled) {
                return; // whatever was attached since was closed by attach itself
            }
            cancelled = true;
            toClose = new ArrayList<>(attached);
            toCancel = new ArrayList<>(children);
            attached.clear();
            children.clear();
            notifyAll();
        }
        toClose.forEach(attachment -> closeQuietly(attachment.stream));
        toCancel.forEach(Cancellation::cancel);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() throws CancelledException {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /**
     * Registers a stream to close on cancel, until the returned attachment is closed; closes
     * the stream at once, and throws, if already cancelled.
     */
    Attachment attach(Closeable stream) throws CancelledException {
        Attachment attachment = new Attachment(stream);
        synchronized (this) {
            if (!cancelled) {
                attached.add(attachment);
                return attachment;
            }
        }
        closeQuietly(stream);
        throw new CancelledException();
    }

    private synchronized void detach(Attachment attachment) {
        attached.remove(attachment);
    }

    /** Sleeps for the given time, or less if cancelled meanwhile (or interrupted, which cancels). */
    public void sleep(Duration duration) throws CancelledException {
        long deadline = System.nanoTime() + duration.toNanos();
        boolean interrupted = false;
        synchronized (this) {
            while (!cancelled && !interrupted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            cancel(); // outside the lock: it closes streams
        }
        throw new CancelledException();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // The stream is being abandoned; a failure to close it changes nothing.
        }
    }

    /** One stream's registration; closing it removes exactly that stream, never another's. */
    final class Attachment implements AutoCloseable {

        private final Closeable stream;

        private Attachment(Closeable stream) {
            this.stream = stream;
        }

        @Override
        public void close() {
            detach(this);
        }
    }
}
