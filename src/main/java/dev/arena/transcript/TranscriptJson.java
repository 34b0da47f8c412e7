package dev.arena.transcript;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.arena.output.JsonLines;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Fighter;
import dev.arena.debate.FighterStats;
import dev.arena.debate.JudgeReading;
import dev.arena.debate.Phase;
import dev.arena.debate.Scores;
import dev.arena.debate.Side;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.openrouter.Usage;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shape of the debate's parts, shared by the JSON Lines events and the JSON
 * document so both name every field the same way. Missing values are JSON null.
 */
final class TranscriptJson {

    private TranscriptJson() {
    }

    /** Rounds, fighters and parameters (the topic is added by the caller, where it belongs). */
    static JsonObject settings(DebateSettings settings) {
        JsonObject o = new JsonObject();
        o.addProperty("rounds", settings.rounds());
        o.add("pro", fighter(settings.pro()));
        o.add("con", fighter(settings.con()));
        o.addProperty("temperature", settings.temperature());
        o.addProperty("max_tokens", settings.maxTokens());
        o.addProperty("seed", settings.seed());
        o.add("judge_models", strings(settings.judgeModels()));
        return o;
    }

    static JsonObject fighter(Fighter fighter) {
        JsonObject o = new JsonObject();
        o.add("models", strings(fighter.models()));
        o.addProperty("stance", fighter.stance());
        return o;
    }

    /** A finished turn, with its full text so nobody needs to join deltas. */
    static JsonObject turn(Turn turn) {
        Usage usage = turn.usage() == null ? Usage.NONE : turn.usage();
        JsonObject o = new JsonObject();
        o.addProperty("round", turn.round());
        o.addProperty("side", side(turn.side()));
        o.addProperty("phase", phase(turn.phase()));
        o.addProperty("model", turn.answeringModel());
        o.addProperty("started_at", instant(turn.startedAt()));
        o.addProperty("ended_at", instant(turn.endedAt()));
        o.addProperty("elapsed_ms", TranscriptText.elapsed(turn).toMillis());
        usage(o, usage.promptTokens(), usage.completionTokens(), usage.cost(), usage.costEstimated(), usage.invalid());
        o.add("fallbacks", notes(turn.fallbacks()));
        o.addProperty("error", turn.error());
        o.addProperty("text", turn.text());
        return o;
    }

    /**
     * Tokens and cost, named alike for a turn, the verdict and a fighter. Numbers the server
     * could not have meant ({@code usage_invalid}) are null, as an unreported cost is, so that
     * a program summing tokens does not count a zero that nobody reported.
     */
    static void usage(JsonObject o, long prompt, long completion, Double cost, boolean estimated, boolean invalid) {
        o.addProperty("prompt_tokens", invalid ? null : prompt);
        o.addProperty("completion_tokens", invalid ? null : completion);
        o.add("cost", JsonLines.decimal(cost));
        if (estimated) {
            o.addProperty("cost_estimated", true);
        }
        if (invalid) {
            o.addProperty("usage_invalid", true);
        }
    }

    static JsonObject note(FallbackNote note) {
        JsonObject o = new JsonObject();
        o.addProperty("from", note.fromModel());
        o.addProperty("to", note.toModel());
        o.addProperty("reason", note.reason());
        o.addProperty("continuing", note.continuing());
        return o;
    }

    static JsonArray notes(List<FallbackNote> notes) {
        JsonArray a = new JsonArray();
        notes.forEach(n -> a.add(note(n)));
        return a;
    }

    static JsonObject verdict(Verdict verdict) {
        JsonObject o = new JsonObject();
        o.addProperty("winner", verdict.winner().name().toLowerCase(Locale.ROOT));
        o.addProperty("readings_agree", verdict.readingsAgree());
        o.addProperty("tie_reason", verdict.tieReason() == null ? null
                : verdict.tieReason().name().toLowerCase(Locale.ROOT));
        o.add("scores", scores(verdict.scores()));
        o.addProperty("rationale", verdict.rationale());
        o.addProperty("judge_model", verdict.judgeModel());
        // Both calls to the judge together, named as a turn's usage is.
        o.addProperty("elapsed_ms", verdict.elapsed().toMillis());
        Usage usage = verdict.usage();
        usage(o, usage.promptTokens(), usage.completionTokens(), usage.cost(), usage.costEstimated(), usage.invalid());
        JsonArray readings = new JsonArray();
        for (JudgeReading r : verdict.readings()) {
            JsonObject reading = new JsonObject();
            reading.addProperty("presented_first", side(r.presentedFirst()));
            reading.addProperty("winner", r.winner() == null ? null : r.winner().name().toLowerCase(Locale.ROOT));
            reading.addProperty("parsed", r.parsed());
            reading.add("scores", scores(r.scores()));
            reading.addProperty("rationale", r.rationale());
            reading.addProperty("raw_answer", r.rawAnswer());
            readings.add(reading);
        }
        o.add("readings", readings);
        return o;
    }

    /** {@code {"pro": {...}, "con": {...}}}; a side the judge gave no marks is null. */
    static JsonObject scores(Map<Side, Scores> scores) {
        JsonObject o = new JsonObject();
        for (Side side : Side.values()) {
            o.add(side(side), scores(scores.get(side)));
        }
        return o;
    }

    private static JsonElement scores(Scores s) {
        if (s == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.addProperty("argument_strength", s.argumentStrength());
        o.addProperty("rebuttal", s.rebuttal());
        o.addProperty("evidence", s.evidence());
        o.addProperty("clarity", s.clarity());
        o.addProperty("total", s.total());
        return o;
    }

    static JsonObject summary(DebateSummary summary) {
        JsonObject o = new JsonObject();
        JsonArray fighters = new JsonArray();
        for (FighterStats f : summary.fighters()) {
            JsonObject stats = new JsonObject();
            stats.addProperty("side", side(f.side()));
            stats.addProperty("turns", f.turns());
            usage(stats, f.promptTokens(), f.completionTokens(), f.cost(), f.costEstimated(), f.usageInvalid());
            stats.addProperty("time_ms", f.time() == null ? null : f.time().toMillis());
            stats.addProperty("fallbacks", f.fallbacks());
            fighters.add(stats);
        }
        o.add("fighters", fighters);
        o.addProperty("elapsed_ms", summary.elapsed() == null ? null : summary.elapsed().toMillis());
        o.addProperty("complete", summary.complete());
        o.addProperty("stop_reason", summary.stopReason());
        return o;
    }

    static String side(Side side) {
        return side == null ? null : side.name().toLowerCase(Locale.ROOT);
    }

    static String phase(Phase phase) {
        return phase == null ? null : phase.name().toLowerCase(Locale.ROOT);
    }

    static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    /** Copies every member of {@code from} into {@code into}, after what is already there. */
    static JsonObject merge(JsonObject into, JsonObject from) {
        from.entrySet().forEach(e -> into.add(e.getKey(), e.getValue()));
        return into;
    }
}
