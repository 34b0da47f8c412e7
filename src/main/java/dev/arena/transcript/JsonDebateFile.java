package dev.arena.transcript;

import dev.arena.debate.DebateOutcome;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Phase;
import dev.arena.debate.Side;
import dev.arena.debate.Speaker;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.files.AtomicFile;
import dev.arena.files.Visibility;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@code .json} transcript: one whole document (topic, settings, turns, verdict, summary),
 * replaced atomically on every step so the file always parses ({@link AtomicFile}).
 *
 * <p>It is rewritten when the debate starts, when a turn starts and ends, at a fallback, at
 * the verdict and at the end. While a turn streams, the turn in progress ({@code "in_progress": true}, the
 * text so far) is written at most every {@value #THROTTLE_MS} ms, and text that arrived
 * since is written {@value #THROTTLE_MS} ms later at the latest even if no more arrives; a
 * crash loses at most that window. {@link #close()} writes whatever is still pending.
 *
 * <p>Events come on the debate's thread, the delayed write on another, so every method is
 * synchronized. A failed write surfaces as {@link TranscriptWriteException} from the event, or
 * from the next event after a failed delayed write.
 */
public final class JsonDebateFile implements TranscriptFile {

    static final long THROTTLE_MS = 250;
    private static final Duration THROTTLE = Duration.ofMillis(THROTTLE_MS);

    /** Runs a task once, later; injectable so tests decide when "later" is. */
    interface Scheduler {
        void schedule(Runnable task, Duration delay);

        void shutdown();
    }

    private final Path path;
    private final Clock clock;
    private final Scheduler scheduler;

    private final JsonDebateDocument document = new JsonDebateDocument();

    private Instant lastWrite;
    private boolean dirty;
    private boolean writeScheduled;
    private boolean closed;
    private int rewrites;
    private TranscriptWriteException delayedFailure;

    /** A transcript at {@code path}; nothing is written before the debate starts. */
    public JsonDebateFile(Path path) {
        this(path, Clock.systemUTC(), executorScheduler());
    }

    JsonDebateFile(Path path, Clock clock, Scheduler scheduler) {
        this.path = path;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public synchronized void debateStarted(String debateId, DebateSettings settings, Instant at) {
        document.debateStarted(debateId, settings, at);
        rewrite();
    }

    @Override
    public synchronized void turnStarted(String debateId, int round, Side side, Phase phase, String model, Instant at) {
        document.turnStarted(debateId, round, side, phase, model, at);
        rewrite();
    }

    @Override
    public synchronized void delta(String debateId, Side side, String text) {
        if (!document.append(text)) {
            return;
        }
        dirty = true;
        Instant now = clock.instant();
        Duration since = lastWrite == null ? THROTTLE : Duration.between(lastWrite, now);
        if (since.compareTo(THROTTLE) >= 0) {
            rewrite();
        } else if (!writeScheduled) {
            writeScheduled = true;
            scheduler.schedule(this::delayedWrite, THROTTLE.minus(since));
        }
    }

    @Override
    public synchronized void fallback(String debateId, Speaker who, FallbackNote note) {
        document.fallback(debateId, who, note);
        rewrite();
    }

    @Override
    public synchronized void turnEnded(String debateId, Turn turn) {
        document.turnEnded(debateId, turn);
        rewrite();
    }

    @Override
    public synchronized void verdict(String debateId, Verdict verdict) {
        document.verdict(debateId, verdict);
        rewrite();
    }

    @Override
    public synchronized void finished(String debateId, DebateSummary summary) {
        document.finished(debateId, summary);
        rewrite();
    }

    @Override
    public synchronized void ended(String debateId, DebateOutcome outcome) {
        document.ended(debateId, outcome);
        rewrite();
    }

    /** Writes what is pending, then stops the delayed writes. Leaves no temporary file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (dirty && document.started()) {
                write();
            }
        } finally {
            closed = true;
            scheduler.shutdown();
        }
    }

    /** How many times the file was replaced; for tests of the throttle. */
    synchronized int rewrites() {
        return rewrites;
    }

    private synchronized void delayedWrite() {
        writeScheduled = false;
        if (closed || !dirty) {
            return;
        }
        try {
            write();
        } catch (IOException e) {
            delayedFailure = new TranscriptWriteException(path, e);
        }
    }

    private void rewrite() {
        if (delayedFailure != null) {
            TranscriptWriteException failure = delayedFailure;
            delayedFailure = null;
            throw failure;
        }
        if (closed || !document.started()) {
            return;
        }
        try {
            write();
        } catch (IOException e) {
            throw new TranscriptWriteException(path, e);
        }
    }

    private void write() throws IOException {
        AtomicFile.write(path, document.text(), Visibility.USER_CHOICE);
        dirty = false;
        lastWrite = clock.instant();
        rewrites++;
    }

    private static Scheduler executorScheduler() {
        return new Scheduler() {
            private ScheduledExecutorService executor;

            @Override
            public synchronized void schedule(Runnable task, Duration delay) {
                if (executor == null) {
                    executor = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "arena-transcript");
                        t.setDaemon(true);
                        return t;
                    });
                }
                executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public synchronized void shutdown() {
                if (executor != null) {
                    executor.shutdownNow();
                }
            }
        };
    }
}
