package dev.arena.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chat conversations found and read back to be continued ({@code chat -c}, {@code --session},
 * {@code --cid}, the interactive chat). A history is rebuilt from the requests: the messages the
 * latest answered request sent, then its answer. A request counts as answered when it completed
 * or was cut at the answer limit, or when it was stopped part-way (Ctrl-C, every model failed)
 * after some text arrived, which the chat kept marked cut. A request that got no text at all is
 * not part of the history, and neither is its prompt. Requests sent before the conversation's
 * {@code history_from} ({@code /clear}, {@code /load}) do not count.
 */
public final class ChatHistories {

    /** A conversation as found: enough to lock it before its history is read. */
    public record Found(String id, String name, String kind) {

        public boolean isChat() {
            return "chat".equals(kind);
        }
    }

    private static final String ANSWERED = "(status IN ('complete', 'cut') OR (status IN ('failed', 'interrupted') AND response <> ''))";
    private static final String SINCE = "(c.history_from IS NULL OR r.sent_at >= c.history_from)";

    private ChatHistories() {
    }

    /** The chat conversation named {@code name} (a session). */
    public static Optional<Found> named(StoreReader store, String name) throws StoreException {
        return find(store, "SELECT id, name, kind FROM conversations WHERE name = ? AND kind = 'chat'", name);
    }

    /** The chat conversation updated last: the one {@code -c} continues. */
    public static Optional<Found> last(StoreReader store) throws StoreException {
        return find(store, "SELECT id, name, kind FROM conversations WHERE kind = 'chat' ORDER BY updated_at DESC, rowid DESC LIMIT 1",
                null);
    }

    /** The conversation (chat or debate) with this id or unique prefix. */
    public static Found byId(StoreReader store, String idOrPrefix) throws StoreException {
        String id = store.resolve(idOrPrefix);
        return find(store, "SELECT id, name, kind FROM conversations WHERE id = ?", id).orElseThrow(
                () -> new StoreException("no conversation or debate has the id " + idOrPrefix + " (list them: arena logs)"));
    }

    /** The settings, history and totals of the chat conversation {@code id}. */
    public static ChatHistory load(StoreReader store, String id) throws StoreException {
        try {
            String name;
            ChatSettings settings;
            try (PreparedStatement s = store.connection().prepareStatement(
                    "SELECT name, model, system, settings FROM conversations WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet row = s.executeQuery()) {
                    if (!row.next()) {
                        throw new StoreException("no conversation has the id " + id + " (list them: arena logs)");
                    }
                    name = row.getString(1);
                    settings = ChatSettings.of(row.getString(2), row.getString(3), row.getString(4));
                }
            }
            // Which model gave each earlier answer, and whether it was cut: the messages sent keep only the text.
            Map<String, HistoryMessage> answers = new HashMap<>();
            int count = 0;
            long promptTokens = 0;
            long completionTokens = 0;
            Double cost = null;
            try (PreparedStatement s = store.connection().prepareStatement("""
                    SELECT r.response, coalesce(r.model, r.model_asked), r.status, r.prompt_tokens, r.completion_tokens, r.cost_usd
                    FROM requests r JOIN conversations c ON c.id = r.conversation_id
                    WHERE r.conversation_id = ? AND r.purpose = 'chat' AND\s""" + SINCE + " AND " + ANSWERED + " ORDER BY r.rowid")) {
                s.setString(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        answers.put(rows.getString(1), answer(rows.getString(1), rows.getString(2), rows.getString(3)));
                        String status = rows.getString(3);
                        if (status.equals("complete") || status.equals("cut")) {
                            count++;
                        }
                        promptTokens += rows.getLong(4);
                        completionTokens += rows.getLong(5);
                        double c = rows.getDouble(6);
                        if (!rows.wasNull()) {
                            cost = (cost == null ? 0 : cost) + c;
                        }
                    }
                }
            }
            List<HistoryMessage> messages = new ArrayList<>();
            try (PreparedStatement s = store.connection().prepareStatement("""
                    SELECT r.messages, r.response, coalesce(r.model, r.model_asked), r.status
                    FROM requests r JOIN conversations c ON c.id = r.conversation_id
                    WHERE r.conversation_id = ? AND r.purpose = 'chat' AND\s""" + SINCE + " AND " + ANSWERED
                    + " ORDER BY r.rowid DESC LIMIT 1")) {
                s.setString(1, id);
                try (ResultSet row = s.executeQuery()) {
                    if (row.next()) {
                        for (JsonElement element : parse(store, row.getString(1))) {
                            JsonObject m = element.getAsJsonObject();
                            String role = m.get("role").getAsString();
                            String content = m.get("content").getAsString();
                            if (role.equals("user")) {
                                messages.add(new HistoryMessage("user", content, null, false));
                            } else if (role.equals("assistant")) {
                                messages.add(answers.getOrDefault(content, new HistoryMessage("assistant", content, null, false)));
                            }
                            // The system prompt is a setting of the conversation, sent afresh with every request.
                        }
                        messages.add(answer(row.getString(2), row.getString(3), row.getString(4)));
                    }
                }
            }
            return new ChatHistory(id, name, settings, messages, count, promptTokens, completionTokens, cost);
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(store.file(), e), e);
        }
    }

    private static HistoryMessage answer(String text, String model, String status) {
        return new HistoryMessage("assistant", text, model, !status.equals("complete"));
    }

    private static JsonArray parse(StoreReader store, String messages) throws StoreException {
        try {
            JsonArray array = JsonParser.parseString(messages).getAsJsonArray();
            for (JsonElement element : array) {
                JsonObject m = element.getAsJsonObject();
                m.get("role").getAsString();
                m.get("content").getAsString();
            }
            return array;
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new StoreException("the store " + store.file() + " holds a request whose messages are not arena's JSON"
                    + " (edited by hand?); continue another conversation, or start one");
        }
    }

    private static Optional<Found> find(StoreReader store, String sql, String parameter) throws StoreException {
        try (PreparedStatement s = store.connection().prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new Found(row.getString(1), row.getString(2), row.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(store.file(), e), e);
        }
    }
}
