package dev.arena.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What {@code arena logs status} tells about a store: its schema version and how much it holds. */
public record StoreSummary(int schemaVersion, long chats, long debates, long requests) {

    public static StoreSummary of(StoreReader reader) throws StoreException {
        try (Statement s = reader.connection().createStatement();
             ResultSet row = s.executeQuery("""
                     SELECT (SELECT count(*) FROM conversations WHERE kind = 'chat'),
                            (SELECT count(*) FROM conversations WHERE kind = 'debate'),
                            (SELECT count(*) FROM requests)""")) {
            row.next();
            return new StoreSummary(Schema.version(reader.connection(), reader.file()), row.getLong(1), row.getLong(2), row.getLong(3));
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(reader.file(), e), e);
        }
    }
}
