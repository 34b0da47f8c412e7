package dev.arena.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Timings are kept loose on purpose (the machine is shared): the tests check which events
 * happen and in what order, and only generous upper bounds on how long things take.
 */
class RateLimitsTest {

    private static final Duration GENEROUS = Duration.ofSeconds(3);

    record Wait(String model, Duration length, String reason) {
    }

    /** Records every wait; other events must not happen during acquire. Can cancel on the first wait. */
    static final class Recorder implements ChainListener {
        final List<Wait> waits = new CopyOnWriteArrayList<>();
        final CountDownLatch waited = new CountDownLatch(1);
        private final Cancellation cancelOnWait;

        Recorder() {
            this(null);
        }

        Recorder(Cancellation cancelOnWait) {
            this.cancelOnWait = cancelOnWait;
        }

        @Override
        public void onWait(String model, Duration wait, String reason) {
            waits.add(new Wait(model, wait, reason));
            waited.countDown();
            if (cancelOnWait != null) {
                cancelOnWait.cancel();
            }
        }

        @Override
        public void onAttempt(String model, boolean continuing) {
            throw new AssertionError("unexpected onAttempt");
        }

        @Override
        public void onContent(String text) {
            throw new AssertionError("unexpected onContent");
        }

        @Override
        public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
            throw new AssertionError("unexpected onRetry");
        }

        @Override
        public void onFallback(ApiException failure, String nextModel, boolean continuing) {
            throw new AssertionError("unexpected onFallback");
        }
    }

    private static Duration timed(ThrowingRunnable action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void twoPerSecondLetsTwoThroughThenAnnouncesTheWait() throws Exception {
        RateLimits limits = new RateLimits(Rate.parse("2/s"), Map.of());
        Recorder recorder = new Recorder();
        Cancellation cancel = new Cancellation();

        limits.acquire("m", recorder, cancel);
        limits.acquire("m", recorder, cancel);
        assertEquals(List.of(), recorder.waits, "the first two requests fit in the bucket");

        Duration took = timed(() -> limits.acquire("m", recorder, cancel));

        assertFalse(recorder.waits.isEmpty(), "the third request must be announced as waiting");
        Wait first = recorder.waits.get(0);
        assertEquals("m", first.model());
        assertTrue(!first.length().isNegative() && !first.length().isZero(), "wait " + first.length());
        assertTrue(first.length().compareTo(Duration.ofMillis(500)) <= 0, "wait " + first.length());
        assertTrue(first.reason().contains("2/s"), first.reason());
        assertTrue(took.compareTo(GENEROUS) < 0, "acquire took " + took);
        assertFalse(cancel.isCancelled());
    }

    @Test
    void pauseMakesTheNextAcquireWaitForTheServer() throws Exception {
        RateLimits limits = new RateLimits(Rate.parse("100/s"), Map.of());
        Recorder recorder = new Recorder();

        limits.pause("m", Duration.ofMillis(300));
        Duration took = timed(() -> limits.acquire("m", recorder, new Cancellation()));

        assertFalse(recorder.waits.isEmpty());
        Wait first = recorder.waits.get(0);
        assertEquals("m", first.model());
        assertTrue(first.length().compareTo(Duration.ofMillis(300)) <= 0 && !first.length().isZero(), "wait " + first.length());
        assertTrue(first.reason().contains("server"), first.reason());
        assertTrue(took.compareTo(GENEROUS) < 0, "acquire took " + took);
    }

    @Test
    void pauseConcernsOnlyItsModel() throws Exception {
        RateLimits limits = new RateLimits(Rate.parse("100/s"), Map.of());
        Recorder recorder = new Recorder();
        limits.pause("slow", Duration.ofHours(1));
        limits.acquire("other", recorder, new Cancellation());
        assertEquals(List.of(), recorder.waits);
    }

    @Test
    void aShorterPauseDoesNotShortenALongerOne() {
        RateLimits limits = new RateLimits(Rate.parse("100/s"), Map.of());
        limits.pause("m", Duration.ofSeconds(60));
        limits.pause("m", Duration.ofMillis(1));
        Cancellation cancel = new Cancellation();
        Recorder recorder = new Recorder(cancel);

        assertThrows(CancelledException.class, () -> limits.acquire("m", recorder, cancel));
        assertEquals(1, recorder.waits.size());
        assertTrue(recorder.waits.get(0).length().compareTo(Duration.ofSeconds(50)) > 0, "wait " + recorder.waits.get(0));
    }

    @Test
    void hugePauseDoesNotOverflow() {
        // A Retry-After of thousands of years must hold the model, not crash with an ArithmeticException.
        RateLimits limits = new RateLimits(Rate.parse("100/s"), Map.of());
        limits.pause("m", Duration.ofDays(365L * 10_000));
        limits.pause("m", Duration.ofSeconds(Long.MAX_VALUE));
        Cancellation cancel = new Cancellation();
        Recorder recorder = new Recorder(cancel);

        assertThrows(CancelledException.class, () -> limits.acquire("m", recorder, cancel));
        assertTrue(recorder.waits.get(0).length().compareTo(Duration.ofDays(365)) > 0, "wait " + recorder.waits.get(0));
    }

    @Test
    void perModelRateOverridesTheDefault() throws Exception {
        RateLimits limits = new RateLimits(Rate.parse("1/h"), Map.of("fast", Rate.parse("100/s")));
        assertEquals(Rate.parse("100/s"), limits.rateOf("fast"));
        assertEquals(Rate.parse("1/h"), limits.rateOf("anything-else"));

        Recorder recorder = new Recorder();
        for (int i = 0; i < 20; i++) {
            limits.acquire("fast", recorder, new Cancellation());
        }
        assertEquals(List.of(), recorder.waits, "100/s lets 20 requests through at once");

        limits.acquire("slow", recorder, new Cancellation());
        Cancellation cancel = new Cancellation();
        Recorder slowRecorder = new Recorder(cancel);
        assertThrows(CancelledException.class, () -> limits.acquire("slow", slowRecorder, cancel));
        Wait wait = slowRecorder.waits.get(0);
        assertEquals("slow", wait.model());
        assertTrue(wait.reason().contains("1/h"), wait.reason());
        assertTrue(wait.length().compareTo(Duration.ofMinutes(50)) > 0, "wait " + wait.length());
    }

    @Test
    void modelsHaveSeparateBuckets() throws Exception {
        RateLimits limits = new RateLimits(Rate.parse("1/h"), Map.of());
        Recorder recorder = new Recorder();
        limits.acquire("a", recorder, new Cancellation());
        limits.acquire("b", recorder, new Cancellation());
        assertEquals(List.of(), recorder.waits, "b has its own bucket");

        Cancellation cancel = new Cancellation();
        Recorder second = new Recorder(cancel);
        assertThrows(CancelledException.class, () -> limits.acquire("a", second, cancel));
        assertEquals(1, second.waits.size());
        assertEquals("a", second.waits.get(0).model());
    }

    @Test
    void cancelFromAnotherThreadEndsTheWaitPromptly() throws Exception {
        RateLimits limits = new RateLimits(Rate.parse("1/h"), Map.of());
        Cancellation cancel = new Cancellation();
        Recorder recorder = new Recorder();
        limits.acquire("m", recorder, cancel);

        AtomicReference<Throwable> helperFailure = new AtomicReference<>();
        Thread canceller = new Thread(() -> {
            try {
                if (recorder.waited.await(10, TimeUnit.SECONDS)) {
                    cancel.cancel();
                } else {
                    helperFailure.set(new AssertionError("acquire never announced its wait"));
                    cancel.cancel();
                }
            } catch (InterruptedException e) {
                helperFailure.set(e);
            }
        }, "canceller");
        canceller.start();

        long start = System.nanoTime();
        assertThrows(CancelledException.class, () -> limits.acquire("m", recorder, cancel));
        Duration afterWaitAnnounced = Duration.ofNanos(System.nanoTime() - start);
        canceller.join(10_000);

        assertEquals(null, helperFailure.get());
        assertEquals(1, recorder.waits.size());
        assertTrue(afterWaitAnnounced.compareTo(GENEROUS) < 0, "cancel took " + afterWaitAnnounced);
    }

    @Test
    void alreadyCancelledThrowsWithoutWaiting() {
        RateLimits limits = new RateLimits(Rate.parse("2/s"), Map.of());
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        Recorder recorder = new Recorder();
        assertThrows(CancelledException.class, () -> limits.acquire("m", recorder, cancel));
        assertEquals(List.of(), recorder.waits);
    }
}
