package dev.arena.store;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a user types after {@code -q} is a search, never an FTS5 syntax error, and a word of
 * an answer finds its conversation.
 */
class LogQueryTest {

    private static Path dir;
    private static Path file;
    private static Connection writer;

    @BeforeContainer
    static void store() throws IOException, StoreException, SQLException {
        dir = Files.createTempDirectory("arena-logquery");
        file = dir.resolve("arena.db");
        writer = Database.open(file, dir.resolve("cache"));
        record("seed", "AND NEAR (x* \"quoted\" ^col: -not", "OR NOT \u00e9t\u00e9 \u4e2d\u6587 emoji \ud83d\ude00");
    }

    @AfterContainer
    static void remove() throws IOException, SQLException {
        writer.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A chat conversation with one complete request; returns its id. */
    private static String record(String title, String prompt, String response) throws SQLException {
        Instant now = Instant.now();
        String id = Ids.next(now);
        try (PreparedStatement c = writer.prepareStatement(
                "INSERT INTO conversations (id, kind, title, created_at, updated_at) VALUES (?, 'chat', ?, ?, ?)")) {
            c.setString(1, id);
            c.setString(2, title);
            c.setString(3, StoreTime.format(now));
            c.setString(4, StoreTime.format(now));
            c.executeUpdate();
        }
        try (PreparedStatement r = writer.prepareStatement("""
                INSERT INTO requests (id, conversation_id, purpose, model_asked, chain, messages, prompt, response,
                  sent_at, status, process) VALUES (?, ?, 'chat', 'm/a', '["m/a"]', '[]', ?, ?, ?, 'complete', 'test')""")) {
            r.setString(1, Ids.next(now));
            r.setString(2, id);
            r.setString(3, prompt);
            r.setString(4, response);
            r.setString(5, StoreTime.format(now));
            r.executeUpdate();
        }
        return id;
    }

    private static List<LogEntry> search(String text) throws StoreException {
        try (StoreReader reader = StoreReader.open(file, dir.resolve("cache")).orElseThrow()) {
            return new LogQuery(0, null, null, null, text).run(reader);
        }
    }

    @Property(tries = 300)
    void anyTextIsASearchNotASyntaxError(@ForAll String text) throws StoreException {
        if (LogQuery.searchExpression(text).isEmpty()) {
            return; // no words: the command refuses it before any query
        }
        List<LogEntry> found = search(text);
        for (int i = 0; i < found.size(); i++) {
            assertEquals(i + 1, found.get(i).rank());
        }
    }

    @Property(tries = 60)
    void aWordOfAnAnswerFindsItsConversation(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String word)
            throws SQLException, StoreException {
        String id = record("about " + word, "?", "well, " + word + ", and so on");
        List<LogEntry> found = search(word.toUpperCase(Locale.ROOT));
        // Case is ignored both ways: the snippet shows the answer's word as written.
        assertTrue(found.stream().anyMatch(e -> e.id().equals(id) && e.snippet().equals("well, [" + word + "], and so on")),
                found.toString());
    }

    @Example
    void aChatWithoutRequestsShowsItsModelAndCostsAddUpWithoutNoise() throws SQLException, StoreException {
        String empty = Ids.next(Instant.now());
        try (PreparedStatement c = writer.prepareStatement("INSERT INTO conversations (id, kind, title, model, created_at, updated_at)"
                + " VALUES (?, 'chat', 'nothing asked yet', 'm/start', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')")) {
            c.setString(1, empty);
            c.executeUpdate();
        }
        String priced = record("priced", "p", "r");
        record(priced, 0.1);
        record(priced, 0.2);
        List<LogEntry> all;
        try (StoreReader reader = StoreReader.open(file, dir.resolve("cache")).orElseThrow()) {
            all = new LogQuery(0, "chat", null, null, null).run(reader);
        }
        LogEntry first = all.stream().filter(e -> e.id().equals(empty)).findFirst().orElseThrow();
        assertEquals(List.of("m/start"), first.models());
        assertEquals(0, first.requests());
        assertNull(first.costUsd());
        LogEntry sum = all.stream().filter(e -> e.id().equals(priced)).findFirst().orElseThrow();
        assertEquals(3, sum.requests());
        assertEquals(0.3, sum.costUsd());
    }

    /** One more request of {@code conversation}, costing {@code usd}. */
    private static void record(String conversation, double usd) throws SQLException {
        try (PreparedStatement r = writer.prepareStatement("""
                INSERT INTO requests (id, conversation_id, purpose, model_asked, chain, messages, prompt, sent_at, status,
                  process, cost_usd) VALUES (?, ?, 'chat', 'm/a', '["m/a"]', '[]', 'p', ?, 'complete', 'test', ?)""")) {
            r.setString(1, Ids.next(Instant.now()));
            r.setString(2, conversation);
            r.setString(3, StoreTime.format(Instant.now()));
            r.setDouble(4, usd);
            r.executeUpdate();
        }
    }

    @Property(tries = 300)
    void theExpressionIsQuotedStringsOnly(@ForAll String text) {
        String expression = LogQuery.searchExpression(text);
        assertTrue(expression.isEmpty() || expression.matches("\"(?:[^\"\\p{Cntrl}\\p{Cs}]|\"\")+\"(?: \"(?:[^\"\\p{Cntrl}\\p{Cs}]|\"\")+\")*"),
                expression);
    }
}
