package dev.arena.store;

import dev.arena.text.Redactor;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Brings the session files of an older arena into the store, once each: a file becomes a named
 * conversation whose messages are requests of process "import" ({@link SessionRecorder#insertHistory}),
 * and its path goes into {@code session_imports} in the same transaction, so that two arenas
 * starting at once import it once. The files are left where they are.
 */
public final class SessionImport implements AutoCloseable {

    static final String PROCESS = "import";

    /** One session file, read: its name is the conversation's, its time the file's. */
    public record Session(Path path, String name, ChatSettings settings, List<HistoryMessage> messages, Instant modified) {
    }

    /** How an import went. */
    public enum Result {
        IMPORTED,
        /** Another arena imported it meanwhile. */
        ALREADY,
        /** The store has a session of that name already: the file is recorded as seen and left out. */
        NAME_TAKEN
    }

    private final Path file;
    private final Connection connection;
    private final Redactor redactor;

    private SessionImport(Path file, Connection connection, Redactor redactor) {
        this.file = file;
        this.connection = connection;
        this.redactor = redactor;
    }

    /** The store at {@code file}, created if need be: there is something to keep in it. */
    public static SessionImport open(Path file, Path cacheDir, Redactor redactor) throws StoreException {
        return new SessionImport(file, Database.open(file, cacheDir), redactor);
    }

    /** The key a file is known by in {@code session_imports}. */
    public static String key(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    /** The files imported so far (their {@link #key}s). */
    public Set<String> imported() throws StoreException {
        Set<String> paths = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT path FROM session_imports");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                paths.add(rows.getString(1));
            }
            return paths;
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(file, e), e);
        }
    }

    /** Imports {@code session}, its conversation last updated at {@code updatedAt}. */
    public Result add(Session session, Instant updatedAt) throws StoreException {
        Result[] result = new Result[1];
        try {
            Transaction.<RuntimeException>immediate(connection, () -> {
                result[0] = addInside(session, updatedAt);
            });
            return result[0];
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(file, e), e);
        }
    }

    private Result addInside(Session session, Instant updatedAt) throws SQLException {
        String key = key(session.path());
        if (exists("SELECT 1 FROM session_imports WHERE path = ?", key)) {
            return Result.ALREADY;
        }
        String id = null;
        Result result = Result.NAME_TAKEN;
        if (!exists("SELECT 1 FROM conversations WHERE name = ?", session.name())) {
            id = Ids.next(session.modified());
            ChatSettings settings = session.settings();
            ChatSettings redacted = new ChatSettings(settings.model(), settings.fallbacks(),
                    settings.system() == null ? null : redactor.redact(settings.system()), settings.temperature(),
                    settings.maxTokens(), settings.seed());
            String title = session.messages().stream().filter(HistoryMessage::isUser).findFirst()
                    .map(HistoryMessage::content).orElse(session.name());
            Conversations.chatStarted(id, session.name(), redactor.redact(title), redacted, session.modified(), updatedAt)
                    .apply(connection);
            SessionRecorder.insertHistory(connection, redactor, id, settings, session.messages(), session.modified(), PROCESS);
            result = Result.IMPORTED;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO session_imports (path, conversation_id, imported_at) VALUES (?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, id);
            s.setString(3, StoreTime.format(Instant.now()));
            s.executeUpdate();
        }
        return result;
    }

    private boolean exists(String sql, String parameter) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet row = s.executeQuery()) {
                return row.next();
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Every import was committed in its own transaction.
        }
    }
}
