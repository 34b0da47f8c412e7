package dev.arena.store;

import dev.arena.text.TerminalSanitizer;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** One sentence for each way SQLite fails on the store: the one place that reads its error codes. */
final class StoreErrors {

    private StoreErrors() {
    }

    static String sentence(Path file, SQLException e) {
        String name = codeName(e);
        if (locked(e)) {
            return "the store " + file + " stayed locked by another arena for " + Math.max(1, Database.busyTimeoutMs() / 1000) + " s";
        }
        // SQLite reports a read-only or full file system as whatever failed first: opening the
        // -shm file (CANTOPEN) or sizing it (IOERR) when no other arena has it open, so ask the file system.
        boolean vague = name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_IOERR");
        if (name.startsWith("SQLITE_READONLY") || vague && readOnly(file)) {
            return "the store " + file + " is read-only";
        }
        if (name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB")) {
            return file + " is not a database arena can read (damaged, or another kind of file)";
        }
        if (name.startsWith("SQLITE_FULL") || vague && full(file)) {
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

    /** True when another connection held the lock past the busy timeout. */
    static boolean locked(SQLException e) {
        String name = codeName(e);
        return name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED");
    }

    private static String codeName(SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
        return code == null ? "" : code.name();
    }

    private static boolean readOnly(Path file) {
        return Files.exists(file) && !Files.isWritable(file);
    }

    private static boolean full(Path file) {
        Path existing = Files.exists(file) ? file : file.toAbsolutePath().getParent();
        try {
            return existing != null && Files.getFileStore(existing).getUsableSpace() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
