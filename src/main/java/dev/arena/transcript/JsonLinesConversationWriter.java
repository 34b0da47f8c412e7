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

    private final JsonLinesEvents events;

    /**
     * {@code clock} stamps events that carry no time of their own; {@code terminal}: {@code out}
     * is a terminal, so C1 and bidi controls are escaped too ({@link TerminalJson}).
     */
    public JsonLinesConversationWriter(TextSink out, Clock clock, boolean terminal) {
        this.events = new JsonLinesEvents(out, clock, terminal);
    }

    @Override
    public void conversationStarted(ConversationStart start) {
        JsonObject e = events.event("conversation_start", start.createdAt());
        TranscriptJson.merge(e, JsonConversationDocument.start(start));
        events.emit(e);
    }

    @Override
    public void promptSent(String prompt, String modelAsked, Instant at) {
        JsonObject e = events.event("prompt", at);
        e.addProperty("model_asked", modelAsked);
        e.addProperty("content", prompt);
        events.emit(e);
    }

    @Override
    public void answerStarted(String model, Instant at) {
        JsonObject e = events.event("answer_start", at);
        e.addProperty("model", model);
        events.emit(e);
    }

    @Override
    public void delta(String text) {
        JsonObject e = events.event("delta", null);
        e.addProperty("content", text);
        events.emit(e);
    }

    @Override
    public void answerEnded(Exchange exchange) {
        events.emit(TranscriptJson.merge(events.event("answer_end", exchange.endedAt()),
                JsonConversationDocument.exchange(exchange)));
    }

    @Override
    public void conversationEnded() {
        events.emit(events.event("conversation_end", null));
    }
}
