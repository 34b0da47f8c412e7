package dev.arena.transcript;

import com.google.gson.JsonObject;
import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateOutcome;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Phase;
import dev.arena.debate.Side;
import dev.arena.debate.Speaker;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.output.TextSink;
import dev.arena.text.TerminalJson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The debate as JSON Lines, one event per line, flushed as it happens: {@code --json} on
 * stdout and {@code .jsonl} transcripts. Every event has {@code type} and {@code time};
 * events are debate_start, turn_start, delta, fallback, turn_end (with the whole turn text),
 * judging, verdict, summary and debate_end (how the run ended). Retries and waits are not part of the transcript;
 * the live stream of {@code --json} ({@link #live}) has them too, as retry and wait events, so that nothing of
 * the run is text on stderr. With {@code --json}, a run that fails also ends with {@link #error}.
 */
public final class JsonLinesDebateWriter implements DebateListener {

    private final JsonLinesEvents events;
    private final boolean live;

    public JsonLinesDebateWriter(TextSink out) {
        this(out, Clock.systemUTC());
    }

    /** {@code clock} stamps events that carry no time of their own. */
    public JsonLinesDebateWriter(TextSink out, Clock clock) {
        this(out, clock, false);
    }

    /** {@code terminal}: {@code out} is a terminal, so C1 and bidi controls are escaped too ({@link TerminalJson}). */
    public JsonLinesDebateWriter(TextSink out, Clock clock, boolean terminal) {
        this(out, clock, terminal, false);
    }

    private JsonLinesDebateWriter(TextSink out, Clock clock, boolean terminal, boolean live) {
        this.events = new JsonLinesEvents(out, clock, terminal);
        this.live = live;
    }

    /** The {@code --json} stream of a run as it happens: the transcript's events, and retries and waits. */
    public static JsonLinesDebateWriter live(TextSink out, Clock clock, boolean terminal) {
        return new JsonLinesDebateWriter(out, clock, terminal, true);
    }

    @Override
    public void debateStarted(String debateId, DebateSettings settings, Instant at) {
        JsonObject e = events.event("debate_start", at);
        e.addProperty("topic", settings.topic());
        events.emit(TranscriptJson.merge(e, TranscriptJson.settings(settings)));
    }

    @Override
    public void turnStarted(String debateId, int round, Side side, Phase phase, String model, Instant at) {
        JsonObject e = events.event("turn_start", at);
        e.addProperty("round", round);
        e.addProperty("side", TranscriptJson.side(side));
        e.addProperty("phase", TranscriptJson.phase(phase));
        e.addProperty("model", model);
        events.emit(e);
    }

    @Override
    public void delta(String debateId, Side side, String text) {
        JsonObject e = events.event("delta", null);
        e.addProperty("side", TranscriptJson.side(side));
        e.addProperty("content", text);
        events.emit(e);
    }

    /** {@code retry} (who, model, error, status when HTTP, retry, max_retries, delay_ms), live only. */
    @Override
    public void retry(String debateId, Speaker who, ApiException failure, Duration delay, int retry, int maxRetries) {
        if (live) {
            JsonObject e = events.event("retry", null);
            e.addProperty("who", who.label());
            e.addProperty("model", failure.model());
            e.addProperty("error", failure.getMessage());
            if (failure instanceof HttpStatusException status) {
                e.addProperty("status", status.status());
            }
            e.addProperty("retry", retry);
            e.addProperty("max_retries", maxRetries);
            e.addProperty("delay_ms", delay.toMillis());
            events.emit(e);
        }
    }

    /** {@code wait} (who, model, wait_ms, reason): a rate limit holds the request back; live only. */
    @Override
    public void waiting(String debateId, Speaker who, String model, Duration wait, String reason) {
        if (live) {
            JsonObject e = events.event("wait", null);
            e.addProperty("who", who.label());
            e.addProperty("model", model);
            e.addProperty("wait_ms", wait.toMillis());
            e.addProperty("reason", reason);
            events.emit(e);
        }
    }

    @Override
    public void fallback(String debateId, Speaker who, FallbackNote note) {
        JsonObject e = events.event("fallback", null);
        e.addProperty("who", who.label());
        events.emit(TranscriptJson.merge(e, TranscriptJson.note(note)));
    }

    @Override
    public void turnEnded(String debateId, Turn turn) {
        events.emit(TranscriptJson.merge(events.event("turn_end", turn.endedAt()), TranscriptJson.turn(turn)));
    }

    @Override
    public void judging(String debateId, String model) {
        JsonObject e = events.event("judging", null);
        e.addProperty("model", model);
        events.emit(e);
    }

    @Override
    public void verdict(String debateId, Verdict verdict) {
        events.emit(TranscriptJson.merge(events.event("verdict", null), TranscriptJson.verdict(verdict)));
    }

    @Override
    public void finished(String debateId, DebateSummary summary) {
        events.emit(TranscriptJson.merge(events.event("summary", null), TranscriptJson.summary(summary)));
    }

    /** The last event: {@code debate_end} with the outcome and the reason (null when complete). */
    @Override
    public void ended(String debateId, DebateOutcome outcome) {
        JsonObject e = events.event("debate_end", null);
        e.addProperty("outcome", outcome.result().id());
        e.addProperty("reason", outcome.reason());
        events.emit(e);
    }

    /**
     * {@code error} (message, exit_code): the sentence a failed run ends with, as stderr has it,
     * after debate_end, or alone when the debate could not start.
     */
    public void error(String sentence, int exitCode) {
        JsonObject e = events.event("error", null);
        e.addProperty("message", sentence);
        e.addProperty("exit_code", exitCode);
        events.emit(e);
    }
}
