package dev.arena.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.arena.loopback.LoopbackReply;
import dev.arena.loopback.LoopbackRequest;
import dev.arena.loopback.LoopbackServer;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The OpenAI-compatible server {@code arena demo} debates against, inside the process on
 * loopback: it streams {@link DemoScript}'s turns word by word, {@code pace} apart, as
 * OpenRouter frames a stream (role chunk, content chunks, finish reason, usage, {@code [DONE]}),
 * so the real client, SSE parser, fallback chain and judge do the work.
 *
 * <p>{@link DemoScript#PRO} answers its first request and then fails every one after it with
 * a 503, retries included: Pro's closing falls back to {@link DemoScript#PRO_BACKUP}. Requests
 * come one at a time (a debate asks one turn after another), so the counts need no more.
 * Costs are reported as zero, which is what the demo costs.
 */
public final class DemoServer implements AutoCloseable {

    /** A 503 says a server is overloaded for now: the kind of failure a fallback is for. */
    static final int FAILURE_STATUS = 503;

    private static final Pattern WORD_END = Pattern.compile("(?<=\\s)(?=\\S)");

    private final DemoScript script;
    private final Duration pace;
    private final Map<String, Integer> asked = new HashMap<>();
    private final LoopbackServer server;

    private DemoServer(DemoScript script, Duration pace) throws IOException {
        this.script = script;
        this.pace = pace;
        this.server = LoopbackServer.start("arena-demo-server", this::answer);
    }

    /** Starts serving {@code script}, a word every {@code pace} (zero for all at once). */
    public static DemoServer start(DemoScript script, Duration pace) throws IOException {
        return new DemoServer(script, pace);
    }

    /** {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    private void answer(LoopbackRequest request, LoopbackReply reply) throws IOException {
        if (!request.path().endsWith("/chat/completions")) {
            reply.send(404, "application/json", error(404, "the demo server answers only chat completions"));
            return;
        }
        JsonObject body;
        String model;
        try {
            body = JsonParser.parseString(request.body()).getAsJsonObject();
            model = body.get("model").getAsString();
        } catch (RuntimeException notAChatRequest) { // Gson's unchecked parse errors, a missing or odd model
            reply.send(400, "application/json", error(400, "the demo server wants a chat request with a model"));
            return;
        }
        int nth = count(model);
        // About four characters a token: the demo has no tokenizer, and the summary wants a count.
        int promptTokens = request.body().length() / 4;
        switch (model) {
            case DemoScript.PRO -> {
                if (nth == 0) {
                    stream(reply, model, script.proOpening(), pace, promptTokens);
                } else {
                    reply.send(FAILURE_STATUS, "application/json", error(FAILURE_STATUS,
                            model + " is scripted to fail this turn, to show a fallback at work"));
                }
            }
            case DemoScript.PRO_BACKUP -> stream(reply, model, script.proClosing(), pace, promptTokens);
            case DemoScript.CON -> {
                List<String> turns = script.conTurns();
                stream(reply, model, turns.get(Math.min(nth, turns.size() - 1)), pace, promptTokens);
            }
            // The judge's answer is JSON for arena to read, never shown: no need to pace it.
            case DemoScript.JUDGE -> stream(reply, model, script.verdict(lastMessage(body)), Duration.ZERO, promptTokens);
            default -> reply.send(404, "application/json", error(404, "the demo server knows no model " + model));
        }
    }

    private synchronized int count(String model) {
        int nth = asked.getOrDefault(model, 0);
        asked.put(model, nth + 1);
        return nth;
    }

    private static String lastMessage(JsonObject body) {
        JsonArray messages = body.getAsJsonArray("messages");
        return messages.get(messages.size() - 1).getAsJsonObject().get("content").getAsString();
    }

    private static void stream(LoopbackReply reply, String model, String text, Duration pace, int promptTokens) throws IOException {
        reply.start(200, "text/event-stream");
        reply.write(event(model, "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null"));
        String[] words = WORD_END.split(text);
        for (String word : words) {
            pause(pace);
            reply.write(event(model, "\"delta\":{\"content\":" + new JsonPrimitive(word) + "},\"finish_reason\":null"));
        }
        reply.write(event(model, "\"delta\":{},\"finish_reason\":\"stop\""));
        reply.write("data: {\"id\":\"gen-demo\",\"model\":\"" + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
                + promptTokens + ",\"completion_tokens\":" + words.length + ",\"total_tokens\":" + (promptTokens + words.length)
                + ",\"cost\":0}}\n\n");
        reply.write("data: [DONE]\n\n");
        reply.end();
    }

    private static String event(String model, String choice) {
        return "data: {\"id\":\"gen-demo\",\"provider\":\"arena demo\",\"model\":\"" + model
                + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0," + choice + "}]}\n\n";
    }

    private static String error(int status, String message) {
        return "{\"error\":{\"code\":" + status + ",\"message\":" + new JsonPrimitive(message) + "}}";
    }

    /** A Ctrl-C cancels the client, which closes the connection: the next write fails and ends this answer. */
    private static void pause(Duration pace) throws IOException {
        if (pace.isZero()) {
            return;
        }
        try {
            Thread.sleep(pace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
