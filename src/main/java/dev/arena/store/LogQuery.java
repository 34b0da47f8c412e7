package dev.arena.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which entries {@code arena logs} lists: the latest {@code limit} (0 for all) that pass the
 * filters, newest last; or, with a search, the best {@code limit} matches, best first.
 *
 * @param kind   "chat", "debate", or null for both
 * @param model  entries with a request that asked for or was answered by this model, or null
 * @param since  entries active (updated) at or after this time, or null
 * @param search words that must all occur in a prompt or an answer of the entry, or null
 */
public record LogQuery(int limit, String kind, String model, java.time.Instant since, String search) {

    /** Shown around each matched word of a search's snippet. */
    public static final String MATCH_START = "[";
    public static final String MATCH_END = "]";

    /** Words on each side of the match in a snippet: one line's worth. */
    static final int SNIPPET_TOKENS = 12;

    public LogQuery {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (all) or more, not " + limit);
        }
        if (search != null && searchExpression(search).isEmpty()) {
            throw new IllegalArgumentException("the search has no words");
        }
    }

    /**
     * The user's words as an FTS5 query that cannot be a syntax error: each word a quoted FTS5
     * string (quotes inside doubled), so AND, NEAR, *, ( and " are searched for as text, not
     * read as operators; juxtaposed strings are FTS5's implicit AND. Empty for no words.
     */
    public static String searchExpression(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add("\"" + word.replace("\"", "\"\"") + "\"");
            }
        }
        return String.join(" ", words);
    }

    /** The entries, in the order {@code arena logs} shows them. */
    public List<LogEntry> run(StoreReader reader) throws StoreException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        if (search != null) {
            // A materialised CTE, as bm25() and snippet() may only run in the full-text query
            // itself; min() then takes each entry's best request, and its snippet with it
            // (SQLite's bare columns take the row of the min).
            sql.append("""
                    WITH hits AS MATERIALIZED (
                      SELECT r.conversation_id AS cid, bm25(requests_fts) AS score,
                        snippet(requests_fts, -1, ?, ?, '…', ?) AS snippet
                      FROM requests_fts JOIN requests r ON r.rowid = requests_fts.rowid
                      WHERE requests_fts MATCH ?),
                    best AS (SELECT cid, min(score) AS score, snippet FROM hits GROUP BY cid)
                    """);
            params.addAll(List.of(MATCH_START, MATCH_END, SNIPPET_TOKENS, searchExpression(search)));
        }
        // The filters pick the entries first, so the per-entry sums below run for those alone.
        sql.append("SELECT c.*, ")
                .append("""
                        (SELECT count(*) FROM requests r WHERE r.conversation_id = c.id) AS requests,
                        (SELECT sum(r.cost_usd) FROM requests r WHERE r.conversation_id = c.id) AS cost,
                        (SELECT count(*) FROM requests r WHERE r.conversation_id = c.id AND r.cost_estimated = 1) AS estimated,
                        (SELECT coalesce(r.model, r.model_asked) FROM requests r WHERE r.conversation_id = c.id
                          ORDER BY r.sent_at DESC, r.rowid DESC LIMIT 1) AS last_model,
                        (SELECT r.model_asked FROM requests r WHERE r.conversation_id = c.id AND r.purpose = 'turn'
                          AND r.side = 'pro' ORDER BY r.sent_at, r.rowid LIMIT 1) AS pro_model,
                        (SELECT r.model_asked FROM requests r WHERE r.conversation_id = c.id AND r.purpose = 'turn'
                          AND r.side = 'con' ORDER BY r.sent_at, r.rowid LIMIT 1) AS con_model
                        FROM (SELECT c.id, c.kind, c.title, c.name, c.created_at, c.updated_at""")
                .append(search != null ? ", b.score, b.snippet FROM conversations c JOIN best b ON b.cid = c.id" : " FROM conversations c")
                .append(" WHERE 1 = 1");
        if (kind != null) {
            sql.append(" AND c.kind = ?");
            params.add(kind);
        }
        if (model != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM requests r WHERE r.conversation_id = c.id AND (r.model_asked = ? OR r.model = ?))");
            params.add(model);
            params.add(model);
        }
        if (since != null) {
            sql.append(" AND c.updated_at >= ?");
            params.add(StoreTime.format(since));
        }
        String order = (search != null ? "score, " : "") + "updated_at DESC, id DESC";
        sql.append(" ORDER BY ").append(search != null ? "b.score, " : "").append("c.updated_at DESC, c.id DESC");
        if (limit > 0) {
            sql.append(" LIMIT ?");
            params.add(limit);
        }
        sql.append(") c ORDER BY ").append(order);
        List<LogEntry> entries = new ArrayList<>();
        try (PreparedStatement s = reader.connection().prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows, entries.size() + 1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(reader.file(), e), e);
        }
        if (search == null) {
            Collections.reverse(entries); // picked newest first, shown newest last
        }
        return entries;
    }

    private LogEntry entry(ResultSet row, int position) throws SQLException {
        String kind = row.getString("kind");
        List<String> models = new ArrayList<>();
        if (kind.equals("debate")) {
            addIfPresent(models, row.getString("pro_model"));
            addIfPresent(models, row.getString("con_model"));
        } else {
            addIfPresent(models, row.getString("last_model"));
        }
        double cost = row.getDouble("cost");
        Double costUsd = row.wasNull() ? null : cost;
        return new LogEntry(row.getString("id"), kind, row.getString("title"), row.getString("name"),
                StoreTime.parse(row.getString("created_at")), StoreTime.parse(row.getString("updated_at")),
                models, row.getInt("requests"), costUsd, row.getInt("estimated") > 0,
                search == null ? null : row.getString("snippet"), search == null ? null : position);
    }

    private static void addIfPresent(List<String> models, String model) {
        if (model != null) {
            models.add(model);
        }
    }
}
