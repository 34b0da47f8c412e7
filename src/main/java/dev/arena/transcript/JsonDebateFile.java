package dev.arena.transcript;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.arena.debate.DebateOutcome;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Phase;
import dev.arena.debate.Side;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.files.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .disableHtmlEscaping().create();

    /** Runs a task once, later; injectable so tests decide when "later" is. */
    interface Scheduler {
        void schedule(Runnable task, Duration delay);

        void shutdown();
    }

    private final Path path;
    private final Clock clock;
    private final Scheduler scheduler;

    private DebateSettings settings;
    private Instant startedAt;
    private final List<JsonObject> turns = new ArrayList<>();
    private final List<JsonObject> judgeFallbacks = new ArrayList<>();
    private InProgress current;
    /** Fallbacks of a turn whose first model failed before it started speaking. */
    private final List<FallbackNote> pendingFallbacks = new ArrayList<>();
    private Verdict verdict;
    private DebateSummary summary;
    private DebateOutcome outcome;

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
    public synchronized void debateStarted(DebateSettings settings, Instant at) {
        this.settings = settings;
        this.startedAt = at;
        rewrite();
    }

    @Override
    public synchronized void turnStarted(int round, Side side, Phase phase, String model, Instant at) {
        current = new InProgress(round, side, phase, model, at);
        current.fallbacks.addAll(pendingFallbacks);
        pendingFallbacks.clear();
        rewrite();
    }

    @Override
    public synchronized void delta(Side side, String text) {
        if (current == null || text.isEmpty()) {
            return;
        }
        current.text.append(text);
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
    public synchronized void fallback(String who, FallbackNote note) {
        if (Side.PRO.label().equals(who) || Side.CON.label().equals(who)) {
            if (current != null) {
                current.fallbacks.add(note);
            } else {
                pendingFallbacks.add(note);
            }
        } else {
            JsonObject o = TranscriptJson.note(note);
            o.addProperty("who", who);
            judgeFallbacks.add(o);
        }
        rewrite();
    }

    @Override
    public synchronized void turnEnded(Turn turn) {
        JsonObject o = TranscriptJson.turn(turn);
        o.addProperty("in_progress", false);
        turns.add(o);
        current = null;
        pendingFallbacks.clear();
        rewrite();
    }

    @Override
    public synchronized void verdict(Verdict verdict) {
        this.verdict = verdict;
        rewrite();
    }

    @Override
    public synchronized void finished(DebateSummary summary) {
        this.summary = summary;
        rewrite();
    }

    @Override
    public synchronized void ended(DebateOutcome outcome) {
        this.outcome = outcome;
        rewrite();
    }

    /** Writes what is pending, then stops the delayed writes. Leaves no temporary file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (dirty && settings != null) {
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
        if (closed || settings == null) {
            return;
        }
        try {
            write();
        } catch (IOException e) {
            throw new TranscriptWriteException(path, e);
        }
    }

    private void write() throws IOException {
        AtomicFile.write(path, GSON.toJson(document()) + "\n");
        dirty = false;
        lastWrite = clock.instant();
        rewrites++;
    }

    private JsonObject document() {
        JsonObject doc = new JsonObject();
        doc.addProperty("topic", settings.topic());
        doc.addProperty("started_at", TranscriptJson.instant(startedAt));
        doc.add("settings", TranscriptJson.settings(settings));
        JsonArray all = new JsonArray();
        turns.forEach(all::add);
        if (current != null) {
            all.add(current.json());
        }
        doc.add("turns", all);
        JsonArray judge = new JsonArray();
        judgeFallbacks.forEach(judge::add);
        doc.add("judge_fallbacks", judge);
        doc.add("verdict", verdict == null ? null : TranscriptJson.verdict(verdict));
        doc.add("summary", summary == null ? null : TranscriptJson.summary(summary));
        doc.addProperty("finished", summary != null);
        // Null while the debate runs, and after a kill -9: only a run that ended says how.
        doc.addProperty("outcome", outcome == null ? null : outcome.result().id());
        doc.addProperty("outcome_reason", outcome == null ? null : outcome.reason());
        return doc;
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

    /** The turn being spoken, as far as it got. */
    private static final class InProgress {
        final int round;
        final Side side;
        final Phase phase;
        final String model;
        final Instant startedAt;
        final StringBuilder text = new StringBuilder();
        final List<FallbackNote> fallbacks = new ArrayList<>();

        InProgress(int round, Side side, Phase phase, String model, Instant startedAt) {
            this.round = round;
            this.side = side;
            this.phase = phase;
            this.model = model;
            this.startedAt = startedAt;
        }

        JsonObject json() {
            JsonObject o = new JsonObject();
            o.addProperty("round", round);
            o.addProperty("side", TranscriptJson.side(side));
            o.addProperty("phase", TranscriptJson.phase(phase));
            o.addProperty("model", model);
            o.addProperty("started_at", TranscriptJson.instant(startedAt));
            o.add("ended_at", null);
            o.add("elapsed_ms", null);
            o.add("prompt_tokens", null);
            o.add("completion_tokens", null);
            o.add("cost", null);
            o.add("fallbacks", TranscriptJson.notes(fallbacks));
            o.add("error", null);
            o.addProperty("text", text.toString());
            o.addProperty("in_progress", true);
            return o;
        }
    }
}
