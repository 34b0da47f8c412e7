package dev.arena.transcript;

import com.google.gson.JsonObject;
import dev.arena.output.TextSink;
import dev.arena.text.TerminalJson;

import java.time.Clock;
import java.time.Instant;

/**
 * A chat conversation as JSON Lines, one event per line, flushed as it happens, with
 * {@code type} and {@code time} as the debate's events have: conversation_start, prompt,
 * answer_start, delta, answer_end (the whole answer and its usage) and conversation_end.
 */
public final class JsonLinesConversationWriter implements ConversationListener {

    private final TextSink out;
    private final Clock clock;
    private final boolean terminal;

    /**
     * {@code clock} stamps events that carry no time of their own; {@code terminal}: {@code out}
     * is a terminal, so C1 and bidi controls are escaped too ({@link TerminalJson}).
     */
    public JsonLinesConversationWriter(TextSink out, Clock clock, boolean terminal) {
        this.out = out;
        this.clock = clock;
        this.terminal = terminal;
    }

    @Override
    public void conversationStarted(ConversationStart start) {
        JsonObject e = event("conversation_start", start.createdAt());
        TranscriptJson.merge(e, JsonConversationDocument.start(start));
        emit(e);
    }

    @Override
    public void promptSent(String prompt, String modelAsked, Instant at) {
        JsonObject e = event("prompt", at);
        e.addProperty("model_asked", modelAsked);
        e.addProperty("content", prompt);
        emit(e);
    }

    @Override
    public void answerStarted(String model, Instant at) {
        JsonObject e = event("answer_start", at);
        e.addProperty("model", model);
        emit(e);
    }

    @Override
    public void delta(String text) {
        JsonObject e = event("delta", null);
        e.addProperty("content", text);
        emit(e);
    }

    @Override
    public void answerEnded(Exchange exchange) {
        emit(TranscriptJson.merge(event("answer_end", exchange.endedAt()), JsonConversationDocument.exchange(exchange)));
    }

    @Override
    public void conversationEnded() {
        emit(event("conversation_end", null));
    }

    private JsonObject event(String type, Instant at) {
        JsonObject e = new JsonObject();
        e.addProperty("type", type);
        e.addProperty("time", (at == null ? clock.instant() : at).toString());
        return e;
    }

    private void emit(JsonObject event) {
        String json = event.toString();
        out.write(terminal ? TerminalJson.escape(json) : json).write("\n").flush();
    }
}
