package dev.arena.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.arena.catalog.CostEstimator;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.RequestLog;
import dev.arena.resilience.RequestOutcome;
import dev.arena.resilience.RequestTag;
import dev.arena.text.Redactor;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Records every request of the fallback chains as one row of {@code requests}: inserted as
 * running when it is sent, completed when it ends, each a transaction of its own, so a crash
 * loses at most what was in flight (and {@link Recovery} marks that row interrupted). Every text
 * passes through the redactor first, so the key never reaches the store; a cost the server did
 * not report is estimated from the catalogue and marked so.
 */
public final class RequestRecorder implements RequestLog {

    private final StoreWriter writer;
    private final Redactor redactor;
    private final CostEstimator costs;

    public RequestRecorder(StoreWriter writer, Redactor redactor, CostEstimator costs) {
        this.writer = writer;
        this.redactor = redactor;
        this.costs = costs;
    }

    /** Records a new chat conversation, titled by its first prompt; returns its id. */
    public String startChat(String firstPrompt, String model, String system, Instant at) {
        return Conversations.start(writer, "chat", redactor.redact(firstPrompt), model,
                system == null ? null : redactor.redact(system), at);
    }

    /** Records a new debate's conversation, titled by its motion; returns its id, the debate's. */
    public String startDebate(String motion, Instant at) {
        return Conversations.start(writer, "debate", redactor.redact(motion), null, null, at);
    }

    @Override
    public Pending started(RequestTag tag, ChatRequest request, List<String> chain, Instant sentAt) {
        if (!writer.enabled()) {
            return outcome -> {
            };
        }
        String id = Ids.next(sentAt);
        String messages = redactor.redact(messagesJson(request.messages()));
        String prompt = redactor.redact(lastUserMessage(request.messages()));
        String chainJson = json(chain);
        writer.submit(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    INSERT INTO requests (id, conversation_id, purpose, side, round, reading, model_asked, chain,
                      messages, prompt, temperature, max_tokens, seed, sent_at, status, process)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)""")) {
                s.setString(1, id);
                s.setString(2, tag.conversationId());
                s.setString(3, tag.purpose().id());
                s.setString(4, tag.side());
                setInteger(s, 5, tag.round());
                setInteger(s, 6, tag.reading());
                s.setString(7, chain.get(0));
                s.setString(8, chainJson);
                s.setString(9, messages);
                s.setString(10, prompt);
                if (request.temperature() == null) {
                    s.setNull(11, Types.REAL);
                } else {
                    s.setDouble(11, request.temperature());
                }
                setInteger(s, 12, request.maxTokens());
                if (request.seed() == null) {
                    s.setNull(13, Types.INTEGER);
                } else {
                    s.setLong(13, request.seed());
                }
                s.setString(14, StoreTime.format(sentAt));
                s.setString(15, Recovery.THIS_PROCESS);
                s.executeUpdate();
            }
        });
        return outcome -> ended(id, tag.conversationId(), outcome);
    }

    private void ended(String id, String conversationId, RequestOutcome o) {
        Usage usage = o.usage() == null ? null : costs.complete(o.answeringModel(), o.usage());
        String response = redactor.redact(o.text());
        String reasoning = redactor.redact(o.reasoning());
        String error = o.error() == null ? null : redactor.redact(o.error());
        JsonArray fallbacks = new JsonArray();
        for (RequestOutcome.Failure failure : o.fallbacks()) {
            JsonObject f = new JsonObject();
            f.addProperty("model", failure.model());
            f.addProperty("error", redactor.redact(failure.error()));
            fallbacks.add(f);
        }
        writer.submit(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    UPDATE requests SET model = ?, provider = ?, generation_id = ?, response = ?, response_chars = ?,
                      reasoning = ?, prompt_tokens = ?, completion_tokens = ?, cost_usd = ?, cost_estimated = ?,
                      first_token_at = ?, ended_at = ?, retries = ?, fallbacks = ?, status = ?, finish_reason = ?,
                      error = ?
                    WHERE id = ?""")) {
                s.setString(1, o.answeringModel());
                s.setString(2, o.provider());
                s.setString(3, o.generationId());
                s.setString(4, response);
                s.setLong(5, o.textChars());
                s.setString(6, reasoning);
                boolean counted = usage != null && !usage.isNone() && !usage.invalid();
                setLong(s, 7, counted ? usage.promptTokens() : null);
                setLong(s, 8, counted ? usage.completionTokens() : null);
                if (usage == null || usage.invalid() || usage.cost() == null) {
                    s.setNull(9, Types.REAL);
                    s.setInt(10, 0);
                } else {
                    s.setDouble(9, usage.cost());
                    s.setInt(10, usage.costEstimated() ? 1 : 0);
                }
                s.setString(11, StoreTime.format(o.firstTokenAt()));
                s.setString(12, StoreTime.format(o.endedAt()));
                s.setInt(13, o.retries());
                s.setString(14, fallbacks.toString());
                s.setString(15, o.ending().id());
                s.setString(16, o.finishReason());
                s.setString(17, error);
                s.setString(18, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement("UPDATE conversations SET updated_at = ? WHERE id = ?")) {
                s.setString(1, StoreTime.format(o.endedAt()));
                s.setString(2, conversationId);
                s.executeUpdate();
            }
        });
    }

    static String messagesJson(List<Message> messages) {
        JsonArray array = new JsonArray();
        for (Message m : messages) {
            JsonObject message = new JsonObject();
            message.addProperty("role", m.role());
            message.addProperty("content", m.content());
            array.add(message);
        }
        return array.toString();
    }

    private static String lastUserMessage(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    private static String json(List<String> strings) {
        JsonArray array = new JsonArray();
        strings.forEach(array::add);
        return array.toString();
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value);
        }
    }
}
