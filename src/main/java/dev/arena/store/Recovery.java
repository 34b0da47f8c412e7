package dev.arena.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds what an arena that died (a {@code kill -9}, a crash, a power cut) left marked
 * running, and marks it interrupted. Every running row names the process that wrote it as
 * {@code pid@start}; a process that no longer exists, or whose pid now belongs to a process
 * started at another time, is dead. Rows of processes still alive are left alone.
 */
final class Recovery {

    /** The tables whose rows have a status and a process; later migrations add theirs here. */
    private static final List<String> TABLES = List.of("requests", "debates", "tournaments");

    static final String THIS_PROCESS = token(ProcessHandle.current());

    private Recovery() {
    }

    static void markAbandoned(Connection connection) throws SQLException {
        for (String table : TABLES) {
            for (String process : runningProcesses(connection, table)) {
                if (!alive(process)) {
                    markInterrupted(connection, table, process);
                }
            }
        }
    }

    private static List<String> runningProcesses(Connection connection, String table) throws SQLException {
        List<String> processes = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT DISTINCT process FROM " + table + " WHERE status = 'running' AND process <> ?")) {
            s.setString(1, THIS_PROCESS);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    processes.add(rows.getString(1));
                }
            }
        }
        return processes;
    }

    private static void markInterrupted(Connection connection, String table, String process) throws SQLException {
        Transaction.<RuntimeException>immediate(connection, () -> {
            try (PreparedStatement s = connection.prepareStatement("UPDATE " + table
                    + " SET status = 'interrupted', " + reasonColumn(table) + " = 'arena stopped before it ended', ended_at = ?"
                    + " WHERE status = 'running' AND process = ?")) {
                s.setString(1, StoreTime.format(Instant.now()));
                s.setString(2, process);
                s.executeUpdate();
            }
        });
    }

    /** Where a table says why a row ended: a request's error, a debate's outcome reason (as transcripts name it), a tournament's stop reason. */
    private static String reasonColumn(String table) {
        switch (table) {
            case "debates":
                return "outcome_reason";
            case "tournaments":
                return "stop_reason";
            default:
                return "error";
        }
    }

    static boolean alive(String process) {
        int at = process.indexOf('@');
        if (at < 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(process.substring(0, at));
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            return handle.isPresent() && handle.get().isAlive() && token(handle.get()).equals(process);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String token(ProcessHandle process) {
        return process.pid() + "@" + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
