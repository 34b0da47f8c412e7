package dev.arena.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the fake answers to one chat-completions request: a stream, an error, or a network fault.
 * Build one with the static factories; {@link StreamReply} and {@link ErrorReply} take further options.
 */
public abstract class Reply {

    /**
     * The request being answered: its JSON body and the model it named. Both are null when the fake
     * answers on its own before reading them (unknown path, missing key).
     */
    record Exchange(HttpConnection connection, JsonObject request, String model) {}

    Reply() {
        // only the kinds in this package: each must know how to drive the raw connection
    }

    /**
     * Writes this reply.
     *
     * @return whether the connection can carry another request afterwards (false once it was reset
     *     or held until the client left)
     */
    abstract boolean serve(Exchange exchange) throws IOException;

    /** A normal OpenRouter stream with one content chunk per piece. */
    public static StreamReply stream(String... contentPieces) {
        List<String> pieces = List.of(contentPieces);
        return new StreamReply(request -> pieces);
    }

    /** A stream that never ends: the bench's flood, short pieces sent as fast as the socket takes them. */
    public static Reply endlessStream() {
        return BenchWorkloads.flood(Long.MAX_VALUE);
    }

    /** A stream of the last user message split into words (spaces kept), for manual demos. */
    public static StreamReply echo() {
        return new StreamReply(request -> words(lastUserText(request)));
    }

    /** A stream of one piece computed from the last user message: a judge that follows a rule. */
    public static StreamReply answering(java.util.function.Function<String, String> toLastUserMessage) {
        return new StreamReply(request -> List.of(toLastUserMessage.apply(lastUserText(request))));
    }

    /** An error before any stream: this status, {@code Content-Type: application/json}, this exact body. */
    public static ErrorReply error(int status, String jsonBody) {
        return new ErrorReply(status, jsonBody);
    }

    /** A plain 200 answer with {@code Content-Type: application/json} and this exact body. */
    public static ErrorReply json(String jsonBody) {
        return new ErrorReply(200, jsonBody);
    }

    /** An error in OpenRouter's shape, {@code {"error":{"code":status,"message":message}}}. */
    public static ErrorReply errorMessage(int status, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", status);
        error.addProperty("message", message);
        JsonObject body = new JsonObject();
        body.add("error", error);
        return new ErrorReply(status, Chunks.GSON.toJson(body));
    }

    /** Reads the request, then resets the connection before sending a single byte. */
    public static Reply resetBeforeHeaders() {
        return new Reply() {
            @Override
            boolean serve(Exchange exchange) throws IOException {
                exchange.connection().reset();
                return false;
            }
        };
    }

    /** Reads the request, then sends nothing and holds the connection until the client or the fake closes it. */
    public static Reply stallBeforeHeaders() {
        return new Reply() {
            @Override
            boolean serve(Exchange exchange) throws IOException {
                exchange.connection().awaitClientGone();
                return false;
            }
        };
    }

    /** A 200 event stream whose body is exactly these characters, UTF-8 encoded, in one write. */
    public static Reply raw(String sseBody) {
        byte[] body = sseBody.getBytes(StandardCharsets.UTF_8);
        return new Reply() {
            @Override
            boolean serve(Exchange exchange) throws IOException {
                exchange.connection().startChunked(200, StreamReply.headers(Chunks.newGenerationId()));
                exchange.connection().sendChunk(body);
                exchange.connection().endChunked();
                return true;
            }
        };
    }

    /**
     * A 200 {@code /models} answer of at least this many bytes: models with long descriptions,
     * generated while they are sent (in 64 KB chunks), so the fake never holds the body whole.
     */
    public static Reply largeModelList(long bytes) {
        return new Reply() {
            @Override
            boolean serve(Exchange exchange) throws IOException {
                exchange.connection().startChunked(200, Map.of("Content-Type", "application/json"));
                OutputStream out = new BufferedOutputStream(exchange.connection().chunkedBody(), 64 * 1024);
                byte[] description = "x".repeat(1000).getBytes(StandardCharsets.US_ASCII);
                out.write("{\"data\":[".getBytes(StandardCharsets.US_ASCII));
                long written = 0;
                for (int i = 0; written < bytes; i++) {
                    byte[] head = ((i == 0 ? "" : ",") + "{\"id\":\"big/m" + i + "\",\"description\":\"")
                            .getBytes(StandardCharsets.US_ASCII);
                    out.write(head);
                    out.write(description);
                    out.write('"');
                    out.write('}');
                    written += head.length + description.length + 2;
                }
                out.write("]}".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                exchange.connection().endChunked();
                return true;
            }
        };
    }

    /**
     * A 200 {@code /models} answer that never ends: the start of a list, then one space every
     * {@code millis} ms until the client hangs up (a server that trickles).
     */
    public static Reply tricklingModelList(int millis) {
        return new Reply() {
            @Override
            boolean serve(Exchange exchange) throws IOException {
                exchange.connection().startChunked(200, Map.of("Content-Type", "application/json"));
                exchange.connection().sendChunk("{\"data\":[".getBytes(StandardCharsets.US_ASCII));
                try {
                    while (true) {
                        Thread.sleep(millis);
                        exchange.connection().sendChunk(new byte[] {' '});
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        };
    }

    private static String lastUserText(JsonObject request) {
        JsonElement messages = request.get("messages");
        if (messages == null || !messages.isJsonArray()) {
            return "";
        }
        JsonArray list = messages.getAsJsonArray();
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).isJsonObject()) {
                JsonObject message = list.get(i).getAsJsonObject();
                JsonElement role = message.get("role");
                if (role != null && role.isJsonPrimitive() && role.getAsString().equals("user")) {
                    return text(message.get("content"));
                }
            }
        }
        return "";
    }

    /** Message content is either a string or a list of parts, of which only text parts count here. */
    private static String text(JsonElement content) {
        if (content == null || content.isJsonNull()) {
            return "";
        }
        if (content.isJsonPrimitive()) {
            return content.getAsString();
        }
        StringBuilder text = new StringBuilder();
        if (content.isJsonArray()) {
            for (JsonElement part : content.getAsJsonArray()) {
                if (part.isJsonObject() && part.getAsJsonObject().has("text")) {
                    text.append(part.getAsJsonObject().get("text").getAsString());
                }
            }
        }
        return text.toString();
    }

    /** "Hello big world" becomes "Hello ", "big ", "world": joined back they give the original text. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>(Arrays.asList(text.split("(?<=\\s)(?=\\S)")));
        words.removeIf(String::isEmpty);
        return words;
    }
}
