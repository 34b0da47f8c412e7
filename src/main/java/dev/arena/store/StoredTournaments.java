package dev.arena.store;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.debate.Side;
import dev.arena.debate.Turn;
import dev.arena.debate.JudgeReading;
import dev.arena.debate.Scores;
import dev.arena.debate.Winner;
import dev.arena.leaderboard.ScheduledResult;
import dev.arena.tournament.Group;
import dev.arena.tournament.Leg;
import dev.arena.tournament.DebateState;
import dev.arena.tournament.PanelReading;
import dev.arena.tournament.TournamentStatus;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tournaments in the store, read and changed at once rather than through the
 * {@link StoreWriter}: what a tournament does next depends on what is there (a resume), and two
 * arenas must never run one tournament at the same time, which {@link #claim} settles in one
 * write transaction.
 */
public final class StoredTournaments implements AutoCloseable {

    /** One tournament as stored: its settings (JSON), how its last run ended, and its budget. */
    public record Tournament(String name, String settings, TournamentStatus status, Double budget, String stopReason,
                             Instant createdAt, Instant updatedAt) {
    }

    /** One scheduled debate as stored. {@code position} orders the groups as the schedule shuffled them. */
    public record Entry(Leg leg, int position, String motion, String debateId, DebateState state, Winner winner,
                        Map<String, Winner> votes, boolean fallbackSpoke, String error) {

        /** A debate just scheduled. */
        public static Entry pending(Leg leg, int position, String motion) {
            return new Entry(leg, position, motion, null, DebateState.PENDING, null, Map.of(), false, null);
        }
    }

    private final Connection connection;
    private final Path file;

    public StoredTournaments(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /**
     * The store at {@code file}, made if need be, for a tournament to run in: it is caught up first
     * (the journal moved in, what a killed arena left running marked interrupted).
     */
    public static StoredTournaments open(Path file, Path cacheDir) throws StoreException {
        Connection connection = Database.open(file, cacheDir);
        String problem = Database.catchUp(connection, file);
        if (problem != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Refused anyway.
            }
            throw new StoreException(problem);
        }
        return new StoredTournaments(connection, file);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Everything was committed as it was written.
        }
    }

    public Optional<Tournament> find(String name) throws StoreException {
        return query(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT * FROM tournaments WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(tournament(r)) : Optional.<Tournament>empty();
                }
            }
        });
    }

    /** Every tournament, the most recently run last. */
    public List<Tournament> all() throws StoreException {
        return query(() -> {
            List<Tournament> all = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT * FROM tournaments ORDER BY updated_at, name");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(tournament(r));
                }
            }
            return all;
        });
    }

    /**
     * Makes {@code name} this process's to run: a new tournament with {@code settings}, or the
     * stored one (whose settings the caller compared first) marked running again.
     *
     * @throws StoreException another arena, still alive, is running it
     */
    public void claim(String name, String settings, Double budget, Instant at) throws StoreException {
        write(() -> Transaction.<StoreException>immediate(connection, () -> {
            String process = null;
            String status = null;
            try (PreparedStatement s = connection.prepareStatement("SELECT status, process FROM tournaments WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        status = r.getString(1);
                        process = r.getString(2);
                    }
                }
            }
            if ("running".equals(status) && !Recovery.THIS_PROCESS.equals(process) && Recovery.alive(process)) {
                throw new StoreException("tournament " + name + " is being run by another arena (process "
                        + process.substring(0, process.indexOf('@')) + "); wait for it, or stop it first");
            }
            String sql = status == null
                    ? "INSERT INTO tournaments (settings, budget_usd, updated_at, process, name, status, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, 'running', ?)"
                    : "UPDATE tournaments SET settings = ?, budget_usd = ?, updated_at = ?, process = ?, status = 'running',"
                      + " stop_reason = NULL, ended_at = NULL WHERE name = ?";
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, settings);
                if (budget == null) {
                    s.setNull(2, Types.REAL);
                } else {
                    s.setDouble(2, budget);
                }
                s.setString(3, StoreTime.format(at));
                s.setString(4, Recovery.THIS_PROCESS);
                s.setString(5, name);
                if (status == null) {
                    s.setString(6, StoreTime.format(at));
                }
                s.executeUpdate();
            }
        }));
    }

    /** Adds debates to the schedule as pending; those already there are kept as they are. */
    public void schedule(String name, List<Entry> entries) throws StoreException {
        write(() -> Transaction.<RuntimeException>immediate(connection, () -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    INSERT OR IGNORE INTO tournament_debates (tournament, position, group_key, leg, motion, pro_model,
                      con_model, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')""")) {
                for (Entry e : entries) {
                    s.setString(1, name);
                    s.setInt(2, e.position());
                    s.setString(3, e.leg().group().key());
                    s.setInt(4, e.leg().number());
                    s.setString(5, e.motion());
                    s.setString(6, e.leg().pro());
                    s.setString(7, e.leg().con());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }));
    }

    /** How this run of the tournament ended; {@code reason} is null for a complete one. */
    public void end(String name, TournamentStatus status, String reason, Instant at) throws StoreException {
        write(() -> Transaction.<RuntimeException>immediate(connection, () -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE tournaments SET status = ?, stop_reason = ?, updated_at = ?, ended_at = ? WHERE name = ?")) {
                s.setString(1, status.id());
                s.setString(2, reason);
                s.setString(3, StoreTime.format(at));
                s.setString(4, StoreTime.format(at));
                s.setString(5, name);
                s.executeUpdate();
            }
        }));
    }

    /** The schedule in its order: by group position, then leg. */
    public List<Entry> entries(String name) throws StoreException {
        return query(() -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT * FROM tournament_debates WHERE tournament = ? ORDER BY position, leg")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        entries.add(new Entry(new Leg(Group.ofKey(r.getString("group_key")), r.getInt("leg")), r.getInt("position"),
                                r.getString("motion"), r.getString("debate_id"), DebateState.of(r.getString("status")),
                                DebateColumns.winner(r.getString("winner")), votes(r.getString("votes")),
                                r.getInt("fallback_spoke") != 0, r.getString("error")));
                    }
                }
            }
            return entries;
        });
    }

    /** The panel's readings of one debate, in the order they were stored. */
    public List<PanelReading> readings(String debateId) throws StoreException {
        return query(() -> {
            List<PanelReading> readings = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT * FROM panel_readings WHERE debate_id = ? ORDER BY read_at, judge_model, reading")) {
                s.setString(1, debateId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Map<Side, Scores> scores = new EnumMap<>(Side.class);
                        Scores pro = DebateColumns.scores(r.getString("pro_scores"));
                        Scores con = DebateColumns.scores(r.getString("con_scores"));
                        if (pro != null) {
                            scores.put(Side.PRO, pro);
                        }
                        if (con != null) {
                            scores.put(Side.CON, con);
                        }
                        JudgeReading answer = new JudgeReading(DebateColumns.side(r.getString("presented_first")),
                                DebateColumns.winner(r.getString("winner")), scores, r.getString("rationale"),
                                r.getString("raw_answer"), r.getInt("parsed") != 0);
                        readings.add(new PanelReading(r.getString("judge_model"), r.getInt("reading"), answer,
                                r.getString("model")));
                    }
                }
            }
            return readings;
        });
    }

    /**
     * The turns of a debate an earlier run completed, in speaking order, up to its first turn
     * that failed or was cut off: a resume goes on from there.
     */
    public List<Turn> spokenTurns(String debateId) throws StoreException {
        return query(() -> {
            List<Turn> turns = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT * FROM turns WHERE debate_id = ? ORDER BY idx")) {
                s.setString(1, debateId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Turn turn = StoredDebate.turn(r);
                        if (turn.failed()) {
                            break;
                        }
                        turns.add(turn);
                    }
                }
            }
            return turns;
        });
    }

    /** What every request of the tournament's debates cost, as far as it is known. */
    public double spent(String name) throws StoreException {
        return query(() -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT coalesce(sum(r.cost_usd), 0) FROM requests r
                    WHERE r.conversation_id IN (SELECT debate_id FROM tournament_debates WHERE tournament = ?)""")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getDouble(1) : 0.0;
                }
            }
        });
    }

    /**
     * Every scheduled debate of tournament {@code name} with its result and what each side's
     * turns cost, in schedule order, in one query: what a leaderboard is built from. A side's
     * cost is unknown (null) when it has no turn request, or one that was answered (a first
     * token arrived, so it was billed) at no known price; a request that failed before its first
     * token costs nothing.
     */
    public List<ScheduledResult> results(String name) throws StoreException {
        return query(() -> {
            List<ScheduledResult> results = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT td.group_key, td.leg, td.status, td.winner, td.fallback_spoke,
                      c.pro_requests, c.pro_unpriced, c.pro_cost, c.con_requests, c.con_unpriced, c.con_cost
                    FROM tournament_debates td LEFT JOIN (
                      SELECT conversation_id,
                        count(*) FILTER (WHERE side = 'pro') AS pro_requests,
                        count(*) FILTER (WHERE side = 'pro' AND cost_usd IS NULL AND first_token_at IS NOT NULL) AS pro_unpriced,
                        total(cost_usd) FILTER (WHERE side = 'pro') AS pro_cost,
                        count(*) FILTER (WHERE side = 'con') AS con_requests,
                        count(*) FILTER (WHERE side = 'con' AND cost_usd IS NULL AND first_token_at IS NOT NULL) AS con_unpriced,
                        total(cost_usd) FILTER (WHERE side = 'con') AS con_cost
                      FROM requests
                      WHERE purpose = 'turn'
                        AND conversation_id IN (SELECT debate_id FROM tournament_debates WHERE tournament = ?)
                      GROUP BY conversation_id) c ON c.conversation_id = td.debate_id
                    WHERE td.tournament = ?
                    ORDER BY td.position, td.leg""")) {
                s.setString(1, name);
                s.setString(2, name);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        results.add(new ScheduledResult(name, new Leg(Group.ofKey(r.getString("group_key")), r.getInt("leg")),
                                DebateState.of(r.getString("status")), DebateColumns.winner(r.getString("winner")),
                                r.getInt("fallback_spoke") != 0, sideCost(r, "pro"), sideCost(r, "con")));
                    }
                }
            }
            return results;
        });
    }

    private static Double sideCost(ResultSet r, String side) throws SQLException {
        boolean known = r.getInt(side + "_requests") > 0 && r.getInt(side + "_unpriced") == 0;
        return known ? r.getDouble(side + "_cost") : null;
    }

    private static Tournament tournament(ResultSet r) throws SQLException {
        double budget = r.getDouble("budget_usd");
        Double b = r.wasNull() ? null : budget;
        return new Tournament(r.getString("name"), r.getString("settings"), TournamentStatus.of(r.getString("status")), b,
                r.getString("stop_reason"), StoreTime.parse(r.getString("created_at")),
                StoreTime.parse(r.getString("updated_at")));
    }

    private static Map<String, Winner> votes(String json) {
        Map<String, Winner> votes = new LinkedHashMap<>();
        if (json != null) {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            o.entrySet().forEach(e -> votes.put(e.getKey(), DebateColumns.winner(e.getValue().getAsString())));
        }
        return votes;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException, StoreException;
    }

    @FunctionalInterface
    private interface Write {
        void run() throws SQLException, StoreException;
    }

    private <T> T query(Query<T> q) throws StoreException {
        try {
            return q.run();
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(file, e), e);
        }
    }

    private void write(Write w) throws StoreException {
        query(() -> {
            w.run();
            return null;
        });
    }
}
