package dev.arena.store;

import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.RequestOutcome;
import dev.arena.resilience.RequestTag;
import dev.arena.text.Redactor;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the store's tests share: raw connections, counts, a short busy timeout, whole chats recorded, child JVMs. */
public final class StoreTesting {

    private StoreTesting() {
    }

    /** A plain connection to {@code file}: no migration, no pragmas, as sqlite3 would open it. */
    static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** The single number {@code sql} selects from {@code file}. */
    static long number(Path file, String sql) throws SQLException {
        try (Connection c = raw(file); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Makes writers give up on a lock after {@code millis} instead of 30 s until closed, for tests
     * of a store held locked past the timeout. Public for the command-line tests.
     */
    public static AutoCloseable busyTimeout(int millis) {
        Database.busyTimeoutMs(millis);
        return () -> Database.busyTimeoutMs(Database.BUSY_TIMEOUT_MS);
    }

    /** Records {@code count} complete chat requests, one conversation, through {@code writer}, as a chat does. */
    static String recordChat(StoreWriter writer, Redactor redactor, int count, String text) {
        RequestRecorder recorder = new RequestRecorder(writer, redactor);
        Instant at = Instant.now();
        String conversation = SessionRecorder.newId(at);
        new SessionRecorder(writer, redactor).start(conversation, null, text,
                new ChatSettings("test/model", List.of(), "system " + text, null, null, null), at);
        for (int i = 0; i < count; i++) {
            ChatRequest request = new ChatRequest("test/model", List.of(Message.system("system " + text), Message.user(text + " " + i)),
                    0.5, 100, 7L);
            recorder.started(RequestTag.chat(conversation), request, List.of("test/model", "test/backup"), at)
                    .ended(new RequestOutcome(RequestOutcome.Ending.COMPLETE, "test/model", "provider " + text, "gen-" + i,
                            "answer " + text + " " + i, 10, "reasoning " + text, new Usage(3, 4, 0.001), at, at, 0,
                            List.of(new RequestOutcome.Failure("test/other", "failed with " + text)), "stop", null));
        }
        return conversation;
    }

    /** Runs {@link StoreChild} in a JVM of its own with {@code args}, started now; see {@link #finish}. */
    static Process child(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for a child (at most two minutes) and returns its exit code and output. */
    static String finish(Process child) throws IOException, InterruptedException {
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!child.waitFor(2, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not end: " + output);
        }
        return "exit " + child.exitValue() + ": " + output.strip();
    }
}
