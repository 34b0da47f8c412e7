package dev.arena.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Rows of {@code conversations}: one for each chat conversation and each debate. */
public final class Conversations {

    /** Titles are for lists: the first line of the first prompt, at most this long. */
    static final int TITLE_LIMIT = 200;

    private Conversations() {
    }

    /** Records a new conversation, {@code kind} "chat" or "debate", titled by its first prompt or its motion; returns its id. */
    static String start(StoreWriter writer, String kind, String text, String model, String system, Instant at) {
        String id = Ids.next(at);
        String title = title(text);
        writer.submit(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    INSERT INTO conversations (id, kind, title, model, system, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, id);
                s.setString(2, kind);
                s.setString(3, title);
                s.setString(4, model);
                s.setString(5, system);
                s.setString(6, StoreTime.format(at));
                s.setString(7, StoreTime.format(at));
                s.executeUpdate();
            }
        });
        return id;
    }

    /** Inserts a chat conversation with its name (null for none) and settings; the texts are redacted already. */
    static void insertChat(Connection connection, String id, String name, String title, ChatSettings settings,
                           Instant createdAt, Instant updatedAt) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO conversations (id, kind, name, title, model, system, settings, created_at, updated_at)
                VALUES (?, 'chat', ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, id);
            s.setString(2, name);
            s.setString(3, title(title));
            s.setString(4, settings.model());
            s.setString(5, settings.system());
            s.setString(6, settings.json());
            s.setString(7, StoreTime.format(createdAt));
            s.setString(8, StoreTime.format(updatedAt));
            s.executeUpdate();
        }
    }

    static String title(String text) {
        String line = text.strip();
        int end = line.indexOf('\n');
        if (end >= 0) {
            line = line.substring(0, end).strip();
        }
        if (line.length() > TITLE_LIMIT) {
            int cut = TITLE_LIMIT - 1;
            if (Character.isHighSurrogate(line.charAt(cut - 1))) {
                cut--;
            }
            line = line.substring(0, cut) + "…";
        }
        return line;
    }
}
