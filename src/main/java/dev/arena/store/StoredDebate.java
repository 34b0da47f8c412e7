package dev.arena.store;

import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateOutcome;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Fighter;
import dev.arena.debate.FighterStats;
import dev.arena.debate.JudgeReading;
import dev.arena.debate.Phase;
import dev.arena.debate.Scores;
import dev.arena.debate.Side;
import dev.arena.debate.Speaker;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.openrouter.CancelledException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A debate as the store keeps it, played back as the events the debate gave when it ran, into
 * any {@link DebateListener}: the same views and transcript writers a live debate uses. What
 * the store does not keep is not made up: a turn's text comes as it ended (whole, or in pieces
 * at a {@link Pace}), retries and waits are not replayed, and a debate whose arena was killed
 * ends where its record ends, with its outcome once the next arena marked it interrupted.
 *
 * <p>Times are the store's, to the millisecond; durations (a turn's, the judge's, the whole
 * debate's) are kept to the nanosecond, so usage lines and summaries read as they did.
 */
public final class StoredDebate {

    /** A turn as stored, and when its first token arrived (from its requests; its start when unknown). */
    private record StoredTurn(Turn turn, String firstModel, Instant firstTokenAt, Instant recordedEnd) {
    }

    private final String id;
    private final DebateSettings settings;
    private final Instant startedAt;
    private final List<StoredTurn> turns;
    private final List<FallbackNote> judgeFallbacks;
    private final Instant judgeAskedAt;
    private final Verdict verdict;
    private final Instant judgedAt;
    private final Duration elapsed;
    private final String stopReason;
    private final String status;
    private final String outcomeReason;
    private final Instant endedAt;

    private StoredDebate(String id, DebateSettings settings, Instant startedAt, List<StoredTurn> turns,
                         List<FallbackNote> judgeFallbacks, Instant judgeAskedAt, Verdict verdict, Instant judgedAt,
                         Duration elapsed, String stopReason, String status, String outcomeReason, Instant endedAt) {
        this.id = id;
        this.settings = settings;
        this.startedAt = startedAt;
        this.turns = turns;
        this.judgeFallbacks = judgeFallbacks;
        this.judgeAskedAt = judgeAskedAt;
        this.verdict = verdict;
        this.judgedAt = judgedAt;
        this.elapsed = elapsed;
        this.stopReason = stopReason;
        this.status = status;
        this.outcomeReason = outcomeReason;
        this.endedAt = endedAt;
    }

    /**
     * The debate {@code id} of {@code store}.
     *
     * @throws StoreException when it is not there (a chat's id, or a debate recorded before its
     *         first event) or cannot be read
     */
    public static StoredDebate load(StoreReader store, String id) throws StoreException {
        try {
            return load(store.connection(), id);
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(store.file(), e), e);
        } catch (RuntimeException e) {
            // A row no arena wrote (edited by hand, say): a value out of its set, JSON that does not parse.
            throw new StoreException("the debate " + id + " in " + store.file() + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Whether the conversation {@code id} (resolved by {@link StoreReader#resolve}) is a debate rather than a chat. */
    public static boolean isDebate(StoreReader store, String id) throws StoreException {
        try (PreparedStatement s = store.connection().prepareStatement("SELECT kind FROM conversations WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1).equals("debate");
            }
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(store.file(), e), e);
        }
    }

    private static StoredDebate load(Connection c, String id) throws SQLException, StoreException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM debates WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet d = s.executeQuery()) {
                if (!d.next()) {
                    throw new StoreException("the debate " + id + " has no record of its start (list them: arena logs --debates)");
                }
                double temperature = d.getDouble("temperature");
                Double t = d.wasNull() ? null : temperature;
                Long maxTokens = DebateColumns.nullableLong(d, "max_tokens");
                DebateSettings settings = new DebateSettings(d.getString("topic"), d.getInt("rounds"),
                        new Fighter(Side.PRO, DebateColumns.strings(d.getString("pro_models")), d.getString("pro_stance")),
                        new Fighter(Side.CON, DebateColumns.strings(d.getString("con_models")), d.getString("con_stance")),
                        t, maxTokens == null ? null : maxTokens.intValue(), DebateColumns.nullableLong(d, "seed"),
                        DebateColumns.strings(d.getString("judge_models")));
                Long elapsed = DebateColumns.nullableLong(d, "elapsed_ns");
                Map<String, Instant> firstTokens = firstTokens(c, id);
                VerdictRow verdict = verdict(c, id);
                return new StoredDebate(id, settings, StoreTime.parse(d.getString("started_at")),
                        turns(c, id, firstTokens), DebateColumns.notes(d.getString("judge_fallbacks")), firstTokens.get("judge"),
                        verdict == null ? null : verdict.verdict, verdict == null ? null : verdict.at,
                        elapsed == null ? null : Duration.ofNanos(elapsed), d.getString("stop_reason"),
                        d.getString("status"), d.getString("outcome_reason"), StoreTime.parse(d.getString("ended_at")));
            }
        }
    }

    /** When each turn's first token came ("pro:1"), and when the judge was first asked ("judge"). */
    private static Map<String, Instant> firstTokens(Connection c, String id) throws SQLException {
        Map<String, Instant> times = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT purpose, side, round, min(first_token_at) AS first_token, min(sent_at) AS sent FROM requests
                WHERE conversation_id = ? GROUP BY purpose, side, round""")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getString("purpose").equals("judge")) {
                        times.put("judge", StoreTime.parse(r.getString("sent")));
                    } else if (r.getString("first_token") != null) {
                        times.put(r.getString("side") + ":" + r.getInt("round"), StoreTime.parse(r.getString("first_token")));
                    }
                }
            }
        }
        return times;
    }

    private static List<StoredTurn> turns(Connection c, String id, Map<String, Instant> firstTokens) throws SQLException {
        List<StoredTurn> turns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM turns WHERE debate_id = ? ORDER BY idx")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant started = StoreTime.parse(r.getString("started_at"));
                    Turn turn = turn(r);
                    Instant first = firstTokens.get(r.getString("side") + ":" + turn.round());
                    Instant end = StoreTime.parse(r.getString("ended_at"));
                    String firstModel = r.getString("first_model");
                    turns.add(new StoredTurn(turn, firstModel == null ? turn.answeringModel() : firstModel,
                            first == null || first.isAfter(end) ? started : first, end));
                }
            }
        }
        return turns;
    }

    /** The turn a row of {@code turns} holds. */
    static Turn turn(ResultSet r) throws SQLException {
        Instant started = StoreTime.parse(r.getString("started_at"));
        return new Turn(r.getInt("round"), DebateColumns.side(r.getString("side")),
                DebateColumns.phase(r.getString("phase")), r.getString("model_asked"), r.getString("model"),
                r.getString("text"), DebateColumns.usage(r), started, started.plusNanos(r.getLong("elapsed_ns")),
                DebateColumns.notes(r.getString("fallbacks")), r.getString("error"));
    }

    private record VerdictRow(Verdict verdict, Instant at) {
    }

    private static VerdictRow verdict(Connection c, String id) throws SQLException {
        List<JudgeReading> readings = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM judge_readings WHERE debate_id = ? ORDER BY reading")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    readings.add(new JudgeReading(DebateColumns.side(r.getString("presented_first")),
                            DebateColumns.winner(r.getString("winner")), scores(r), r.getString("rationale"),
                            r.getString("raw_answer"), r.getInt("parsed") != 0));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM verdicts WHERE debate_id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                Verdict verdict = new Verdict(DebateColumns.winner(r.getString("winner")), scores(r), r.getString("rationale"),
                        r.getString("judge_model"), r.getInt("readings_agree") != 0, readings, DebateColumns.usage(r),
                        Duration.ofNanos(r.getLong("elapsed_ns")));
                return new VerdictRow(verdict, StoreTime.parse(r.getString("judged_at")));
            }
        }
    }

    private static Map<Side, Scores> scores(ResultSet r) throws SQLException {
        Map<Side, Scores> scores = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Scores s = DebateColumns.scores(r.getString(side.name().toLowerCase(Locale.ROOT) + "_scores"));
            if (s != null) {
                scores.put(side, s);
            }
        }
        return scores;
    }

    public DebateSettings settings() {
        return settings;
    }

    /**
     * Gives the debate to {@code listener}, event by event in the order it happened, each
     * after {@code pace} reached its recorded time.
     *
     * @throws CancelledException when the pace was cancelled (Ctrl-C during a replay)
     */
    public void replay(DebateListener listener, Pace pace) throws CancelledException {
        pace.reach(startedAt);
        listener.debateStarted(id, settings, startedAt);
        List<Turn> spoken = new ArrayList<>();
        for (StoredTurn stored : turns) {
            Turn turn = stored.turn();
            Speaker who = Speaker.of(turn.side());
            // A fallback before the first token came before the turn started; one that continued
            // the answer came somewhere in its text, which the store does not place: after it.
            for (FallbackNote note : turn.fallbacks()) {
                if (!note.continuing()) {
                    listener.fallback(id, who, note);
                }
            }
            pace.reach(stored.firstTokenAt());
            listener.turnStarted(id, turn.round(), turn.side(), turn.phase(), stored.firstModel(), stored.firstTokenAt());
            for (Pace.Piece piece : pace.pieces(turn.text(), stored.firstTokenAt(), stored.recordedEnd())) {
                pace.reach(piece.due());
                listener.delta(id, turn.side(), piece.text());
            }
            for (FallbackNote note : turn.fallbacks()) {
                if (note.continuing()) {
                    listener.fallback(id, who, note);
                }
            }
            pace.reach(stored.recordedEnd());
            listener.turnEnded(id, turn);
            spoken.add(turn);
        }
        Instant lastTurnEnd = turns.isEmpty() ? startedAt : turns.get(turns.size() - 1).recordedEnd();
        if (judgeAskedAt != null || verdict != null) {
            pace.reach(judgeAskedAt != null ? judgeAskedAt : lastTurnEnd);
            listener.judging(id, settings.judgeModels().get(0));
        }
        for (FallbackNote note : judgeFallbacks) {
            listener.fallback(id, Speaker.JUDGE, note);
        }
        if (verdict != null) {
            pace.reach(judgedAt);
            listener.verdict(id, verdict);
        }
        if (elapsed != null) {
            pace.reach(endedAt != null ? endedAt : startedAt.plus(elapsed));
            listener.finished(id, new DebateSummary(FighterStats.of(spoken), verdict, elapsed, stopReason));
        }
        if (!status.equals("running")) {
            listener.ended(id, new DebateOutcome(DebateOutcome.Result.valueOf(status.toUpperCase(Locale.ROOT)),
                    outcomeReason));
        }
    }
}
