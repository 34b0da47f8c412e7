package dev.arena.transcript;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.arena.openrouter.Usage;

/**
 * A chat conversation as one JSON document: {@code id, title, model, system, created_at} and
 * {@code exchanges}, each with its prompt, answer and usage, named as the debate's JSON names
 * a turn's fields. Built from the events, written whole ({@code arena logs export --format json}).
 */
public final class JsonConversationDocument implements ConversationListener {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .disableHtmlEscaping().create();

    private JsonObject document = new JsonObject();
    private final JsonArray exchanges = new JsonArray();

    /** The document, pretty-printed, ending in a newline. */
    public String text() {
        JsonObject doc = document.deepCopy();
        doc.add("exchanges", exchanges);
        return GSON.toJson(doc) + "\n";
    }

    @Override
    public void conversationStarted(ConversationStart start) {
        document = start(start);
        document.addProperty("created_at", TranscriptJson.instant(start.createdAt()));
    }

    @Override
    public void answerEnded(Exchange exchange) {
        exchanges.add(exchange(exchange));
    }

    static JsonObject start(ConversationStart start) {
        JsonObject o = new JsonObject();
        o.addProperty("id", start.id());
        o.addProperty("title", start.title());
        o.addProperty("model", start.model());
        o.addProperty("system", start.system());
        return o;
    }

    static JsonObject exchange(Exchange x) {
        JsonObject o = new JsonObject();
        o.addProperty("prompt", x.prompt());
        o.addProperty("model_asked", x.modelAsked());
        o.addProperty("model", x.model());
        o.addProperty("status", x.status());
        o.addProperty("error", x.error());
        o.addProperty("sent_at", TranscriptJson.instant(x.sentAt()));
        o.addProperty("first_token_at", TranscriptJson.instant(x.firstTokenAt()));
        o.addProperty("ended_at", TranscriptJson.instant(x.endedAt()));
        o.addProperty("elapsed_ms", x.elapsed().toMillis());
        Usage u = x.usage() == null ? Usage.NONE : x.usage();
        TranscriptJson.usage(o, u.promptTokens(), u.completionTokens(), u.cost(), u.costEstimated(), u.invalid());
        o.addProperty("text", x.answer());
        return o;
    }
}
