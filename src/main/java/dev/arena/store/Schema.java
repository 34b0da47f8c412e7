package dev.arena.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The store's tables, built by numbered migrations. The schema is part of arena's interface
 * (users query it with sqlite3 or Datasette; the README documents every column), so a
 * released migration is never edited: a change is a new one appended here. Each runs once,
 * in a transaction, and is recorded in {@code migrations}; a database whose highest version
 * is above {@link #VERSION} comes from a newer arena and is refused untouched.
 */
final class Schema {

    /** A migration: its version (1, 2, ... in order), a name for the table, and its statements. */
    record Migration(int version, String name, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "conversations and requests", List.of(
                    """
                    CREATE TABLE conversations (
                      id TEXT PRIMARY KEY,
                      kind TEXT NOT NULL CHECK (kind IN ('chat', 'debate')),
                      name TEXT UNIQUE,
                      title TEXT NOT NULL,
                      model TEXT,
                      system TEXT,
                      created_at TEXT NOT NULL,
                      updated_at TEXT NOT NULL
                    )""",
                    "CREATE INDEX conversations_by_update ON conversations (updated_at)",
                    """
                    CREATE TABLE requests (
                      id TEXT PRIMARY KEY,
                      conversation_id TEXT NOT NULL REFERENCES conversations (id),
                      purpose TEXT NOT NULL CHECK (purpose IN ('chat', 'turn', 'judge')),
                      side TEXT CHECK (side IN ('pro', 'con')),
                      round INTEGER,
                      reading INTEGER,
                      model_asked TEXT NOT NULL,
                      chain TEXT NOT NULL,
                      model TEXT,
                      provider TEXT,
                      generation_id TEXT,
                      messages TEXT NOT NULL,
                      prompt TEXT NOT NULL,
                      response TEXT NOT NULL DEFAULT '',
                      response_chars INTEGER NOT NULL DEFAULT 0,
                      reasoning TEXT NOT NULL DEFAULT '',
                      temperature REAL,
                      max_tokens INTEGER,
                      seed INTEGER,
                      prompt_tokens INTEGER,
                      completion_tokens INTEGER,
                      cost_usd REAL,
                      cost_estimated INTEGER NOT NULL DEFAULT 0,
                      sent_at TEXT NOT NULL,
                      first_token_at TEXT,
                      ended_at TEXT,
                      retries INTEGER NOT NULL DEFAULT 0,
                      fallbacks TEXT NOT NULL DEFAULT '[]',
                      status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'cut', 'failed', 'interrupted')),
                      finish_reason TEXT,
                      error TEXT,
                      process TEXT NOT NULL
                    )""",
                    "CREATE INDEX requests_by_conversation ON requests (conversation_id, sent_at)",
                    "CREATE INDEX requests_by_status ON requests (status)",
                    "CREATE INDEX requests_by_model ON requests (model_asked)",
                    // Full-text search over what was asked and answered, kept in step by triggers;
                    // the text itself stays in requests (an external-content table).
                    """
                    CREATE VIRTUAL TABLE requests_fts USING fts5 (
                      prompt, response, content = 'requests', content_rowid = 'rowid'
                    )""",
                    """
                    CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN
                      INSERT INTO requests_fts (rowid, prompt, response) VALUES (new.rowid, new.prompt, new.response);
                    END""",
                    """
                    CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests BEGIN
                      INSERT INTO requests_fts (requests_fts, rowid, prompt, response)
                        VALUES ('delete', old.rowid, old.prompt, old.response);
                    END""",
                    """
                    CREATE TRIGGER requests_fts_update AFTER UPDATE OF prompt, response ON requests BEGIN
                      INSERT INTO requests_fts (requests_fts, rowid, prompt, response)
                        VALUES ('delete', old.rowid, old.prompt, old.response);
                      INSERT INTO requests_fts (rowid, prompt, response) VALUES (new.rowid, new.prompt, new.response);
                    END""")),
            // A debate over its requests: its settings, every turn as it ended, the verdict with
            // both readings, and how the run ended; enough to play it back event by event.
            new Migration(2, "debates", List.of(
                    """
                    CREATE TABLE debates (
                      id TEXT PRIMARY KEY REFERENCES conversations (id),
                      topic TEXT NOT NULL,
                      rounds INTEGER NOT NULL,
                      pro_models TEXT NOT NULL,
                      con_models TEXT NOT NULL,
                      judge_models TEXT NOT NULL DEFAULT '[]',
                      pro_stance TEXT,
                      con_stance TEXT,
                      temperature REAL,
                      max_tokens INTEGER,
                      seed INTEGER,
                      status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted', 'failed',
                        'output_closed', 'write_failed')),
                      outcome_reason TEXT,
                      winner TEXT CHECK (winner IN ('pro', 'con', 'tie')),
                      judge_fallbacks TEXT NOT NULL DEFAULT '[]',
                      stop_reason TEXT,
                      elapsed_ns INTEGER,
                      started_at TEXT NOT NULL,
                      ended_at TEXT,
                      process TEXT NOT NULL
                    )""",
                    "CREATE INDEX debates_by_status ON debates (status)",
                    """
                    CREATE TABLE turns (
                      debate_id TEXT NOT NULL REFERENCES debates (id),
                      idx INTEGER NOT NULL,
                      round INTEGER NOT NULL,
                      side TEXT NOT NULL CHECK (side IN ('pro', 'con')),
                      phase TEXT NOT NULL CHECK (phase IN ('opening', 'rebuttal', 'closing')),
                      model_asked TEXT NOT NULL,
                      first_model TEXT,
                      model TEXT,
                      text TEXT NOT NULL,
                      prompt_tokens INTEGER,
                      completion_tokens INTEGER,
                      cost_usd REAL,
                      cost_estimated INTEGER NOT NULL DEFAULT 0,
                      usage_invalid INTEGER NOT NULL DEFAULT 0,
                      started_at TEXT NOT NULL,
                      ended_at TEXT NOT NULL,
                      elapsed_ns INTEGER NOT NULL,
                      fallbacks TEXT NOT NULL DEFAULT '[]',
                      error TEXT,
                      PRIMARY KEY (debate_id, idx)
                    )""",
                    """
                    CREATE TABLE verdicts (
                      debate_id TEXT PRIMARY KEY REFERENCES debates (id),
                      winner TEXT NOT NULL CHECK (winner IN ('pro', 'con', 'tie')),
                      tie_reason TEXT CHECK (tie_reason IN ('judged', 'readings_disagreed', 'answer_unreadable')),
                      readings_agree INTEGER NOT NULL,
                      judge_model TEXT,
                      rationale TEXT,
                      pro_scores TEXT,
                      con_scores TEXT,
                      prompt_tokens INTEGER,
                      completion_tokens INTEGER,
                      cost_usd REAL,
                      cost_estimated INTEGER NOT NULL DEFAULT 0,
                      usage_invalid INTEGER NOT NULL DEFAULT 0,
                      elapsed_ns INTEGER NOT NULL,
                      judged_at TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE judge_readings (
                      debate_id TEXT NOT NULL REFERENCES verdicts (debate_id),
                      reading INTEGER NOT NULL CHECK (reading IN (1, 2)),
                      presented_first TEXT NOT NULL CHECK (presented_first IN ('pro', 'con')),
                      winner TEXT CHECK (winner IN ('pro', 'con', 'tie')),
                      parsed INTEGER NOT NULL,
                      pro_scores TEXT,
                      con_scores TEXT,
                      rationale TEXT,
                      raw_answer TEXT,
                      PRIMARY KEY (debate_id, reading)
                    )""")),
            // Sessions live in the store: a chat's settings beside its model and system prompt,
            // where its history starts again (/clear, /load), and which old session files were imported.
            new Migration(3, "sessions", List.of(
                    "ALTER TABLE conversations ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'",
                    "ALTER TABLE conversations ADD COLUMN history_from TEXT",
                    """
                    CREATE TABLE session_imports (
                      path TEXT PRIMARY KEY,
                      conversation_id TEXT REFERENCES conversations (id),
                      imported_at TEXT NOT NULL
                    )""")),
            // A tournament: its settings as first run (a resume must match them), every scheduled
            // debate in schedule order with its state and panel result, and every judge reading of
            // the panel, each stored as it arrives so a resume asks only for the missing ones.
            new Migration(4, "tournaments", List.of(
                    """
                    CREATE TABLE tournaments (
                      name TEXT PRIMARY KEY,
                      settings TEXT NOT NULL,
                      status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'budget', 'interrupted', 'failed')),
                      budget_usd REAL,
                      stop_reason TEXT,
                      created_at TEXT NOT NULL,
                      updated_at TEXT NOT NULL,
                      ended_at TEXT,
                      process TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE tournament_debates (
                      tournament TEXT NOT NULL REFERENCES tournaments (name),
                      position INTEGER NOT NULL,
                      group_key TEXT NOT NULL,
                      leg INTEGER NOT NULL CHECK (leg IN (1, 2)),
                      motion TEXT NOT NULL,
                      pro_model TEXT NOT NULL,
                      con_model TEXT NOT NULL,
                      debate_id TEXT REFERENCES conversations (id),
                      status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'complete', 'failed', 'interrupted',
                        'budget')),
                      winner TEXT CHECK (winner IN ('pro', 'con', 'tie')),
                      votes TEXT,
                      fallback_spoke INTEGER NOT NULL DEFAULT 0,
                      error TEXT,
                      ended_at TEXT,
                      PRIMARY KEY (tournament, group_key, leg)
                    )""",
                    "CREATE INDEX tournament_debates_by_debate ON tournament_debates (debate_id)",
                    """
                    CREATE TABLE panel_readings (
                      debate_id TEXT NOT NULL REFERENCES conversations (id),
                      judge_model TEXT NOT NULL,
                      reading INTEGER NOT NULL CHECK (reading IN (1, 2)),
                      presented_first TEXT NOT NULL CHECK (presented_first IN ('pro', 'con')),
                      model TEXT,
                      winner TEXT CHECK (winner IN ('pro', 'con', 'tie')),
                      parsed INTEGER NOT NULL,
                      pro_scores TEXT,
                      con_scores TEXT,
                      rationale TEXT,
                      raw_answer TEXT,
                      read_at TEXT NOT NULL,
                      PRIMARY KEY (debate_id, judge_model, reading)
                    )""")));

    /** The newest schema this arena knows. */
    static final int VERSION = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private Schema() {
    }

    /**
     * Brings the schema to {@link #VERSION}. An up-to-date database is only read, so a
     * read-only one still serves reads; the check is repeated inside the write transaction,
     * as another arena may have migrated meanwhile.
     */
    static void migrate(Connection connection, Path file) throws SQLException, StoreException {
        if (version(connection, file) == VERSION) {
            return;
        }
        Transaction.<StoreException>immediate(connection, () -> {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            int current = version(connection, file);
            for (Migration migration : MIGRATIONS) {
                if (migration.version() > current) {
                    apply(connection, migration);
                }
            }
            // The version also in the file's header, where StoreHeader reads it without SQLite.
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA user_version = " + VERSION);
            }
        });
        // The header in the file itself changes only when the WAL is copied back into it.
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /** The highest migration applied, 0 for a new file. */
    static int version(Connection connection, Path file) throws SQLException, StoreException {
        // One statement, so one snapshot: another arena may commit its first migration in between two.
        try (Statement s = connection.createStatement();
             ResultSet tables = s.executeQuery("SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                     + " AND name = 'migrations'), (SELECT count(*) FROM sqlite_master)")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                // No migrations: a new file, or another program's database, which arena's tables
                // must not be written into (--db pointed at the wrong file).
                if (tables.getInt(2) > 0) {
                    throw new StoreException(file + " is another program's database (it has tables but none of arena's),"
                            + " so it was left as it is");
                }
                return 0;
            }
        }
        int version;
        try (Statement s = connection.createStatement();
             ResultSet max = s.executeQuery("SELECT coalesce(max(version), 0) FROM migrations")) {
            version = max.next() ? max.getInt(1) : 0;
        }
        if (version > VERSION) {
            throw new StoreException("the store " + file + " comes from a newer arena (schema " + version
                    + "; this one knows up to " + VERSION + "), so it was left as it is");
        }
        return version;
    }

    private static void apply(Connection connection, Migration migration) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String statement : migration.statements()) {
                s.execute(statement);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.name());
            insert.setString(3, Instant.now().toString());
            insert.executeUpdate();
        }
    }
}
