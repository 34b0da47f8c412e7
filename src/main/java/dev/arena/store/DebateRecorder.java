package dev.arena.store;

import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateOutcome;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.JudgeReading;
import dev.arena.debate.Phase;
import dev.arena.debate.Side;
import dev.arena.debate.Speaker;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.text.Redactor;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records a debate in the tables of migration 2 as it happens, one write per event that
 * matters: the debate when it starts, each turn when it ends (so a {@code kill -9} keeps every
 * finished turn), the judge's fallbacks, the verdict with both readings, the summary, and how
 * the run ended. The requests themselves are {@link RequestRecorder}'s.
 *
 * <p>The store must never break a debate: every event only queues a write on the
 * {@link StoreWriter}, and a value this class cannot turn into a row becomes the writer's one
 * warning instead of an exception. Every text passes through the key's redactor first.
 */
public final class DebateRecorder implements DebateListener {

    private final StoreWriter writer;
    private final Redactor redactor;
    private final String id;
    private int turns;
    /** The model the turn being spoken started with, as turnStarted named it. */
    private String firstModel;
    private final List<FallbackNote> judgeFallbacks = new ArrayList<>();

    /** Records the debate whose conversation is {@code id} ({@link RequestRecorder#startDebate}). */
    public DebateRecorder(StoreWriter writer, Redactor redactor, String id) {
        this(writer, redactor, id, 0);
    }

    /**
     * Records a debate that goes on from its first {@code kept} turns, recorded by an earlier run
     * (a tournament resumed): the debate is marked running again and the new turns follow the
     * kept ones, a failed turn of the earlier run replaced by the one spoken in its place.
     */
    public DebateRecorder(StoreWriter writer, Redactor redactor, String id, int kept) {
        this.writer = writer;
        this.redactor = redactor;
        this.id = id;
        this.turns = kept;
    }

    @Override
    public void debateStarted(String debateId, DebateSettings settings, Instant at) {
        record(() -> {
            String topic = redactor.redact(settings.topic());
            String proStance = redactor.redact(settings.pro().stance());
            String conStance = redactor.redact(settings.con().stance());
            return connection -> {
                try (PreparedStatement s = connection.prepareStatement("""
                        INSERT INTO debates (id, topic, rounds, pro_models, con_models, judge_models, pro_stance, con_stance,
                          temperature, max_tokens, seed, status, started_at, process)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)
                        ON CONFLICT (id) DO UPDATE SET status = 'running', outcome_reason = NULL, stop_reason = NULL,
                          ended_at = NULL, process = excluded.process""")) {
                    s.setString(1, id);
                    s.setString(2, topic);
                    s.setInt(3, settings.rounds());
                    s.setString(4, DebateColumns.strings(settings.pro().models()));
                    s.setString(5, DebateColumns.strings(settings.con().models()));
                    s.setString(6, DebateColumns.strings(settings.judgeModels()));
                    s.setString(7, proStance);
                    s.setString(8, conStance);
                    if (settings.temperature() == null) {
                        s.setNull(9, Types.REAL);
                    } else {
                        s.setDouble(9, settings.temperature());
                    }
                    DebateColumns.setLong(s, 10, settings.maxTokens() == null ? null : settings.maxTokens().longValue());
                    DebateColumns.setLong(s, 11, settings.seed());
                    s.setString(12, StoreTime.format(at));
                    s.setString(13, Recovery.THIS_PROCESS);
                    s.executeUpdate();
                }
            };
        });
    }

    @Override
    public void turnStarted(String debateId, int round, Side side, Phase phase, String model, Instant at) {
        firstModel = model;
    }

    @Override
    public void turnEnded(String debateId, Turn turn) {
        int idx = ++turns;
        String first = firstModel;
        firstModel = null;
        record(() -> {
            String text = redactor.redact(turn.text() == null ? "" : turn.text());
            String error = redactor.redact(turn.error());
            String fallbacks = DebateColumns.notes(redacted(turn.fallbacks()));
            long elapsedNs = Duration.between(turn.startedAt(), turn.endedAt()).toNanos();
            return connection -> {
                try (PreparedStatement s = connection.prepareStatement("""
                        INSERT OR REPLACE INTO turns (debate_id, idx, round, side, phase, model_asked, model, text, prompt_tokens,
                          completion_tokens, cost_usd, cost_estimated, usage_invalid, started_at, ended_at, elapsed_ns,
                          fallbacks, error, first_model)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    s.setString(1, id);
                    s.setInt(2, idx);
                    s.setInt(3, turn.round());
                    s.setString(4, DebateColumns.word(turn.side()));
                    s.setString(5, DebateColumns.word(turn.phase()));
                    s.setString(6, turn.modelAsked());
                    s.setString(7, turn.answeringModel());
                    s.setString(8, text);
                    DebateColumns.setUsage(s, 9, turn.usage());
                    s.setString(14, StoreTime.format(turn.startedAt()));
                    s.setString(15, StoreTime.format(turn.endedAt()));
                    s.setLong(16, elapsedNs);
                    s.setString(17, fallbacks);
                    s.setString(18, error);
                    s.setString(19, first);
                    s.executeUpdate();
                }
            };
        });
    }

    /** A fighter's fallbacks come with its turn; the judge's, which have no turn, are kept on the debate. */
    @Override
    public void fallback(String debateId, Speaker who, FallbackNote note) {
        if (who.isFighter()) {
            return;
        }
        judgeFallbacks.add(redacted(note));
        String all = DebateColumns.notes(judgeFallbacks);
        record(() -> connection -> {
            try (PreparedStatement s = connection.prepareStatement("UPDATE debates SET judge_fallbacks = ? WHERE id = ?")) {
                s.setString(1, all);
                s.setString(2, id);
                s.executeUpdate();
            }
        });
    }

    @Override
    public void verdict(String debateId, Verdict verdict) {
        Instant at = Instant.now();
        record(() -> {
            String rationale = redactor.redact(verdict.rationale());
            List<JudgeReading> readings = verdict.readings().stream().map(r -> new JudgeReading(r.presentedFirst(),
                    r.winner(), r.scores(), redactor.redact(r.rationale()), redactor.redact(r.rawAnswer()), r.parsed())).toList();
            return connection -> {
                try (PreparedStatement s = connection.prepareStatement("""
                        INSERT INTO verdicts (debate_id, winner, tie_reason, readings_agree, judge_model, rationale, pro_scores,
                          con_scores, prompt_tokens, completion_tokens, cost_usd, cost_estimated, usage_invalid, elapsed_ns,
                          judged_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    s.setString(1, id);
                    s.setString(2, DebateColumns.word(verdict.winner()));
                    s.setString(3, DebateColumns.word(verdict.tieReason()));
                    s.setInt(4, verdict.readingsAgree() ? 1 : 0);
                    s.setString(5, verdict.judgeModel());
                    s.setString(6, rationale);
                    s.setString(7, DebateColumns.scores(verdict.scores().get(Side.PRO)));
                    s.setString(8, DebateColumns.scores(verdict.scores().get(Side.CON)));
                    DebateColumns.setUsage(s, 9, verdict.usage());
                    s.setLong(14, verdict.elapsed().toNanos());
                    s.setString(15, StoreTime.format(at));
                    s.executeUpdate();
                }
                try (PreparedStatement s = connection.prepareStatement("""
                        INSERT INTO judge_readings (debate_id, reading, presented_first, winner, parsed, pro_scores, con_scores,
                          rationale, raw_answer)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (int i = 0; i < readings.size(); i++) {
                        JudgeReading r = readings.get(i);
                        s.setString(1, id);
                        s.setInt(2, i + 1);
                        s.setString(3, DebateColumns.word(r.presentedFirst()));
                        s.setString(4, DebateColumns.word(r.winner()));
                        s.setInt(5, r.parsed() ? 1 : 0);
                        s.setString(6, DebateColumns.scores(r.scores().get(Side.PRO)));
                        s.setString(7, DebateColumns.scores(r.scores().get(Side.CON)));
                        s.setString(8, r.rationale());
                        s.setString(9, r.rawAnswer());
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = connection.prepareStatement("UPDATE debates SET winner = ? WHERE id = ?")) {
                    s.setString(1, DebateColumns.word(verdict.winner()));
                    s.setString(2, id);
                    s.executeUpdate();
                }
            };
        });
    }

    @Override
    public void finished(String debateId, DebateSummary summary) {
        record(() -> {
            String stopReason = redactor.redact(summary.stopReason());
            Long elapsed = summary.elapsed() == null ? null : summary.elapsed().toNanos();
            return connection -> {
                try (PreparedStatement s = connection.prepareStatement(
                        "UPDATE debates SET stop_reason = ?, elapsed_ns = ? WHERE id = ?")) {
                    s.setString(1, stopReason);
                    DebateColumns.setLong(s, 2, elapsed);
                    s.setString(3, id);
                    s.executeUpdate();
                }
            };
        });
    }

    @Override
    public void ended(String debateId, DebateOutcome outcome) {
        Instant at = Instant.now();
        record(() -> {
            String reason = redactor.redact(outcome.reason());
            return connection -> {
                try (PreparedStatement s = connection.prepareStatement(
                        "UPDATE debates SET status = ?, outcome_reason = ?, ended_at = ? WHERE id = ?")) {
                    s.setString(1, outcome.result().id());
                    s.setString(2, reason);
                    s.setString(3, StoreTime.format(at));
                    s.setString(4, id);
                    s.executeUpdate();
                }
            };
        });
    }

    private List<FallbackNote> redacted(List<FallbackNote> notes) {
        return notes.stream().map(this::redacted).toList();
    }

    private FallbackNote redacted(FallbackNote note) {
        return new FallbackNote(note.fromModel(), note.toModel(), redactor.redact(note.reason()), note.continuing());
    }

    /**
     * Queues the write {@code build} makes. Making it cannot fail on a well-formed event; if it
     * does, the failure is queued instead, so it becomes the store's one warning and the debate goes on.
     */
    private void record(Supplier<StoreWriter.Write> build) {
        StoreWriter.Write write;
        try {
            write = build.get();
        } catch (RuntimeException e) {
            String problem = "could not record the debate (" + e + ")";
            write = connection -> {
                throw new SQLException(problem);
            };
        }
        writer.submit(write);
    }
}
