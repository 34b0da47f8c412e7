package dev.arena.openrouter;

import org.junit.jupiter.api.Test;

import java.io.Closeable;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancellationTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    /** A stream that counts how often it was closed. */
    private static final class Stream implements Closeable {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    // ---- many attached requests ----

    /** Runs {@code work} on {@code threads} threads that start together, {@code meanwhile} here once they have, and waits for all. */
    private static void concurrently(int threads, Callable<?> work, Runnable meanwhile) throws Exception {
        CountDownLatch started = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    started.countDown();
                    started.await();
                    return work.call();
                }));
            }
            started.await();
            meanwhile.run();
            for (Future<?> f : running) {
                f.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancelClosesExactlyTheStreamsStillAttachedAfterConcurrentAttachAndDetach() throws Exception {
        int threads = 8;
        int perThread = 500;
        Cancellation cancel = new Cancellation();
        Set<Stream> kept = ConcurrentHashMap.newKeySet();
        Set<Stream> detached = ConcurrentHashMap.newKeySet();
        concurrently(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                Stream stream = new Stream();
                Cancellation.Attachment attachment = cancel.attach(stream);
                if (i % 3 == 0) {
                    kept.add(stream);
                } else {
                    attachment.close();
                    detached.add(stream);
                }
            }
            return null;
        }, () -> { });

        cancel.cancel();

        assertEquals(threads * perThread, kept.size() + detached.size());
        assertTrue(kept.stream().allMatch(s -> s.closes.get() == 1), "every stream still attached is closed once");
        assertTrue(detached.stream().allMatch(s -> s.closes.get() == 0), "no detached stream is closed");
    }

    @Test
    void aCancelRacingWithAttachesClosesEveryStreamOnce() throws Exception {
        Cancellation cancel = new Cancellation();
        Set<Stream> streams = ConcurrentHashMap.newKeySet();
        concurrently(8, () -> {
            while (true) {
                Stream stream = new Stream();
                streams.add(stream);
                try {
                    cancel.attach(stream);
                } catch (CancelledException e) {
                    return null;
                }
            }
        }, cancel::cancel);

        assertTrue(streams.stream().allMatch(s -> s.closes.get() == 1),
                "each stream is closed once, by the cancel or by the attach that came after it");
    }

    @Test
    void detachingOneAttachmentRemovesThatOneOnly() throws Exception {
        Cancellation cancel = new Cancellation();
        Stream twice = new Stream();
        Stream other = new Stream();
        Cancellation.Attachment first = cancel.attach(twice);
        cancel.attach(twice);
        cancel.attach(other);

        first.close();
        cancel.cancel();

        assertEquals(1, twice.closes.get(), "its second attachment still held it");
        assertEquals(1, other.closes.get());
    }

    @Test
    void attachingAfterCancelClosesTheStreamAndThrows() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        Stream stream = new Stream();

        assertThrows(CancelledException.class, () -> cancel.attach(stream));
        assertEquals(1, stream.closes.get());
    }

    // ---- children ----

    @Test
    void cancellingTheParentCancelsItsChildrenAndTheirStreams() throws Exception {
        Cancellation root = new Cancellation();
        Cancellation child = root.child();
        Cancellation grandchild = child.child();
        Stream stream = new Stream();
        grandchild.attach(stream);

        root.cancel();

        assertTrue(child.isCancelled());
        assertTrue(grandchild.isCancelled());
        assertThrows(CancelledException.class, grandchild::throwIfCancelled);
        assertEquals(1, stream.closes.get());
    }

    @Test
    void aChildOfAnAlreadyCancelledParentIsBornCancelled() {
        Cancellation root = new Cancellation();
        root.cancel();

        Cancellation child = root.child();

        assertTrue(child.isCancelled());
        assertThrows(CancelledException.class, () -> child.attach(new Stream()));
    }

    @Test
    void cancellingAChildCancelsNeitherItsParentNorItsSiblings() throws Exception {
        Cancellation root = new Cancellation();
        Cancellation child = root.child();
        Cancellation sibling = root.child();
        Stream parentStream = new Stream();
        Stream siblingStream = new Stream();
        root.attach(parentStream);
        sibling.attach(siblingStream);

        child.cancel();

        assertTrue(child.isCancelled());
        assertFalse(root.isCancelled());
        assertFalse(sibling.isCancelled());
        assertEquals(0, parentStream.closes.get());
        assertEquals(0, siblingStream.closes.get());
    }

    @Test
    void aReleasedChildIsNoLongerReachedByItsParent() {
        Cancellation root = new Cancellation();
        Cancellation released = root.child();
        Cancellation held = root.child();

        released.release();
        root.cancel();

        assertFalse(released.isCancelled());
        assertTrue(held.isCancelled());
    }

    @Test
    void releasedChildrenAreNotRetainedByTheParent() throws InterruptedException {
        Cancellation root = new Cancellation();
        List<WeakReference<Cancellation>> released = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Cancellation child = root.child();
            child.release();
            released.add(new WeakReference<>(child));
        }
        Cancellation heldChild = root.child();
        WeakReference<Cancellation> held = new WeakReference<>(heldChild);
        heldChild = null;

        long deadline = System.nanoTime() + BOUND.toNanos();
        while (released.stream().anyMatch(ref -> ref.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }

        for (WeakReference<Cancellation> ref : released) {
            assertNull(ref.get(), "a released child was still held");
        }
        assertNotNull(held.get(), "a child not released is held, so the parent's cancel reaches it");
        root.cancel();
        assertTrue(held.get().isCancelled());
    }

    // ---- sleeping ----

    @Test
    void theParentsCancelWakesAChildsSleep() throws Exception {
        Cancellation root = new Cancellation();
        Cancellation child = root.child();
        CountDownLatch sleeping = new CountDownLatch(1);
        Thread canceller = new Thread(() -> {
            try {
                sleeping.await();
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            root.cancel();
        });
        canceller.start();

        assertTimeoutPreemptively(BOUND, () -> assertThrows(CancelledException.class, () -> {
            sleeping.countDown();
            child.sleep(Duration.ofMinutes(5));
        }));
        canceller.join();
    }

    @Test
    void aSleepThatIsNotCancelledRunsItsTime() throws CancelledException {
        Cancellation root = new Cancellation();
        Cancellation child = root.child();
        root.child().cancel();

        long start = System.nanoTime();
        child.sleep(Duration.ofMillis(50));

        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
        assertFalse(child.isCancelled());
    }
}
