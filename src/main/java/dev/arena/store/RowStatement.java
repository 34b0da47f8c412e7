package dev.arena.store;

/**
 * The writes a short run may leave in the journal instead of the database (see
 * {@link StoreWriter}): named, so that a journal file holds data and never SQL. Each is
 * idempotent (an insert that finds its row ignores it), so a journal applied twice by two
 * arenas at once changes nothing the second time.
 */
enum RowStatement {

    CONVERSATION_STARTED("""
            INSERT OR IGNORE INTO conversations (id, kind, name, title, model, system, settings, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""),

    REQUEST_STARTED("""
            INSERT OR IGNORE INTO requests (id, conversation_id, purpose, side, round, reading, model_asked, chain,
              messages, prompt, temperature, max_tokens, seed, sent_at, status, process)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)"""),

    REQUEST_ENDED("""
            UPDATE requests SET model = ?, provider = ?, generation_id = ?, response = ?, response_chars = ?,
              reasoning = ?, prompt_tokens = ?, completion_tokens = ?, cost_usd = ?, cost_estimated = ?,
              first_token_at = ?, ended_at = ?, retries = ?, fallbacks = ?, status = ?, finish_reason = ?,
              error = ?
            WHERE id = ?"""),

    CONVERSATION_TOUCHED("UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?");

    private final String sql;

    RowStatement(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
