package dev.arena.store;

import com.google.gson.JsonArray;
import dev.arena.openrouter.Message;
import dev.arena.text.Redactor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a chat session is besides its requests (those are {@link RequestRecorder}'s): the
 * conversation with its name and settings, each change of settings, and a history that starts
 * again ({@code /clear}, {@code /load}). Through the {@link StoreWriter}, so nothing waits for
 * the database; every text passes through the key's redactor first.
 */
public final class SessionRecorder {

    /** The process recorded for requests that were never sent but stand for messages brought in from a file. */
    static final String LOADED = "load";

    private final StoreWriter writer;
    private final Redactor redactor;

    public SessionRecorder(StoreWriter writer, Redactor redactor) {
        this.writer = writer;
        this.redactor = redactor;
    }

    public boolean enabled() {
        return writer.enabled();
    }

    /** A new id for a conversation to be started later (its first request). */
    public static String newId(Instant at) {
        return Ids.next(at);
    }

    /** Records the chat conversation {@code id}, named {@code name} (null for none), titled by {@code title}. */
    public void start(String id, String name, String title, ChatSettings settings, Instant at) {
        String redactedTitle = redactor.redact(title);
        ChatSettings redacted = redact(settings);
        // A name is the user's text like any other: a key typed into it never reaches the store.
        writer.submit(Conversations.chatStarted(id, name == null ? null : redactor.redact(name), redactedTitle, redacted,
                at, at));
    }

    /** The conversation is asked with these settings from now on. */
    public void settings(String id, ChatSettings settings, Instant at) {
        ChatSettings redacted = redact(settings);
        writer.submit(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE conversations SET model = ?, system = ?, settings = ?, updated_at = ? WHERE id = ?")) {
                s.setString(1, redacted.model());
                s.setString(2, redacted.system());
                s.setString(3, redacted.json());
                s.setString(4, StoreTime.format(at));
                s.setString(5, id);
                s.executeUpdate();
            }
        });
    }

    /**
     * The history starts again at {@code at} with {@code messages} (none after {@code /clear}; a
     * file's after {@code /load}), recorded as requests of process "load" that stand for them.
     */
    public void restart(String id, ChatSettings settings, List<HistoryMessage> messages, Instant at) {
        ChatSettings redacted = redact(settings);
        writer.submit(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE conversations SET model = ?, system = ?, settings = ?, history_from = ?, updated_at = ? WHERE id = ?")) {
                s.setString(1, redacted.model());
                s.setString(2, redacted.system());
                s.setString(3, redacted.json());
                s.setString(4, StoreTime.format(at));
                s.setString(5, StoreTime.format(at));
                s.setString(6, id);
                s.executeUpdate();
            }
            insertHistory(connection, redactor, id, settings, messages, at, LOADED);
        });
    }

    private ChatSettings redact(ChatSettings s) {
        return new ChatSettings(s.model(), s.fallbacks(), s.system() == null ? null : redactor.redact(s.system()),
                s.temperature(), s.maxTokens(), s.seed());
    }

    /**
     * Records a history that was never asked for here (a session file's messages) as the
     * requests that would have given it: one per answer, complete (or cut, when the answer was
     * cut), with the messages before it; a last prompt left without an answer is a failed
     * request, so it is kept but not part of the history.
     */
    static void insertHistory(Connection connection, Redactor redactor, String conversationId, ChatSettings settings,
                              List<HistoryMessage> history, Instant at, String process) throws SQLException {
        List<Message> sent = new ArrayList<>();
        if (settings.system() != null) {
            sent.add(Message.system(settings.system()));
        }
        String prompt = "";
        int unanswered = 0;
        for (HistoryMessage m : history) {
            if (m.isUser()) {
                sent.add(Message.user(m.content()));
                prompt = m.content();
                unanswered++;
                continue;
            }
            String model = m.model() == null ? settings.model() : m.model();
            insertRequest(connection, redactor, conversationId, settings, model, sent, prompt, m.content(),
                    m.cut() ? "cut" : "complete", null, at, process);
            sent.add(new Message("assistant", m.content()));
            unanswered = 0;
        }
        if (unanswered > 0) {
            insertRequest(connection, redactor, conversationId, settings, settings.model(), sent, prompt, "", "failed",
                    "no answer was recorded", at, process);
        }
    }

    private static void insertRequest(Connection connection, Redactor redactor, String conversationId, ChatSettings settings,
                                      String model, List<Message> messages, String prompt, String response, String status,
                                      String error, Instant at, String process) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO requests (id, conversation_id, purpose, model_asked, chain, model, messages, prompt, response,
                  response_chars, temperature, max_tokens, seed, sent_at, ended_at, status, error, process)
                VALUES (?, ?, 'chat', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            String text = redactor.redact(response);
            s.setString(1, Ids.next(at));
            s.setString(2, conversationId);
            s.setString(3, model);
            JsonArray chain = new JsonArray();
            chain.add(model);
            s.setString(4, chain.toString());
            s.setString(5, status.equals("failed") ? null : model);
            s.setString(6, redactor.redact(RequestRecorder.messagesJson(messages)));
            s.setString(7, redactor.redact(prompt));
            s.setString(8, text);
            s.setLong(9, text.length());
            s.setObject(10, settings.temperature());
            s.setObject(11, settings.maxTokens());
            s.setObject(12, settings.seed());
            s.setString(13, StoreTime.format(at));
            s.setString(14, StoreTime.format(at));
            s.setString(15, status);
            s.setString(16, error);
            s.setString(17, process);
            s.executeUpdate();
        }
    }
}
