package dev.arena.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The store as the database file holds it while or after a launched arena writes it: read with
 * a plain read-only connection, so no migration, no recovery and nothing written changes what a
 * test sees (a killed arena's rows stay 'running' until an arena opens the store).
 */
final class StoreRows {

    private StoreRows() {
    }

    /** Every row of {@code sql}, each column as text. */
    static List<List<String>> query(Path db, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
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

    /** Polls (up to 60 s) until {@code sql}'s first column in its first row gives {@code value}. */
    static void await(Path db, String sql, String value) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            if (Files.exists(db)) {
                try {
                    List<List<String>> rows = query(db, sql);
                    if (!rows.isEmpty() && value.equals(rows.get(0).get(0))) {
                        return;
                    }
                } catch (SQLException e) {
                    // The schema is not there yet.
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(sql + " never gave " + value);
            }
            Thread.sleep(50);
        }
    }
}
