package dev.arena.store;

import com.google.gson.JsonObject;
import dev.arena.debate.JudgeReading;
import dev.arena.debate.Side;
import dev.arena.debate.Winner;
import dev.arena.text.Redactor;
import dev.arena.debate.DebateListener;
import dev.arena.tournament.Leg;
import dev.arena.tournament.TournamentLog;
import dev.arena.tournament.DebateState;
import dev.arena.tournament.PanelReading;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Records one tournament's progress in the tables of migration 4 as it happens, through the
 * shared {@link StoreWriter}: each debate when it starts and ends, and each judge reading when it
 * arrives. {@link #sync} waits for the commit: the tournament calls it before it asks for anything
 * more, so what a {@code kill -9} loses is only what was in flight. Every text passes through the
 * key's redactor first.
 */
public final class TournamentRecorder implements TournamentLog {

    /** Longer than any lock another arena holds for one batch; a sync that waits more gives up and warns. */
    private static final Duration SYNC_PATIENCE = Duration.ofSeconds(60);

    private final StoreWriter writer;
    private final Redactor redactor;
    private final String tournament;
    private final RequestRecorder requests;

    /** {@code requests} records the requests of the tournament's debates, and starts their conversations. */
    public TournamentRecorder(StoreWriter writer, Redactor redactor, String tournament, RequestRecorder requests) {
        this.writer = writer;
        this.redactor = redactor;
        this.tournament = tournament;
        this.requests = requests;
    }

    @Override
    public String newDebate(String motion) {
        return requests.startDebate(motion, Instant.now());
    }

    @Override
    public DebateListener debateRecorder(String debateId, int kept) {
        return new DebateRecorder(writer, redactor, debateId, kept);
    }

    @Override
    public void debateStarted(Leg leg, String debateId) {
        writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE tournament_debates SET status = 'running', debate_id = ?,"
                    + " error = NULL WHERE tournament = ? AND group_key = ? AND leg = ?")) {
                s.setString(1, debateId);
                s.setString(2, tournament);
                s.setString(3, leg.group().key());
                s.setInt(4, leg.number());
                s.executeUpdate();
            }
        });
    }

    @Override
    public void reading(String debateId, PanelReading reading) {
        Instant at = Instant.now();
        JudgeReading r = reading.answer();
        String rationale = redactor.redact(r.rationale());
        String raw = redactor.redact(r.rawAnswer());
        writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT OR REPLACE INTO panel_readings (debate_id, judge_model, reading, presented_first, model, winner,
                      parsed, pro_scores, con_scores, rationale, raw_answer, read_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, debateId);
                s.setString(2, reading.judge());
                s.setInt(3, reading.reading());
                s.setString(4, DebateColumns.word(r.presentedFirst()));
                s.setString(5, reading.model());
                s.setString(6, DebateColumns.word(r.winner()));
                s.setInt(7, r.parsed() ? 1 : 0);
                s.setString(8, DebateColumns.scores(r.scores().get(Side.PRO)));
                s.setString(9, DebateColumns.scores(r.scores().get(Side.CON)));
                s.setString(10, rationale);
                s.setString(11, raw);
                s.setString(12, StoreTime.format(at));
                s.executeUpdate();
            }
        });
    }

    /**
     * The debate ended in {@code state}; for a complete one, the panel's result, each judge's vote
     * ({@code votes}, judge model to winner) and whether a fallback model spoke for a fighter.
     */
    @Override
    public void debateEnded(Leg leg, DebateState state, Winner winner, Map<String, Winner> votes,
                            boolean fallbackSpoke, String error) {
        Instant at = Instant.now();
        String redactedError = redactor.redact(error);
        String votesJson = votesJson(votes);
        writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE tournament_debates SET status = ?, winner = ?, votes = ?,"
                    + " fallback_spoke = ?, error = ?, ended_at = ? WHERE tournament = ? AND group_key = ? AND leg = ?")) {
                s.setString(1, state.id());
                s.setString(2, DebateColumns.word(winner));
                s.setString(3, votesJson);
                s.setInt(4, fallbackSpoke ? 1 : 0);
                s.setString(5, redactedError);
                s.setString(6, StoreTime.format(at));
                s.setString(7, tournament);
                s.setString(8, leg.group().key());
                s.setInt(9, leg.number());
                s.executeUpdate();
            }
        });
    }

    /**
     * Waits until everything recorded so far is committed. A store that does not answer in time
     * is the writer's warning; the tournament goes on, as a chat does, and a resume may then
     * ask again for what was lost.
     */
    @Override
    public void sync() {
        writer.sync(SYNC_PATIENCE);
    }

    private static String votesJson(Map<String, Winner> votes) {
        if (votes == null || votes.isEmpty()) {
            return null;
        }
        JsonObject o = new JsonObject();
        votes.forEach((judge, vote) -> o.addProperty(judge, DebateColumns.word(vote)));
        return o.toString();
    }
}
