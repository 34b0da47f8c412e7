package dev.arena.fake;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A 200 event stream, by default exactly like OpenRouter's (protocol §2): two processing comments,
 * a role chunk, one chunk per content piece, a finish chunk, a usage chunk with
 * {@code "choices":[]}, then {@code data: [DONE]}. The options below bend it into the variants and
 * faults clients must survive. Options return this, so they chain.
 */
public final class StreamReply extends Reply {

    private enum Fault { STALL, RESET, ERROR }

    /**
     * Pause between the last piece and a reset. A TCP reset makes the client's kernel drop
     * bytes the client has not read yet, so without time to read them a "reset after two
     * pieces" could arrive as "reset before any"; on a loaded 2-core machine 50 ms was not
     * always enough.
     */
    private static final int RESET_GRACE_MILLIS = 300;

    /** Content pieces, computed from the request so that {@link Reply#echo()} can answer it. */
    private final Function<JsonObject, List<String>> pieces;
    private String servedModel;
    private Integer promptTokens;
    private Integer completionTokens;
    private BigDecimal cost;
    private List<String> reasoning = List.of();
    private boolean crlf;
    private boolean noSpace;
    private boolean withoutDone;
    private boolean withoutUsage;
    private boolean ollamaStyle;
    private int delayMillis;
    private int pieceSize;
    private int commentEvery;
    private Fault fault;
    private int faultAfter;
    private Object errorCode;
    private String errorMessage;
    private String errorType;

    StreamReply(Function<JsonObject, List<String>> pieces) {
        this.pieces = pieces;
    }

    /** The {@code model} field of every chunk, as after a fallback; default: the requested model. */
    public StreamReply servedModel(String model) {
        this.servedModel = model;
        return this;
    }

    /**
     * The usage chunk's numbers. Default: 10 prompt tokens, one completion token per content or
     * reasoning piece, and $0.000001 per token.
     */
    public StreamReply usage(int prompt, int completion, double cost) {
        this.promptTokens = prompt;
        this.completionTokens = completion;
        this.cost = BigDecimal.valueOf(cost);
        return this;
    }

    /** Reasoning deltas ({@code "content":null,"reasoning":"…"}) sent before any content. */
    public StreamReply reasoning(String... pieces) {
        this.reasoning = List.of(pieces);
        return this;
    }

    /** Ends every line with CRLF instead of LF, which SSE allows. */
    public StreamReply crlf() {
        this.crlf = true;
        return this;
    }

    /** Writes {@code data:{…}} without the optional space after the colon. */
    public StreamReply noSpace() {
        this.noSpace = true;
        return this;
    }

    /** Ends the stream without {@code data: [DONE]}: clients must finish at end of body too. */
    public StreamReply withoutDone() {
        this.withoutDone = true;
        return this;
    }

    /** Leaves out the usage chunk. */
    public StreamReply withoutUsage() {
        this.withoutUsage = true;
        return this;
    }

    /**
     * Streams like Ollama's OpenAI endpoint (protocol §9): no comments, no role chunk, no
     * X-Generation-Id, chunks without provider fields, no cost, and usage only when the request
     * asked for it with {@code stream_options.include_usage}.
     */
    public StreamReply ollamaStyle() {
        this.ollamaStyle = true;
        return this;
    }

    /** Waits this long before each event after the first. */
    public StreamReply delayMillis(int millis) {
        this.delayMillis = requireAtLeast(0, millis);
        return this;
    }

    /**
     * Sends the body in TCP writes of this many bytes, one HTTP chunk each and about 1 ms apart, so
     * events and multi-byte UTF-8 characters arrive split across the client's reads.
     */
    public StreamReply writeInPiecesOf(int bytes) {
        this.pieceSize = requireAtLeast(1, bytes);
        return this;
    }

    /** Sends a {@code : OPENROUTER PROCESSING} comment after every n content chunks. */
    public StreamReply commentEvery(int contentChunks) {
        this.commentEvery = requireAtLeast(1, contentChunks);
        return this;
    }

    /** After this many content chunks, sends nothing more but holds the connection open. */
    public StreamReply stallAfter(int contentPieces) {
        return fault(Fault.STALL, contentPieces);
    }

    /** After this many content chunks, resets the TCP connection. */
    public StreamReply resetAfter(int contentPieces) {
        return fault(Fault.RESET, contentPieces);
    }

    /**
     * After this many content chunks, sends OpenRouter's mid-stream error event and ends the stream
     * (status still 200, no [DONE]). The metadata's error_type is derived from the code.
     *
     * @param code an Integer (e.g. 429) or a String (e.g. "server_error"): the docs show both
     */
    public StreamReply errorAfter(int contentPieces, Object code, String message) {
        return errorAfter(contentPieces, code, message, errorTypeFor(code));
    }

    /** As {@link #errorAfter(int, Object, String)}, with an explicit metadata error_type. */
    public StreamReply errorAfter(int contentPieces, Object code, String message, String errorType) {
        if (!(code instanceof Integer || code instanceof String)) {
            throw new IllegalArgumentException("error code must be an Integer or a String: " + code);
        }
        this.errorCode = code;
        this.errorMessage = message;
        this.errorType = errorType;
        return fault(Fault.ERROR, contentPieces);
    }

    private StreamReply fault(Fault kind, int after) {
        this.fault = kind;
        this.faultAfter = requireAtLeast(0, after);
        return this;
    }

    @Override
    boolean serve(Exchange exchange) throws IOException {
        String model = servedModel != null ? servedModel : exchange.model();
        List<String> content = pieces.apply(exchange.request());
        Chunks chunks = ollamaStyle ? Chunks.ollama(model) : Chunks.openRouter(model);
        HttpConnection connection = exchange.connection();
        connection.startChunked(200, headers(ollamaStyle ? null : chunks.id()));
        SseWriter sse = new SseWriter(connection, crlf ? "\r\n" : "\n", noSpace ? "data:" : "data: ",
                pieceSize, delayMillis);

        if (!ollamaStyle) {
            sse.comment();
            sse.comment();
            sse.data(chunks.role());
        }
        for (String thought : reasoning) {
            sse.data(chunks.reasoning(thought));
        }
        int sent = 0;
        for (String piece : content) {
            if (fault != null && sent == faultAfter) {
                break;
            }
            sse.data(chunks.content(piece));
            sent++;
            if (commentEvery > 0 && sent % commentEvery == 0) {
                sse.comment();
            }
        }
        if (fault != null) {
            return fail(sse, connection, chunks);
        }
        sse.data(chunks.finish());
        if (usageWanted(exchange.request())) {
            int prompt = promptTokens != null ? promptTokens : 10;
            int completion = completionTokens != null ? completionTokens : content.size() + reasoning.size();
            BigDecimal price = cost != null ? cost : BigDecimal.valueOf(prompt + completion, 6);
            sse.data(chunks.usage(prompt, completion, reasoning.size(), plain(price)));
        }
        if (!withoutDone) {
            sse.done();
        }
        sse.end();
        return true;
    }

    private boolean fail(SseWriter sse, HttpConnection connection, Chunks chunks) throws IOException {
        switch (fault) {
            case STALL -> {
                sse.flush();
                connection.awaitClientGone();
                return false;
            }
            case RESET -> {
                sse.flush();
                // Let the client take in what was sent: an RST arriving with the data can make the
                // client's HTTP layer fail before it hands over the headers or the pieces.
                SseWriter.pause(RESET_GRACE_MILLIS);
                connection.reset();
                return false;
            }
            default -> {
                sse.data(chunks.error(errorCode, errorMessage, errorType));
                sse.end();
                return true;
            }
        }
    }

    private boolean usageWanted(JsonObject request) {
        if (withoutUsage) {
            return false;
        }
        if (!ollamaStyle) {
            return true; // OpenRouter always sends usage now (protocol §1)
        }
        JsonElement options = request.get("stream_options");
        if (options == null || !options.isJsonObject()) {
            return false;
        }
        JsonElement include = options.getAsJsonObject().get("include_usage");
        return include != null && include.isJsonPrimitive() && include.getAsBoolean();
    }

    static Map<String, String> headers(String generationId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/event-stream");
        headers.put("Cache-Control", "no-cache");
        if (generationId != null) {
            headers.put("X-Generation-Id", generationId);
        }
        return headers;
    }

    /** Prints like JavaScript would for costs (0.000093, 0), not like Java's 9.3E-5 or 0.0. */
    private static BigDecimal plain(BigDecimal cost) {
        BigDecimal stripped = cost.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String errorTypeFor(Object code) {
        if (!(code instanceof Integer status)) {
            return "server";
        }
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "authentication";
            case 402 -> "payment_required";
            case 403 -> "permission_denied";
            case 404 -> "not_found";
            case 408, 504 -> "timeout";
            case 429 -> "rate_limit_exceeded";
            case 502 -> "provider_unavailable";
            case 503 -> "provider_overloaded";
            default -> "server";
        };
    }

    private static int requireAtLeast(int minimum, int value) {
        if (value < minimum) {
            throw new IllegalArgumentException("must be at least " + minimum + ": " + value);
        }
        return value;
    }
}
