package dev.arena.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Every write transaction of the store, begun IMMEDIATE: the write lock is taken at BEGIN,
 * where the busy timeout can wait for it. A deferred transaction that reads and then writes
 * cannot wait in WAL mode (SQLITE_BUSY_SNAPSHOT), which is how simonw/llm#789 fails under
 * {@code xargs -P}. Plain statements, not JDBC's auto-commit switch, which in this driver
 * begins the next transaction at every commit and so takes the lock twice.
 */
final class Transaction {

    /** The work inside one transaction; it may fail with SQL or with one checked exception of its own. */
    @FunctionalInterface
    interface Body<E extends Exception> {
        void run() throws SQLException, E;
    }

    private Transaction() {
    }

    static <E extends Exception> void immediate(Connection connection, Body<E> body) throws SQLException, E {
        execute(connection, "BEGIN IMMEDIATE");
        try {
            body.run();
            execute(connection, "COMMIT");
        } catch (Exception e) {
            rollback(connection, e);
            throw e; // precisely SQLException, E or unchecked, as the body threw
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e); // SQLite may have rolled back already (a full disk does)
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
