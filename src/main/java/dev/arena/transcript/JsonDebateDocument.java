package dev.arena.transcript;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The debate as one JSON document (topic, settings, turns, verdict, summary, outcome), as far
 * as it got: the {@code .json} transcript ({@link JsonDebateFile} rewrites it after each event)
 * and {@code arena logs export --format json}. A turn being spoken is in it with
 * {@code "in_progress": true} and its text so far.
 */
public final class JsonDebateDocument implements DebateListener {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .disableHtmlEscaping().create();

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

    /** True once the debate started: before that there is no document. */
    public boolean started() {
        return settings != null;
    }

    /** The document as the file holds it: pretty-printed, ending in a newline. */
    public String text() {
        return GSON.toJson(document()) + "\n";
    }

    @Override
    public void debateStarted(String debateId, DebateSettings settings, Instant at) {
        this.settings = settings;
        this.startedAt = at;
    }

    @Override
    public void turnStarted(String debateId, int round, Side side, Phase phase, String model, Instant at) {
        current = new InProgress(round, side, phase, model, at);
        current.fallbacks.addAll(pendingFallbacks);
        pendingFallbacks.clear();
    }

    /** True when the text changed the document (a turn is being spoken). */
    boolean append(String text) {
        if (current == null || text.isEmpty()) {
            return false;
        }
        current.text.append(text);
        return true;
    }

    @Override
    public void delta(String debateId, Side side, String text) {
        append(text);
    }

    @Override
    public void fallback(String debateId, Speaker who, FallbackNote note) {
        if (who.isFighter()) {
            if (current != null) {
                current.fallbacks.add(note);
            } else {
                pendingFallbacks.add(note);
            }
        } else {
            JsonObject o = TranscriptJson.note(note);
            o.addProperty("who", who.label());
            judgeFallbacks.add(o);
        }
    }

    @Override
    public void turnEnded(String debateId, Turn turn) {
        JsonObject o = TranscriptJson.turn(turn);
        o.addProperty("in_progress", false);
        turns.add(o);
        current = null;
        pendingFallbacks.clear();
    }

    @Override
    public void verdict(String debateId, Verdict verdict) {
        this.verdict = verdict;
    }

    @Override
    public void finished(String debateId, DebateSummary summary) {
        this.summary = summary;
    }

    @Override
    public void ended(String debateId, DebateOutcome outcome) {
        this.outcome = outcome;
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
