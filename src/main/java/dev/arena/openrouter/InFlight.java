package dev.arena.openrouter;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * The request being served: first a pending future (waiting for headers), then the body
 * stream. Aborting it, from the idle watchdog or a cancel, works in either phase.
 */
final class InFlight implements Closeable {

    private volatile CompletableFuture<?> future;
    private volatile InputStream body;
    private volatile boolean aborted;

    void future(CompletableFuture<?> pending) {
        this.future = pending;
        if (aborted) {
            pending.cancel(true);
        }
    }

    void body(InputStream stream) throws IOException {
        this.body = stream;
        if (aborted) {
            stream.close();
        }
    }

    void abort() {
        aborted = true;
        CompletableFuture<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
        InputStream b = body;
        if (b != null) {
            try {
                b.close();
            } catch (IOException ignored) {
                // Aborting anyway; the reader sees the failure.
            }
        }
    }

    @Override
    public void close() {
        abort();
    }
}
