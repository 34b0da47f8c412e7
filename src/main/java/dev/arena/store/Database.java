package dev.arena.store;

import dev.arena.files.FileErrors;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the store's SQLite file the one way arena uses it: WAL, so that readers never block
 * the writer and many processes write in turn; a busy timeout, so that a writer waits for the
 * lock instead of failing with "database is locked" (and every write is an IMMEDIATE
 * {@link Transaction}, so the timeout can apply). The schema is brought up to date on open.
 */
public final class Database {

    /**
     * How long a writer waits for another's transaction. Arena's transactions last
     * milliseconds; this covers hundreds of writers, or one slow disk.
     */
    static final int BUSY_TIMEOUT_MS = 30_000;

    /** {@link #BUSY_TIMEOUT_MS}, but for tests of a store held locked past it, which would otherwise wait 30 s. */
    private static volatile int busyTimeoutMs = BUSY_TIMEOUT_MS;

    private Database() {
    }

    /**
     * A connection to {@code file}, created (mode 0600) when absent, with the schema migrated
     * to {@link Schema#VERSION}. The native library is taken from {@code cacheDir}.
     *
     * @throws StoreException when the file cannot be opened, is not a database, or is newer
     */
    public static Connection open(Path file, Path cacheDir) throws StoreException {
        createPrivately(file);
        // Only now, just before the driver loads the library: properties set for a store that then
        // failed would name a directory that may be gone by the next open in this process.
        NativeSqlite.prepare(cacheDir);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMs);
        // In WAL mode NORMAL loses no committed transaction when arena is killed; only a power
        // cut can take back the last ones, and the database stays consistent either way.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        Connection connection;
        try {
            // The driver class directly, not DriverManager, which would load every JDBC driver
            // on the class path through the service loader first.
            connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, config.toProperties());
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(file, e), e);
        }
        try {
            // A newer arena's store is refused before anything touches it: switching a store in
            // rollback-journal mode to WAL rewrites its header, so the mode is set only after.
            Schema.version(connection, file);
            switchToWal(connection);
            Schema.migrate(connection, file);
            return connection;
        } catch (StoreException e) {
            close(connection);
            throw e;
        } catch (SQLException e) {
            close(connection);
            throw new StoreException(StoreErrors.sentence(file, e), e);
        }
    }

    /**
     * What every arena that opens the store owes it first: the records short runs left in the
     * journal moved in, and the rows a killed arena left running marked interrupted, so that
     * nobody reads them as still going. Returns the first problem as a sentence, or null.
     */
    static String catchUp(Connection connection, Path file) {
        String problem = Journal.ingest(connection, file);
        try {
            Recovery.markAbandoned(connection);
        } catch (SQLException e) {
            problem = problem != null ? problem : StoreErrors.sentence(file, e);
        }
        return problem;
    }

    /**
     * WAL mode, once per file. Switching needs the file to itself, and SQLite refuses the switch
     * at once, without the busy timeout, while another connection is inside a transaction: only
     * arenas opening a brand-new file at the same moment meet that, so the switch is retried until
     * the busy timeout instead.
     */
    private static void switchToWal(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + busyTimeoutMs * 1_000_000L;
        while (true) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                return;
            } catch (SQLException e) {
                if (!StoreErrors.locked(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the store", e);
            }
        }
    }

    static int busyTimeoutMs() {
        return busyTimeoutMs;
    }

    /** Shortens the busy timeout; only tests do, and they put it back. */
    static void busyTimeoutMs(int millis) {
        busyTimeoutMs = millis;
    }

    /** Makes the file 0600 before SQLite makes it with the umask's mode; its -wal and -shm files take the same mode. */
    private static void createPrivately(Path file) throws StoreException {
        if (Files.isDirectory(file)) {
            // SQLite would say only that it cannot open it.
            throw new StoreException("the store " + file + " is a directory, not a database file");
        }
        if (Files.exists(file)) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                // Else createDirectories fails with FileAlreadyExistsException, taken below for a race.
                throw new StoreException("cannot create the store " + file + ": " + dir + " is a file, not a directory");
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // Another arena made it first.
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: SQLite makes it with the default mode.
        } catch (IOException e) {
            throw new StoreException("cannot create the store " + file + ": " + FileErrors.reason(e), e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Already failing with a better sentence.
        }
    }
}
