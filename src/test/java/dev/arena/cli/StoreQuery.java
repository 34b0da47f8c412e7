package dev.arena.cli;

import dev.arena.store.Database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The store as the next arena would read it: opened as arena opens it (so what a short run left
 * in the journal is moved in first), each row of a query with every column as text.
 */
final class StoreQuery {

    private StoreQuery() {
    }

    static List<List<String>> rows(Path db, Path cacheDir, String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = Database.open(db, cacheDir);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
