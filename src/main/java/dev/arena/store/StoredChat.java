package dev.arena.store;

import dev.arena.openrouter.CancelledException;
import dev.arena.transcript.ConversationListener;
import dev.arena.transcript.ConversationStart;
import dev.arena.transcript.Exchange;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat conversation as the store keeps it: its requests in the order they were sent, each a
 * prompt and its answer, played back into any {@link ConversationListener} at a {@link Pace}.
 * A request still running (another arena is on it) is given as it stands.
 */
public final class StoredChat {

    private final ConversationStart start;
    private final List<Exchange> exchanges;

    private StoredChat(ConversationStart start, List<Exchange> exchanges) {
        this.start = start;
        this.exchanges = exchanges;
    }

    public ConversationStart start() {
        return start;
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    /** The chat conversation {@code id} of {@code store}. */
    public static StoredChat load(StoreReader store, String id) throws StoreException {
        try {
            ConversationStart start;
            try (PreparedStatement s = store.connection().prepareStatement(
                    "SELECT id, title, model, system, created_at FROM conversations WHERE id = ? AND kind = 'chat'")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new StoreException("no chat conversation has the id " + id + " (list them: arena logs --chats)");
                    }
                    start = new ConversationStart(r.getString("id"), r.getString("title"), r.getString("model"),
                            r.getString("system"), StoreTime.parse(r.getString("created_at")));
                }
            }
            List<Exchange> exchanges = new ArrayList<>();
            try (PreparedStatement s = store.connection().prepareStatement("""
                    SELECT prompt, model_asked, model, response, prompt_tokens, completion_tokens, cost_usd, cost_estimated,
                      0 AS usage_invalid, sent_at, first_token_at, ended_at, status, error
                    FROM requests WHERE conversation_id = ? ORDER BY sent_at, rowid""")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        exchanges.add(new Exchange(r.getString("prompt"), r.getString("model_asked"), r.getString("model"),
                                r.getString("response"), DebateColumns.usage(r), StoreTime.parse(r.getString("sent_at")),
                                StoreTime.parse(r.getString("first_token_at")), StoreTime.parse(r.getString("ended_at")),
                                r.getString("status"), r.getString("error")));
                    }
                }
            }
            return new StoredChat(start, exchanges);
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.sentence(store.file(), e), e);
        }
    }

    /**
     * Gives the conversation to {@code listener}: each prompt when it was sent, its answer from
     * its first token to its end, each event after {@code pace} reached its recorded time.
     */
    public void replay(ConversationListener listener, Pace pace) throws CancelledException {
        pace.reach(start.createdAt());
        listener.conversationStarted(start);
        for (Exchange x : exchanges) {
            pace.reach(x.sentAt());
            listener.promptSent(x.prompt(), x.modelAsked(), x.sentAt());
            Instant first = x.firstTokenAt() != null ? x.firstTokenAt() : x.endedAt();
            if (first != null) {
                pace.reach(first);
            }
            listener.answerStarted(x.speaker(), first);
            for (Pace.Piece piece : pace.pieces(x.answer(), first, x.endedAt())) {
                if (piece.due() != null) {
                    pace.reach(piece.due());
                }
                listener.delta(piece.text());
            }
            if (x.endedAt() != null) {
                pace.reach(x.endedAt());
            }
            listener.answerEnded(x);
        }
        listener.conversationEnded();
    }
}
