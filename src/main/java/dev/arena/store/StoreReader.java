package dev.arena.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The store as the reading commands see it ({@code arena logs}, {@code replay}, {@code chat -c}):
 * opened in the caller's thread, since they have nothing to show before it; never created, since
 * there is nothing to read in a new file. Unlike recording, a store that cannot be used is their
 * failure: a {@link StoreException} with the sentence (exit 3).
 */
public final class StoreReader implements AutoCloseable {

    /** The shortest id prefix accepted; shorter ones would match most of a busy store. */
    static final int MIN_PREFIX = 4;

    private final Path file;
    private final Connection connection;

    private StoreReader(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** The store at {@code file}, or empty when nothing was ever recorded there. */
    public static Optional<StoreReader> open(Path file, Path cacheDir) throws StoreException {
        if (!Files.exists(file) && !Journal.hasWaiting(file)) {
            return Optional.empty();
        }
        Connection connection = Database.open(file, cacheDir);
        // A store that cannot take what it is owed (read-only) is still read as it is.
        Database.catchUp(connection, file);
        return Optional.of(new StoreReader(file, connection));
    }

    public Path file() {
        return file;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * The conversation (chat or debate) whose id is {@code idOrPrefix}, or begins with it.
     *
     * @throws StoreException when none or several match, in a sentence that says what to do
     */
    public String resolve(String idOrPrefix) throws StoreException {
        String wanted = idOrPrefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (!Ids.looksLikeId(wanted)) {
            throw new StoreException("'" + idOrPrefix + "' is not an id (ids are 26 letters and digits; list them: arena logs)");
        }
        if (wanted.length() < MIN_PREFIX) {
            throw new StoreException("give at least " + MIN_PREFIX + " characters of the id, not '" + idOrPrefix + "'");
        }
        List<String> found = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT id FROM conversations WHERE id >= ? AND id < ? ORDER BY id LIMIT 6")) {
            s.setString(1, wanted);
            s.setString(2, wanted + "\uffff");
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(file, e), e);
        }
        if (found.isEmpty()) {
            throw new StoreException("no conversation or debate has the id " + idOrPrefix + " (list them: arena logs)");
        }
        if (found.size() > 1) {
            String shown = String.join(", ", found.subList(0, Math.min(5, found.size()))) + (found.size() > 5 ? ", ..." : "");
            throw new StoreException("the id prefix " + idOrPrefix + " matches " + (found.size() > 5 ? "more than 5" : found.size())
                    + " entries: " + shown + "; give more of it");
        }
        return found.get(0);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing was written through it.
        }
    }
}
