package dev.arena.store;

import dev.arena.text.TerminalSanitizer;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;

/** One sentence for each way SQLite fails on the store: the one place that reads its error codes. */
final class StoreErrors {

    private StoreErrors() {
    }

    static String sentence(Path file, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
        String name = code == null ? "" : code.name();
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return "the store " + file + " stayed locked by another arena for " + Math.max(1, Database.busyTimeoutMs() / 1000) + " s";
        }
        if (name.startsWith("SQLITE_READONLY")) {
            return "the store " + file + " is read-only";
        }
        if (name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB")) {
            return file + " is not a database arena can read (damaged, or another kind of file)";
        }
        if (name.startsWith("SQLITE_FULL")) {
            return "the disk holding the store " + file + " is full";
        }
        if (name.startsWith("SQLITE_CANTOPEN")) {
            return "cannot open the store " + file + " (check that its directory exists and is writable)";
        }
        if (name.startsWith("SQLITE_IOERR")) {
            return "an I/O error on the store " + file;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "the store " + file + " failed: " + TerminalSanitizer.strip(message).replaceAll("\\s+", " ").strip();
    }
}
