package dev.arena.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.RequestLog;
import dev.arena.resilience.RequestOutcome;
import dev.arena.resilience.RequestTag;
import dev.arena.text.Redactor;

import java.time.Instant;
import java.util.List;

/**
 * Records every request of the fallback chains as one row of {@code requests}: inserted as
 * running when it is sent, completed when it ends, each a transaction of its own, so a crash
 * loses at most what was in flight (and {@link Recovery} marks that row interrupted). Every text
 * passes through the redactor first, so the key never reaches the store. A cost the chain
 * estimated is recorded as estimated.
 */
public final class RequestRecorder implements RequestLog {

    private final StoreWriter writer;
    private final Redactor redactor;

    public RequestRecorder(StoreWriter writer, Redactor redactor) {
        this.writer = writer;
        this.redactor = redactor;
    }

    /** Records a new debate's conversation, titled by its motion; returns its id, the debate's. */
    public String startDebate(String motion, Instant at) {
        return Conversations.startDebate(writer, redactor.redact(motion), at);
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
        writer.submit(Row.of(RowStatement.REQUEST_STARTED, id, tag.conversationId(), tag.purpose().id(), tag.side(),
                tag.round(), tag.reading(), chain.get(0), chainJson, messages, prompt, request.temperature(),
                request.maxTokens(), request.seed(), StoreTime.format(sentAt), Recovery.THIS_PROCESS));
        return outcome -> ended(id, tag.conversationId(), outcome);
    }

    private void ended(String id, String conversationId, RequestOutcome o) {
        Usage usage = o.usage();
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
        boolean counted = usage != null && !usage.isNone() && !usage.invalid();
        boolean priced = usage != null && !usage.invalid() && usage.cost() != null;
        writer.submit(Row.of(RowStatement.REQUEST_ENDED, o.answeringModel(), o.provider(), o.generationId(), response,
                o.textChars(), reasoning, counted ? usage.promptTokens() : null, counted ? usage.completionTokens() : null,
                priced ? usage.cost() : null, priced && usage.costEstimated() ? 1 : 0, StoreTime.format(o.firstTokenAt()),
                StoreTime.format(o.endedAt()), o.retries(), fallbacks.toString(), o.ending().id(), o.finishReason(), error,
                id));
        writer.submit(Row.of(RowStatement.CONVERSATION_TOUCHED, StoreTime.format(o.endedAt()), conversationId));
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
}
